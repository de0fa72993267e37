//! The listener's OpenAPI 3 document, served at `GET /openapi.json`. The routes are registered
//! from the same annotated handlers the document is made from (utoipa-axum), so a route
//! cannot exist without being documented; the types below describe the bodies.

use serde::Serialize;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// A site form's lead (the shape site backends and browser forms post). Unknown keys are
/// ignored; flat field names (`first_name`, `utm_source`, `tags` ...) are accepted too.
#[derive(Serialize, ToSchema)]
pub struct LeadForm {
    /// Full name.
    #[schema(example = "Ann Lee")]
    pub name: Option<String>,
    #[schema(example = "ann@example.com")]
    pub email: Option<String>,
    /// Any format; stored as E.164 when it parses.
    #[schema(example = "+44 20 7946 0958")]
    pub phone: Option<String>,
    pub company: Option<String>,
    pub service: Option<String>,
    pub message: Option<String>,
    pub consent: Option<Consent>,
    pub meta: Option<Meta>,
}

/// Consent given on the form.
#[derive(Serialize, ToSchema)]
pub struct Consent {
    pub email: Option<bool>,
    pub sms: Option<bool>,
}

/// Where the submission came from.
#[derive(Serialize, ToSchema)]
pub struct Meta {
    pub source: Option<String>,
    /// Makes a retried post idempotent: the same id again answers 200 with the first lead.
    pub request_id: Option<String>,
    pub ip_hash: Option<String>,
    pub user_agent_hash: Option<String>,
    /// When the visitor submitted the form (RFC 3339).
    pub timestamp_utc: Option<String>,
}

/// A lead was received.
#[derive(Serialize, ToSchema)]
pub struct Accepted {
    #[serde(rename = "leadId")]
    #[schema(rename = "leadId")]
    pub lead_id: String,
    /// When the answer was made (RFC 3339 UTC).
    pub timestamp: String,
    /// `received` (201) or `duplicate` (200: the request id was seen before).
    #[schema(example = "received")]
    pub status: String,
}

/// Every error answer.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code (`unauthorized`, `invalid_fields`, `rate_limited` ...).
    pub code: String,
    /// One line for a person.
    pub message: String,
    /// For `invalid_fields`: each field and why.
    pub fields: Option<Vec<FieldProblem>>,
}

/// One invalid field.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub reason: String,
}

/// `GET /health`.
#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
    pub version: String,
}

/// A webhook delivery was accepted.
#[derive(Serialize, ToSchema)]
pub struct WebhookAnswer {
    /// The stored delivery (`leadctl webhooks show <id>`).
    #[serde(rename = "deliveryId")]
    #[schema(rename = "deliveryId")]
    pub delivery_id: i64,
    /// `applied`, `ignored` (not an event leadctl maps), `duplicate` (sent before) or
    /// `failed` (stored, could not be mapped; replay after a fix).
    pub status: String,
    /// Why it could not be mapped (`failed` only).
    pub error: Option<String>,
}

/// Zoom's `endpoint.url_validation` answer.
#[derive(Serialize, ToSchema)]
pub struct ZoomValidation {
    #[serde(rename = "plainToken")]
    #[schema(rename = "plainToken")]
    pub plain_token: String,
    /// Hex HMAC-SHA256 of plainToken with the app's Secret Token.
    #[serde(rename = "encryptedToken")]
    #[schema(rename = "encryptedToken")]
    pub encrypted_token: String,
}

/// The document's frame; the paths come from the annotated handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "leadctl serve-webhooks",
        description = "The lead inbox's HTTP listener: site forms post leads, providers post webhooks."
    ),
    modifiers(&BearerAuth),
    components(schemas(LeadForm, Accepted, ErrorBody, Health, WebhookAnswer, ZoomValidation))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components
            .add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}
