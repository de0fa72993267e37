//! Plain data types of leadctl: statuses, consent, leads as stored and as shown. No SQL, no I/O.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// Where a lead stands in the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Just arrived (the initial status).
    New,
    /// Waiting for a place.
    Waitlist,
    /// Invited to sign up or meet.
    Invited,
    /// Became a customer.
    Converted,
    /// Will not convert.
    Lost,
}

impl Status {
    /// Every status, in pipeline order.
    pub const ALL: [Status; 5] =
        [Status::New, Status::Waitlist, Status::Invited, Status::Converted, Status::Lost];

    /// The stored and printed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Waitlist => "waitlist",
            Status::Invited => "invited",
            Status::Converted => "converted",
            Status::Lost => "lost",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        Status::ALL.into_iter().find(|st| st.as_str() == t).ok_or_else(|| {
            format!(
                "unknown status '{s}' (expected one of: new, waitlist, invited, converted, lost)"
            )
        })
    }
}

/// A consent channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Email.
    Email,
    /// SMS / text messages.
    Sms,
}

impl Channel {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

/// A consent state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    /// The person agreed.
    Granted,
    /// The person withdrew consent; never overwritten by a merge.
    Withdrawn,
}

impl ConsentState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentState::Granted => "granted",
            ConsentState::Withdrawn => "withdrawn",
        }
    }
}

impl FromStr for ConsentState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "granted" | "grant" | "yes" | "y" | "true" | "1" | "on" | "opt-in" | "optin" => {
                Ok(ConsentState::Granted)
            }
            "withdrawn" | "withdraw" | "no" | "n" | "false" | "0" | "off" | "opt-out"
            | "optout" | "revoked" => Ok(ConsentState::Withdrawn),
            _ => Err(format!("unknown consent value '{s}' (expected granted or withdrawn)")),
        }
    }
}

/// A lead as stored (the public view; the internal row number is not exposed).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Lead {
    /// UUIDv7, stable forever.
    pub id: String,
    /// Organisation slug.
    pub org: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC.
    pub updated_at: String,
    /// Pipeline status.
    pub status: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    /// E.164, empty when the raw phone did not parse.
    pub phone: Option<String>,
    /// The phone as received, kept when it did not parse.
    pub phone_raw: Option<String>,
    pub company: Option<String>,
    pub service: Option<String>,
    pub message: Option<String>,
    pub source: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub last_contacted_at: Option<String>,
    pub owner: Option<String>,
    pub request_id: Option<String>,
    /// When `leadctl forget` erased the personal data (the lead stays as an anonymous record).
    pub erased_at: Option<String>,
    /// Normalised, sorted tag names.
    pub tags: Vec<String>,
}

impl Lead {
    /// "First Last", or whichever part exists.
    pub fn display_name(&self) -> String {
        match (&self.first_name, &self.last_name) {
            (Some(f), Some(l)) => format!("{f} {l}"),
            (Some(f), None) => f.clone(),
            (None, Some(l)) => l.clone(),
            (None, None) => String::new(),
        }
    }
}

/// A validated, normalised lead ready to be written (the output of ingest's normalisation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewLead {
    /// A UUID given by the input (export round trip); a new UUIDv7 otherwise.
    pub id: Option<String>,
    /// Creation time given by the input (RFC 3339 UTC, leadctl's format).
    pub created_at: Option<String>,
    /// Initial status; `new` when absent. Never applied by a merge.
    pub status: Option<Status>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// Trimmed, domain lowercased.
    pub email: Option<String>,
    /// Fully lowercased key for matching.
    pub email_norm: Option<String>,
    /// E.164.
    pub phone: Option<String>,
    /// Raw phone text, when it did not parse.
    pub phone_raw: Option<String>,
    pub company: Option<String>,
    pub service: Option<String>,
    pub message: Option<String>,
    pub source: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub last_contacted_at: Option<String>,
    pub owner: Option<String>,
    pub request_id: Option<String>,
    pub ip_hash: Option<String>,
    pub user_agent_hash: Option<String>,
    /// Normalised tag names.
    pub tags: Vec<String>,
    /// Consent statements carried by this input.
    pub consents: Vec<(Channel, ConsentState)>,
    /// When the consent was given (the form's timestamp), else now.
    pub consent_at: Option<String>,
}

/// A new lead id: a UUIDv7 whose bits after the millisecond timestamp are random (no
/// counter), so ids made in the same millisecond differ early and short prefixes stay short.
pub fn new_id() -> String {
    uuid::Uuid::new_v7(uuid::Timestamp::now(uuid::NoContext)).hyphenated().to_string()
}
