//! `leadctl serve-webhooks`: run the HTTP listener.

use std::sync::{Arc, Mutex};

use clap::Args;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::queue::OutboxConfig;
use crate::serve::{AppState, writer};
use crate::store::Store;

/// Run the HTTP listener for site forms: POST /inbound/leads, GET /health.
///
/// Leads posted with a valid bearer token (LEADCTL_INGEST_TOKEN, or FASTCORE_SITE_INGEST_TOKEN
/// for sites already configured for it) go through the same ingest core as `leadctl ingest`
/// into the organisation of --org. Answers: 201 {"leadId", "timestamp", "status": "received"}
/// once the lead is committed; 200 with the original leadId for a repeated meta.request_id;
/// 401 bad or missing token; 413 body over MAX_REQUEST_BYTES; 415 not JSON; 400 malformed
/// JSON; 422 invalid fields (with a list of field errors). Every error body is
/// {"error": {"code", "message", "fields"?}}.
///
/// Concurrent requests are committed together by one writer (group commit); a 201 is sent
/// only after the transaction holding the lead is on disk. Ctrl-C or SIGTERM stops accepting,
/// finishes the requests in flight, and exits 0. One log line per request on stderr (JSON by
/// default when stderr is not a terminal; --log-format chooses).
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    LEADCTL_INGEST_TOKEN=change-me leadctl serve-webhooks --listen 127.0.0.1:8080\n  \
    curl -s -X POST http://127.0.0.1:8080/inbound/leads -H 'Authorization: Bearer change-me' \\\n    \
    -H 'Content-Type: application/json' -d '{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\"}'\n  \
    curl -s http://127.0.0.1:8080/health")]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port, printed on start)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Serve POST /inbound/leads without a token (only for a test on loopback)
    #[arg(long)]
    pub allow_no_auth: bool,
}

/// Runs `serve-webhooks`.
pub fn cmd_serve(ctx: &mut Ctx, args: &ServeArgs) -> Result<()> {
    let mut tokens: Vec<String> = Vec::new();
    if let Some(t) = ctx.settings.get("serve.ingest_token").map(str::trim).filter(|t| !t.is_empty())
    {
        tokens.push(t.to_string());
    }
    if let Ok(t) = std::env::var("FASTCORE_SITE_INGEST_TOKEN") {
        if !t.trim().is_empty() && !tokens.iter().any(|x| x == t.trim()) {
            tokens.push(t.trim().to_string());
        }
    }
    let stored_tokens = ctx.store()?.reader().live_token_count()?;
    if tokens.is_empty() && stored_tokens == 0 && !args.allow_no_auth {
        return Err(Error::usage("no ingest token is configured; refusing to serve without one")
            .with_hint("set LEADCTL_INGEST_TOKEN (or serve.ingest_token), create one with `leadctl token create`, or pass --allow-no-auth for a local test"));
    }
    let max_body = ctx.settings.get_u64("serve.max_request_bytes")?.unwrap_or(1_048_576);
    if !(1..=256 * 1024 * 1024).contains(&max_body) {
        return Err(Error::usage(format!(
            "serve.max_request_bytes must be between 1 and 268435456, got {max_body}"
        )));
    }
    let region =
        crate::ingest::normalize::parse_region(ctx.settings.get("default_region").unwrap_or("US"))
            .map_err(Error::usage)?;
    let outbox = OutboxConfig::from_settings(&ctx.settings);
    let org = ctx.org().to_string();
    let actor =
        ctx.settings.get("actor").map(str::to_string).unwrap_or_else(|| "serve-webhooks".into());
    let path = ctx.settings.db_path()?;
    let opts = ctx.store_options()?;
    let mut store = ctx.take_store()?;
    let hash_salt = match ctx.settings.get("serve.hash_salt").filter(|s| !s.is_empty()) {
        Some(s) => s.to_string(),
        None => store.meta_value_or_init("hash_salt", || {
            format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
        })?,
    };
    {
        // The organisation env tokens post into exists before the first request.
        let tx = store.begin_write()?;
        tx.ensure_org(&org, &crate::time::now_string())?;
        tx.commit()?;
    }
    let reader = Store::open(&path, &opts)?;
    let (handle, writer_thread) = writer::start(store, outbox, actor)?;
    let state = Arc::new(AppState {
        writer: handle,
        tokens,
        allow_no_auth: args.allow_no_auth,
        org,
        region,
        max_body: max_body as usize,
        hash_salt,
        reader: Mutex::new(reader),
    });
    let out = ctx.out.clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::failure("cannot start the server runtime").with_cause(e))?;
    let listen = args.listen.clone();
    let served = rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen).await.map_err(|e| {
            Error::failure(format!("cannot listen on {listen}: {e}"))
                .with_hint("pick another --listen address, or stop what uses this port")
        })?;
        let addr =
            listener.local_addr().map_err(|e| Error::failure(format!("no local address: {e}")))?;
        if state.tokens.is_empty() && stored_tokens == 0 {
            out.warn("serving without authentication (--allow-no-auth)");
        }
        out.status(&format!("Listening on http://{addr}"));
        tracing::info!(%addr, "listening");
        // On a signal: stop accepting and finish what is in flight, but give a stalled client
        // at most SHUTDOWN_GRACE.
        let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
        let shutdown = async move {
            shutdown_signal().await;
            let _ = stop_tx.send(true);
        };
        let mut server = tokio::spawn(crate::serve::serve(listener, state, shutdown));
        let deadline = async {
            let _ = stop_rx.changed().await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        };
        tokio::select! {
            done = &mut server => {
                done.map_err(|e| Error::failure("the server task failed").with_cause(e))?
            }
            _ = deadline => {
                server.abort();
                tracing::warn!("requests still open after the grace period were dropped");
                Ok(())
            }
        }
    });
    // Drop every task (and with them every request handle), so the writer finishes what it
    // was sent and stops.
    rt.shutdown_timeout(std::time::Duration::from_secs(2));
    served?;
    // Every request handle is gone: the writer finishes what it was sent and stops.
    writer_thread.join().map_err(|_| Error::failure("the writer thread failed"))?;
    ctx.out.status("Stopped.");
    Ok(())
}

/// How long requests in flight get after a stop signal.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Resolves on the first SIGINT or SIGTERM.
async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut int), Ok(mut term)) =
        (signal(SignalKind::interrupt()), signal(SignalKind::terminate()))
    else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = int.recv() => {}
        _ = term.recv() => {}
    }
    tracing::info!("shutting down: finishing requests in flight");
}
