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

pub mod guard;
pub mod openapi;
pub mod webhook;
pub mod writer;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::error::Result;
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
    /// Webhook senders and how they are checked.
    pub webhooks: crate::webhooks::WebhookConfig,
    /// Per-client rate limits of `/inbound/leads`.
    pub limits: guard::RateLimits,
    /// Origins browsers may post from.
    pub cors: guard::Cors,
    /// Take the client IP from `X-Forwarded-For`.
    pub trust_forwarded_for: bool,
    /// A form-key post with this field filled is a bot's: dropped with a 201.
    pub honeypot_field: String,
    /// Longest a request may take.
    pub request_timeout: Duration,
}

/// The documented routes: each handler's `#[utoipa::path]` is both its route and its entry
/// in `/openapi.json`.
fn api_routes() -> utoipa_axum::router::OpenApiRouter<Arc<AppState>> {
    use utoipa::OpenApi;
    utoipa_axum::router::OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(utoipa_axum::routes!(inbound_lead, preflight))
        .routes(utoipa_axum::routes!(webhook::receive))
        .routes(utoipa_axum::routes!(health))
        .routes(utoipa_axum::routes!(openapi_json))
}

/// The OpenAPI document of the routes, with the crate's version.
pub fn openapi_document() -> &'static str {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        let (_, mut api) = api_routes().split_for_parts();
        api.info.version = env!("CARGO_PKG_VERSION").to_string();
        api.to_pretty_json().unwrap_or_default()
    })
}

/// The OpenAPI 3 document of every route.
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "This document (OpenAPI 3.1)", content_type = "application/json")))]
async fn openapi_json() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], openapi_document()).into_response()
}

/// The routes.
pub fn router(state: Arc<AppState>) -> Router {
    let (routes, _) = api_routes().split_for_parts();
    routes
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(state.request_timeout, deadline))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), cors_headers))
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
    let provider = path.strip_prefix("/webhooks/").unwrap_or("");
    tracing::info!(request_id = %id, %method, path = %path, provider, status, latency_ms, "request");
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

async fn method_not_allowed() -> Response {
    let msg = "this route does not answer this method (see /openapi.json)";
    closing(error_response(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", msg, &[]))
}

/// Marks an answer sent before the request body was read: the connection is closed after it
/// (saying so), so a client never reuses a connection with an unread body on it.
pub(crate) fn closing(mut resp: Response) -> Response {
    resp.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    resp
}

/// The database is readable and the writer answers.
#[utoipa::path(get, path = "/health", tag = "meta", responses(
    (status = 200, description = "Healthy", body = openapi::Health),
    (status = 503, description = "The database or the writer is not available", body = openapi::ErrorBody),
))]
async fn health(State(st): State<Arc<AppState>>) -> Response {
    let st2 = Arc::clone(&st);
    let readable = tokio::task::spawn_blocking(move || {
        let store = st2.reader.lock().map_err(|_| ())?;
        store.reader().check_readable().map_err(|_| ())
    })
    .await;
    // The writer is alive when it reaches a ping within a few seconds (it may be busy
    // committing a large group).
    let writer = tokio::time::timeout(std::time::Duration::from_secs(5), st.writer.ping()).await;
    if !matches!(writer, Ok(Ok(()))) {
        return error_response(
            StatusCode::SERVICE_UNAVAILABLE,
            "writer_unavailable",
            "the writer is not answering",
            &[],
        );
    }
    match readable {
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

/// Whether `given` is one of the environment tokens: compared in constant time with every
/// one of them (no early exit on a match or on the first differing byte), so the time taken
/// does not tell an attacker how much of a guess was right.
pub fn env_token_matches(tokens: &[String], given: &str) -> bool {
    tokens.iter().fold(false, |found, t| {
        found | bool::from(subtle::ConstantTimeEq::ct_eq(t.as_bytes(), given.as_bytes()))
    })
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
    if env_token_matches(&st.tokens, &given) {
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

/// Answers a CORS preflight for `/inbound/leads`: only for an allowed origin, which is named
/// (never `*`).
#[utoipa::path(options, path = "/inbound/leads", tag = "leads",
    params(("Origin" = String, Header, description = "The page's origin"),
           ("Access-Control-Request-Method" = Option<String>, Header, description = "POST")),
    responses(
        (status = 204, description = "The origin may post (Access-Control-Allow-Origin names it)"),
        (status = 403, description = "The origin may not post here", body = openapi::ErrorBody),
))]
async fn preflight(State(st): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let origin = guard::origin_of(&headers);
    let Some(origin) = origin.filter(|o| st.cors.allows(o, &st.reader)) else {
        let msg = "this origin may not post here";
        return error_response(StatusCode::FORBIDDEN, "origin_not_allowed", msg, &[]);
    };
    let mut resp = StatusCode::NO_CONTENT.into_response();
    guard::allow_origin(&mut resp, &origin);
    let h = resp.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("authorization, content-type, x-request-id"),
    );
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    resp
}

/// `POST /inbound/leads`, with the CORS headers of an allowed origin on every answer (so a
/// browser can read errors too).
#[utoipa::path(post, path = "/inbound/leads", tag = "leads",
    request_body(content = openapi::LeadForm, content_type = "application/json",
        description = "One lead. A bearer token (server to server) or a form key (browser, with Origin)."),
    params(("X-Request-Id" = Option<String>, Header, description = "Kept when valid (1-128 of A-Za-z0-9._:-), else generated; echoed")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Stored (committed to disk)", body = openapi::Accepted),
        (status = 200, description = "The same meta.request_id was received before: the original lead", body = openapi::Accepted),
        (status = 400, description = "Malformed JSON or body", body = openapi::ErrorBody),
        (status = 401, description = "Missing or bad token", body = openapi::ErrorBody),
        (status = 403, description = "A form key used from an origin it does not allow", body = openapi::ErrorBody),
        (status = 408, description = "The request took too long", body = openapi::ErrorBody),
        (status = 413, description = "Body over MAX_REQUEST_BYTES", body = openapi::ErrorBody),
        (status = 415, description = "Not JSON", body = openapi::ErrorBody),
        (status = 422, description = "Invalid fields", body = openapi::ErrorBody),
        (status = 429, description = "Rate limited (Retry-After says when to try again)", body = openapi::ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Could not be stored; try again", body = openapi::ErrorBody),
))]
async fn inbound_lead(
    State(st): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let origin = guard::origin_of(&headers);
    inbound(&st, peer, &headers, body, origin.as_deref()).await
}

/// Puts the CORS headers of an allowed origin on every answer of `POST /inbound/leads`,
/// including those made outside the handler (408, 500), so a page can read them all.
async fn cors_headers(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let origin = (req.uri().path() == "/inbound/leads" && req.method() == axum::http::Method::POST)
        .then(|| guard::origin_of(req.headers()))
        .flatten();
    let mut resp = next.run(req).await;
    if let Some(o) = origin.filter(|o| st.cors.allows(o, &st.reader)) {
        guard::allow_origin(&mut resp, &o);
    }
    resp
}

fn rate_limited(retry_after: u64) -> Response {
    let msg = format!("too many requests; try again in {retry_after} s");
    let mut resp = error_response(StatusCode::TOO_MANY_REQUESTS, "rate_limited", &msg, &[]);
    resp.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
    closing(resp)
}

async fn inbound(
    st: &Arc<AppState>,
    peer: SocketAddr,
    headers: &HeaderMap,
    body: Body,
    origin: Option<&str>,
) -> Response {
    let ip = guard::client_ip(peer, headers, st.trust_forwarded_for);
    let limited = st.limits.applies_to(ip);
    if let (true, Some(l)) = (limited, &st.limits.general) {
        if let Err(wait) = l.check(ip) {
            tracing::warn!(limit = %l.text, "rate_limited");
            return rate_limited(wait);
        }
    }
    let Some(poster) = authorise(st, headers).await else {
        let msg = "a valid bearer token is required";
        let mut resp = error_response(StatusCode::UNAUTHORIZED, "unauthorized", msg, &[]);
        resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return closing(resp);
    };
    let mut is_form = false;
    let (org, token) = match poster {
        Poster::Server => (st.org.clone(), None),
        Poster::Token(t) => {
            if let Some(allowed) = &t.form_origins {
                // A form key works only from its own sites' pages.
                let from = origin.map(|o| o.to_ascii_lowercase());
                if !from.is_some_and(|o| allowed.contains(&o)) {
                    let msg = "this form key may not be used from this origin";
                    return closing(error_response(
                        StatusCode::FORBIDDEN,
                        "origin_not_allowed",
                        msg,
                        &[],
                    ));
                }
                if let (true, Some(l)) = (limited, &st.limits.form) {
                    if let Err(wait) = l.check(ip) {
                        tracing::warn!(limit = %l.text, "rate_limited");
                        return rate_limited(wait);
                    }
                }
                is_form = true;
            }
            (t.org, Some(t.id))
        }
    };
    if let Some(resp) = declared_too_large(st, headers) {
        return resp;
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
    let bytes = match read_body(st, body).await {
        Ok(b) => b,
        Err(resp) => return resp,
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
    if is_form && honeypot_filled(&value[st.honeypot_field.as_str()]) {
        // A bot filled the hidden field: it gets the answer it expects, nothing is stored.
        tracing::info!(field = %st.honeypot_field, "honeypot_dropped");
        let body = json!({
            "leadId": crate::model::new_id(), "timestamp": crate::time::now_string(),
            "status": "received",
        });
        return (StatusCode::CREATED, axum::Json(body)).into_response();
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
        rec.ip_hash = Some(salted_hash(&st.hash_salt, &ip.to_string()));
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

/// A 413 when the declared length is over the limit (before reading anything).
pub(crate) fn declared_too_large(st: &AppState, headers: &HeaderMap) -> Option<Response> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    declared.is_some_and(|n| n > st.max_body as u64).then(|| closing(too_large(st.max_body)))
}

/// Reads at most `max_body` bytes, also when there is no Content-Length (chunked): a longer
/// body is a 413 without being buffered whole.
pub(crate) async fn read_body(
    st: &AppState,
    body: Body,
) -> std::result::Result<axum::body::Bytes, Response> {
    axum::body::to_bytes(body, st.max_body).await.map_err(|e| {
        let inner = e.into_inner();
        if inner.is::<http_body_util::LengthLimitError>() {
            return closing(too_large(st.max_body));
        }
        let msg = format!("the request body could not be read: {inner}");
        closing(error_response(StatusCode::BAD_REQUEST, "invalid_body", &msg, &[]))
    })
}

fn honeypot_filled(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Bool(b) => *b,
        _ => true,
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

/// How long a client may take to send a request's headers before its connection is closed
/// (slow clients cannot hold connections open).
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves until `shutdown` resolves, then stops accepting and finishes the requests in flight
/// (idle keep-alive connections are closed).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let app = router(Arc::clone(&state));
    tidy_limits(Arc::downgrade(&state));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(HEADER_READ_TIMEOUT);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment instead of spinning.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let svc = tower::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
            let mut req = req.map(Body::new);
            req.extensions_mut().insert(ConnectInfo(peer));
            tower::ServiceExt::oneshot(app.clone(), req)
        });
        let conn = http.serve_connection(
            TokioIo::new(stream),
            hyper_util::service::TowerToHyperService::new(svc),
        );
        let watched = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = watched.await {
                tracing::debug!(error = %e, "connection closed with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Every minute, forgets rate-limit buckets that are full again (while the server runs).
fn tidy_limits(state: std::sync::Weak<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(st) = state.upgrade() else { break };
            for l in [&st.limits.general, &st.limits.form].into_iter().flatten() {
                l.tidy();
            }
        }
    });
}

/// Ends a request that takes longer than `limit` (a client sending its body very slowly, or
/// a stalled writer) with a 408.
async fn deadline(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => {
            let msg = format!("the request took longer than {limit:?}");
            closing(error_response(StatusCode::REQUEST_TIMEOUT, "request_timeout", &msg, &[]))
        }
    }
}

/// A panic in a handler becomes a JSON 500 (and a log line), never a dropped connection.
fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    error_response(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error", &[])
}

#[cfg(test)]
mod tests {
    use super::env_token_matches;
    use std::time::{Duration, Instant};

    /// Median time of `rounds` batches of `n` comparisons of `given` with `tokens`.
    fn median_time(tokens: &[String], given: &str, n: usize, rounds: usize) -> Duration {
        let mut times: Vec<Duration> = (0..rounds)
            .map(|_| {
                let started = Instant::now();
                for _ in 0..n {
                    std::hint::black_box(env_token_matches(
                        std::hint::black_box(tokens),
                        std::hint::black_box(given),
                    ));
                }
                started.elapsed()
            })
            .collect();
        times.sort();
        times[rounds / 2]
    }

    /// A guess that is right but for its last byte takes as long to refuse as one that is
    /// wrong from its first byte (an early-exit comparison of 16 KiB would differ by orders of
    /// magnitude), and matching still works.
    #[test]
    fn env_tokens_are_compared_in_constant_time() {
        let token: String = "k".repeat(16 * 1024);
        let tokens = vec![token.clone()];
        assert!(env_token_matches(&tokens, &token));
        let mut almost = token.clone();
        almost.replace_range(token.len() - 1.., "x");
        let mut first = token.clone();
        first.replace_range(..1, "x");
        assert!(!env_token_matches(&tokens, &almost) && !env_token_matches(&tokens, &first));
        // Interleaved, so a change in machine load hits both alike.
        let mut ratios = Vec::new();
        for _ in 0..5 {
            let late = median_time(&tokens, &almost, 200, 7);
            let early = median_time(&tokens, &first, 200, 7);
            ratios.push(late.as_secs_f64() / early.as_secs_f64().max(1e-9));
        }
        ratios.sort_by(f64::total_cmp);
        let ratio = ratios[2];
        assert!(
            (0.5..2.0).contains(&ratio),
            "late/early mismatch time ratio {ratio:.2}: {ratios:?}"
        );
    }
}
