//! `leadctl serve-webhooks`: the HTTP listener for site forms (and, in later steps, provider
//! webhooks), on axum over a small tokio runtime.
//!
//! - `POST /inbound/leads`: a bearer token, a JSON body in the site-form shape, the same ingest
//!   core as the CLI (validation, normalisation, merge, consent history, outbox items, audit),
//!   written by one writer thread that commits many requests together ([`writer`]); 201 only
//!   once the lead is committed, 200 with the original lead for a repeated request id.
//! - `GET /health`: checks the database.
//! - Around every request: a request id (a valid `X-Request-Id` is kept, else one is made),
//!   echoed in the response, and one log line (JSON with `--log-format json`).

pub mod writer;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::ingest::FieldError;
use crate::ingest::normalize::normalize;
use crate::ingest::record::InputRecord;
use crate::ingest::write::Outcome;
use crate::store::Store;
use writer::WriterHandle;

/// What the server needs to answer requests.
pub struct AppState {
    /// The one writer.
    pub writer: WriterHandle,
    /// Ingest tokens from the environment (`LEADCTL_INGEST_TOKEN`, `FASTCORE_SITE_INGEST_TOKEN`);
    /// tokens made with `leadctl token create` are looked up in the database.
    pub tokens: Vec<String>,
    /// Serve `/inbound/leads` without a token (`--allow-no-auth`).
    pub allow_no_auth: bool,
    /// The organisation env tokens post into.
    pub org: String,
    /// Region for phones without a country code.
    pub region: phonenumber::country::Id,
    /// `MAX_REQUEST_BYTES`.
    pub max_body: usize,
    /// Salt of the client IP and user agent hashes.
    pub hash_salt: String,
    /// A read connection for `/health`.
    pub reader: Mutex<Store>,
}

/// The routes.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/inbound/leads", post(inbound_lead))
        .route("/health", get(health))
        .fallback(not_found)
        .layer(middleware::from_fn(request_context))
        .with_state(state)
}

/// The request id of a request, for handlers and the log line.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Keeps a valid incoming `X-Request-Id` (1-128 of `A-Za-z0-9._:-`) or makes one, echoes it,
/// and logs one line per request.
async fn request_context(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| valid_request_id(v))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(id.clone()));
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    // Every log line of the request carries its id (the span's field).
    let span = tracing::info_span!("request", request_id = %id);
    let mut resp = tracing::Instrument::instrument(next.run(req), span).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    let status = resp.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(request_id = %id, %method, path = %path, status, latency_ms, "request");
    resp
}

fn valid_request_id(v: &str) -> bool {
    (1..=128).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b))
}

/// An error answer: `{"error": {"code", "message"}}`, plus `fields` for invalid input.
pub fn error_response(
    status: StatusCode,
    code: &str,
    message: &str,
    fields: &[FieldError],
) -> Response {
    let mut err = json!({"code": code, "message": message});
    if !fields.is_empty() {
        err["fields"] =
            fields.iter().map(|f| json!({"field": f.field, "reason": f.reason})).collect();
    }
    (status, axum::Json(json!({ "error": err }))).into_response()
}

async fn not_found() -> Response {
    closing(error_response(StatusCode::NOT_FOUND, "not_found", "no such route", &[]))
}

/// Marks an answer sent before the request body was read: the connection is closed after it
/// (saying so), so a client never reuses a connection with an unread body on it.
fn closing(mut resp: Response) -> Response {
    resp.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    resp
}

async fn health(State(st): State<Arc<AppState>>) -> Response {
    let st2 = Arc::clone(&st);
    let ok = tokio::task::spawn_blocking(move || {
        let store = st2.reader.lock().map_err(|_| ())?;
        store.reader().check_readable().map_err(|_| ())
    })
    .await;
    match ok {
        Ok(Ok(())) => axum::Json(json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
            .into_response(),
        _ => error_response(
            StatusCode::SERVICE_UNAVAILABLE,
            "database_unavailable",
            "the database cannot be read",
            &[],
        ),
    }
}

/// Who may post, and into which organisation.
enum Poster {
    /// An environment token (or no token with `--allow-no-auth`): the server's `--org`.
    Server,
    /// A stored token (`leadctl token create`): its organisation.
    Token(crate::store::tokens::TokenOwner),
}

/// The poster `headers` authenticate, if any. Environment tokens are compared in constant
/// time (every one, no early exit); stored tokens are looked up by their SHA-256 hash.
async fn authorise(st: &Arc<AppState>, headers: &HeaderMap) -> Option<Poster> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_string());
    let Some(given) = given.filter(|g| !g.is_empty()) else {
        return (st.allow_no_auth && st.tokens.is_empty()).then_some(Poster::Server);
    };
    let env_match = st.tokens.iter().fold(false, |found, t| {
        found | bool::from(subtle::ConstantTimeEq::ct_eq(t.as_bytes(), given.as_bytes()))
    });
    if env_match {
        return Some(Poster::Server);
    }
    let hash = crate::store::tokens::token_hash(&given);
    let st2 = Arc::clone(st);
    let found = tokio::task::spawn_blocking(move || {
        let store = st2.reader.lock().ok()?;
        store.reader().token_by_hash(&hash).ok().flatten()
    })
    .await
    .ok()
    .flatten();
    found.map(Poster::Token)
}

async fn inbound_lead(
    State(st): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(poster) = authorise(&st, &headers).await else {
        let msg = "a valid bearer token is required";
        return closing(error_response(StatusCode::UNAUTHORIZED, "unauthorized", msg, &[]));
    };
    let (org, token) = match poster {
        Poster::Server => (st.org.clone(), None),
        Poster::Token(t) => (t.org, Some(t.id)),
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > st.max_body as u64) {
        return closing(too_large(st.max_body));
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            let m = m.trim().to_ascii_lowercase();
            m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
        });
    if !is_json {
        return closing(error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the lead as JSON (Content-Type: application/json)",
            &[],
        ));
    }
    // Read at most max_body bytes, also when there is no Content-Length (chunked).
    let bytes = match axum::body::to_bytes(body, st.max_body).await {
        Ok(b) => b,
        Err(e) => {
            let inner = e.into_inner();
            if inner.is::<http_body_util::LengthLimitError>() {
                return closing(too_large(st.max_body));
            }
            let msg = format!("the request body could not be read: {inner}");
            return closing(error_response(StatusCode::BAD_REQUEST, "invalid_body", &msg, &[]));
        }
    };
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            let msg = format!("the body is not valid JSON: {e}");
            return error_response(StatusCode::BAD_REQUEST, "invalid_json", &msg, &[]);
        }
    };
    if !value.is_object() {
        let msg = "the body must be a JSON object (one lead)";
        return error_response(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fields", msg, &[]);
    }
    let mut rec = match InputRecord::from_json(&value) {
        Ok(r) => r,
        Err(fields) => return invalid(&fields),
    };
    // A form posts a submission, not an operator's record: it may not name a lead to merge
    // into, nor set its status, owner or dates.
    let operator_only: Vec<FieldError> = [
        ("id", rec.id.is_some()),
        ("created_at", rec.created_at.is_some()),
        ("status", rec.status.is_some()),
        ("owner", rec.owner.is_some()),
        ("last_contacted_at", rec.last_contacted_at.is_some()),
    ]
    .into_iter()
    .filter(|(_, set)| *set)
    .map(|(f, _)| FieldError::new(f, "not accepted over HTTP (set it with leadctl instead)"))
    .collect();
    if !operator_only.is_empty() {
        return invalid(&operator_only);
    }
    // The client's IP and user agent are kept only as salted hashes (a site backend may send
    // its visitor's hashes in meta; those win).
    if rec.ip_hash.is_none() {
        rec.ip_hash = Some(salted_hash(&st.hash_salt, &peer.ip().to_string()));
    }
    if rec.user_agent_hash.is_none() {
        if let Some(ua) = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()) {
            rec.user_agent_hash = Some(salted_hash(&st.hash_salt, ua));
        }
    }
    let normalized = match normalize(rec, st.region) {
        Ok(n) => n,
        Err(fields) => return invalid(&fields),
    };
    match st.writer.write(org, normalized.lead, token).await {
        Ok(Ok(w)) => {
            let (status, label) = match w.outcome {
                Outcome::Duplicate => (StatusCode::OK, "duplicate"),
                Outcome::Created | Outcome::Merged => (StatusCode::CREATED, "received"),
            };
            tracing::info!(lead = %w.id, outcome = ?w.outcome, "lead_ingested");
            let body =
                json!({"leadId": w.id, "timestamp": crate::time::now_string(), "status": label});
            (status, axum::Json(body)).into_response()
        }
        Ok(Err(field)) => invalid(&[field]),
        Err(e) => {
            tracing::error!(error = %e, "lead not written");
            error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the lead could not be stored; try again",
                &[],
            )
        }
    }
}

fn invalid(fields: &[FieldError]) -> Response {
    error_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_fields",
        "some fields are invalid",
        fields,
    )
}

fn too_large(max: usize) -> Response {
    let msg = format!("the body is larger than {max} bytes");
    error_response(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", &msg, &[])
}

/// Hex SHA-256 of salt and value.
pub fn salted_hash(salt: &str, value: &str) -> String {
    crate::privacy::sha256_hex(&[salt.as_bytes(), &[0], value.as_bytes()])
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| Error::failure("the server failed").with_cause(e))
}
