//! What may appear in logs and the audit log: emails truncated, secrets never.

/// Hex SHA-256 of the concatenated `parts` (token hashes, salted IP and user-agent hashes).
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Truncates an email for logs: `alice@example.com` -> `al***@example.com`.
pub fn truncate_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let keep: String = local.chars().take(2).collect();
            format!("{keep}***@{domain}")
        }
        None => {
            let keep: String = email.chars().take(2).collect();
            format!("{keep}***")
        }
    }
}

/// Masks a name, company or other personal text for the audit log: `Annabel` -> `A***`.
pub fn mask_text(text: &str) -> String {
    match text.chars().next() {
        Some(c) => format!("{c}***"),
        None => String::new(),
    }
}

/// Masks a phone number for the audit log: `+15551234567` -> `+15***67`.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() <= 6 {
        return "***".to_string();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}***{tail}")
}

/// A lead field's value as the audit log may hold it: emails truncated, names, phones and
/// companies masked, free texts (messages) replaced by their length; other fields as they are.
pub fn audit_value(field: &str, value: &str) -> String {
    match field {
        "email" | "email_norm" => truncate_email(value),
        "phone" | "phone_raw" => mask_phone(value),
        "first_name" | "last_name" | "company" => mask_text(value),
        "message" | "body" | "note" => format!("({} characters)", value.chars().count()),
        "ip_hash" | "user_agent_hash" => "***".to_string(),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_personal_values_for_the_audit_log() {
        assert_eq!(audit_value("first_name", "Annabel"), "A***");
        assert_eq!(audit_value("company", "Énergie SA"), "É***");
        assert_eq!(audit_value("phone", "+15551234567"), "+15***67");
        assert_eq!(audit_value("phone_raw", "12345"), "***");
        assert_eq!(audit_value("email", "ann@example.com"), "an***@example.com");
        assert_eq!(audit_value("message", "hello"), "(5 characters)");
        assert_eq!(audit_value("status", "lost"), "lost");
    }

    #[test]
    fn truncates_emails() {
        assert_eq!(truncate_email("alice@example.com"), "al***@example.com");
        assert_eq!(truncate_email("a@b.co"), "a***@b.co");
        assert_eq!(truncate_email("ünïcode@x.io"), "ün***@x.io");
        assert_eq!(truncate_email("nonsense"), "no***");
    }
}
