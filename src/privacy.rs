//! What may appear in logs and the audit log: emails truncated, secrets never.

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

#[cfg(test)]
mod tests {
    use super::truncate_email;

    #[test]
    fn truncates_emails() {
        assert_eq!(truncate_email("alice@example.com"), "al***@example.com");
        assert_eq!(truncate_email("a@b.co"), "a***@b.co");
        assert_eq!(truncate_email("ünïcode@x.io"), "ün***@x.io");
        assert_eq!(truncate_email("nonsense"), "no***");
    }
}
