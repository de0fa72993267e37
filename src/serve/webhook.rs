//! `POST /webhooks/{provider}`: Calendly, Zoom, Fireflies and Standard Webhooks senders.
//!
//! Route -> size limit -> shared secret -> the provider's signature and timestamp over the raw
//! body -> parse -> Zoom's URL validation challenge, or store and apply through the writer ->
//! 200. A provider's retry of a delivery already stored is answered 200 and not applied again.
//! Refusals are 401 (final for Zoom); a database failure is 503 (providers retry it).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::writer::{WebhookJob, WebhookOutcome};
use super::{AppState, closing, declared_too_large, error_response, read_body};
use crate::webhooks::{self, Kind, Refusal, verify::Reject};

/// Handles one delivery.
#[utoipa::path(post, path = "/webhooks/{provider}", tag = "webhooks",
    params(("provider" = String, Path, example = "calendly", description = "calendly, zoom, fireflies, or a Standard Webhooks sender named in webhooks.senders")),
    request_body(content = Object, content_type = "application/json",
        description = "The provider's event, verified over the raw bytes (Calendly-Webhook-Signature, x-zm-signature, X-Hub-Signature, webhook-signature) and the shared-secret header when configured."),
    responses(
        (status = 200, description = "Accepted (stored and applied, ignored, failed to map, or a duplicate), or Zoom's URL validation answer", body = super::openapi::WebhookAnswer),
        (status = 400, description = "The body is not a JSON object", body = super::openapi::ErrorBody),
        (status = 401, description = "Shared secret or signature missing, wrong or stale; or the provider is not configured", body = super::openapi::ErrorBody),
        (status = 404, description = "Unknown provider", body = super::openapi::ErrorBody),
        (status = 408, description = "The request took too long", body = super::openapi::ErrorBody),
        (status = 413, description = "Body over MAX_REQUEST_BYTES", body = super::openapi::ErrorBody),
        (status = 422, description = "A Zoom URL validation without plainToken", body = super::openapi::ErrorBody),
        (status = 503, description = "Could not be stored; the provider should retry", body = super::openapi::ErrorBody),
))]
pub async fn receive(
    State(st): State<Arc<AppState>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(p) = st.webhooks.provider(&name) else {
        let msg = "no such webhook provider";
        return closing(error_response(StatusCode::NOT_FOUND, "unknown_provider", msg, &[]));
    };
    let provider = p.name.as_str();
    if let Some(resp) = declared_too_large(&st, &headers) {
        return resp;
    }
    let bytes = match read_body(&st, body).await {
        Ok(b) => b,
        Err(resp) => return resp,
    };
    let now = crate::time::now().timestamp();
    let signature_ok = match st.webhooks.check(p, &headers, &bytes, now) {
        Ok(ok) => ok,
        Err(refusal) => {
            // Loud, so a wrong key is noticed before the provider gives up on the endpoint;
            // never a secret or a signature.
            match &refusal {
                Refusal::Signature(Reject::Stale { age_secs }) => {
                    tracing::warn!(provider, reason = refusal.code(), age_secs, "webhook_refused")
                }
                _ => tracing::warn!(provider, reason = refusal.code(), "webhook_refused"),
            }
            return error_response(
                StatusCode::UNAUTHORIZED,
                refusal.code(),
                &refusal.message(),
                &[],
            );
        }
    };
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => {
            let msg = "the body must be a JSON object";
            return error_response(StatusCode::BAD_REQUEST, "invalid_json", msg, &[]);
        }
        Err(e) => {
            let msg = format!("the body is not valid JSON: {e}");
            return error_response(StatusCode::BAD_REQUEST, "invalid_json", &msg, &[]);
        }
    };
    if p.kind == Kind::Zoom && value["event"] == "endpoint.url_validation" {
        return zoom_challenge(p, signature_ok, &value);
    }
    let event_type = webhooks::event_type(p.kind, &value);
    let key = webhooks::delivery_key(p.kind, &headers, &bytes, &value);
    tracing::info!(
        provider,
        event_type = event_type.as_deref().unwrap_or(""),
        bytes = bytes.len(),
        signature_ok,
        "webhook_received"
    );
    let job = WebhookJob {
        org: st.org.clone(),
        provider: provider.to_string(),
        kind: p.kind,
        key,
        event_type,
        signature_ok,
        headers: webhooks::kept_headers(&headers, &st.webhooks.secret_header).to_string(),
        body: bytes.to_vec(),
        value,
        reply: tokio::sync::oneshot::channel().0,
    };
    match st.writer.webhook(job).await {
        Ok(WebhookOutcome::Duplicate(id)) => {
            tracing::info!(provider, delivery = id, "webhook_duplicate");
            answer(id, "duplicate", None)
        }
        Ok(WebhookOutcome::Stored(id, Ok(applied))) => {
            for (lead, outcome) in &applied.leads {
                tracing::info!(provider, lead = %lead, ?outcome, "lead_ingested");
            }
            for (meeting, new) in &applied.meetings {
                tracing::info!(provider, meeting, new, "meeting_upserted");
            }
            for (meeting, lead) in &applied.resolved {
                tracing::info!(provider, meeting, lead = %lead, "attendee_resolved");
            }
            answer(id, applied.state, None)
        }
        Ok(WebhookOutcome::Stored(id, Err(reason))) => {
            // Kept: `leadctl webhooks replay` applies it after a fix. The provider's retry
            // would not help, so the answer is still a 200.
            tracing::warn!(provider, delivery = id, reason = %reason, "webhook_not_applied");
            answer(id, "failed", Some(&reason))
        }
        Err(e) => {
            tracing::error!(provider, error = %e, "webhook not stored");
            error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the delivery could not be stored; try again",
                &[],
            )
        }
    }
}

fn answer(id: i64, status: &str, error: Option<&str>) -> Response {
    let mut body = json!({"deliveryId": id, "status": status});
    if let Some(e) = error {
        body["error"] = json!(e);
    }
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// Zoom's `endpoint.url_validation`: answered only when the request's own signature was
/// verified (an unsigned challenge would make the endpoint a signing oracle).
fn zoom_challenge(p: &webhooks::Provider, signature_ok: bool, value: &Value) -> Response {
    let (true, Some(secret)) = (signature_ok, p.signing_keys.first()) else {
        tracing::warn!(provider = "zoom", "url_validation refused: no verified signature");
        let msg = "the URL validation challenge needs ZOOM_SECRET_TOKEN and a valid x-zm-signature";
        return error_response(StatusCode::UNAUTHORIZED, "signature_required", msg, &[]);
    };
    let Some(plain) = value["payload"]["plainToken"].as_str().filter(|t| !t.is_empty()) else {
        let msg = "payload.plainToken is missing";
        return error_response(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields", msg, &[]);
    };
    tracing::info!(provider = "zoom", "url_validation answered");
    let encrypted = webhooks::verify::zoom_encrypted_token(secret, plain);
    axum::Json(json!({"plainToken": plain, "encryptedToken": encrypted})).into_response()
}
