//! `leadctl serve-webhooks`: run the HTTP listener.

use std::sync::{Arc, Mutex};

use clap::Args;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::queue::OutboxConfig;
use crate::serve::guard::{Cors, Limiter, RateLimits};
use crate::serve::{AppState, writer};
use crate::store::Store;

/// Run the HTTP listener for site forms and provider webhooks.
///
/// Routes: POST /inbound/leads (a lead, with a bearer token from a site's backend or a form key
/// from a browser), POST /webhooks/PROVIDER (Calendly, Zoom, Fireflies and Standard Webhooks
/// deliveries, checked, stored and applied; see `leadctl webhooks`), GET /health and GET
/// /openapi.json. LEADCTL_INGEST_TOKEN (or FASTCORE_SITE_INGEST_TOKEN, for sites already
/// configured for it) posts into --org; tokens from `leadctl token create` post into their own
/// organisation. With no token at all it refuses to start (exit 2) unless --allow-no-auth.
///
/// Leads go through the same ingest core as `leadctl ingest`. Answers: 201 {"leadId",
/// "timestamp", "status": "received"} once the lead is committed; 200 with the original leadId
/// for a repeated meta.request_id; 400 malformed JSON; 401 bad or missing token; 403 a form key
/// from another origin; 413 body over MAX_REQUEST_BYTES; 415 not JSON; 422 invalid fields (with
/// a list of field errors); 429 rate limited. Every error body is
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
    curl -s http://127.0.0.1:8080/health\n  \
    leadctl serve --cors-origin https://site.example --flush-every 5m")]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port, printed on start)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Serve POST /inbound/leads without a token (only for a test on loopback)
    #[arg(long)]
    pub allow_no_auth: bool,
    #[arg(
        long,
        value_name = "URL",
        help = "An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys' origins)"
    )]
    pub cors_origin: Vec<String>,
    /// Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush
    #[arg(long, value_name = "DURATION", value_parser = parse_every)]
    pub flush_every: Option<std::time::Duration>,
}

fn parse_every(s: &str) -> std::result::Result<std::time::Duration, String> {
    crate::time::parse_duration(s)
        .filter(|d| d.as_secs() >= 1 && d.as_secs() <= 86_400)
        .ok_or_else(|| format!("'{s}' is not a length of time between 1s and 1d (e.g. 30s, 5m)"))
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
    let webhooks = crate::webhooks::WebhookConfig::from_settings(&ctx.settings)?;
    let settings = &ctx.settings;
    let limits = RateLimits {
        general: Limiter::parse(
            "serve.rate_limit",
            settings.get("serve.rate_limit").unwrap_or("600/min"),
        )?,
        form: Limiter::parse(
            "serve.form_rate_limit",
            settings.get("serve.form_rate_limit").unwrap_or("10/min"),
        )?,
        loopback: settings.get_bool("serve.rate_limit_loopback")?.unwrap_or(false),
    };
    let trust_forwarded_for = settings.get_bool("serve.trust_forwarded_for")?.unwrap_or(false);
    let request_timeout = settings
        .get_duration("serve.request_timeout")?
        .unwrap_or(std::time::Duration::from_secs(30));
    if request_timeout.as_millis() < 100 || request_timeout.as_secs() > 3600 {
        return Err(Error::usage("serve.request_timeout must be between 100ms and 1h"));
    }
    let honeypot_field =
        settings.get("serve.honeypot_field").unwrap_or("website").trim().to_string();
    let mut origins: Vec<String> = Vec::new();
    let configured = settings.get("serve.cors_origins").unwrap_or("");
    for o in configured.split(',').chain(args.cors_origin.iter().map(String::as_str)) {
        if o.trim().is_empty() {
            continue;
        }
        let o = crate::store::tokens::normalize_origin(o).map_err(|e| {
            Error::usage(format!("CORS origin {e}")).with_hint("write it like https://site.example")
        })?;
        if !origins.contains(&o) {
            origins.push(o);
        }
    }
    let flusher = match args.flush_every {
        Some(every) => Some(FlushSetup::new(ctx, every)?),
        None => None,
    };
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
    let config = writer::WriterConfig { outbox, actor, region };
    let (handle, writer_thread) = writer::start(store, config)?;
    let writer_stats = handle.stats();
    let state = Arc::new(AppState {
        writer: handle,
        tokens,
        allow_no_auth: args.allow_no_auth,
        org,
        region,
        max_body: max_body as usize,
        hash_salt,
        reader: Mutex::new(reader),
        webhooks,
        limits,
        cors: Cors::new(origins),
        trust_forwarded_for,
        honeypot_field,
        request_timeout,
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
        for w in state.webhooks.warnings() {
            tracing::warn!("{w}");
        }
        // Signal handlers before the "Listening" line: a SIGTERM right after it must stop
        // the server gracefully, not kill it.
        let signals = StopSignals::register()?;
        out.status(&format!("Listening on http://{addr}"));
        tracing::info!(%addr, "listening");
        // On a signal: stop accepting and finish what is in flight, but give a stalled client
        // at most SHUTDOWN_GRACE.
        let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
        let shutdown = async move {
            signals.recv().await;
            let _ = stop_tx.send(true);
        };
        let (flush_stop, flush_rx) = tokio::sync::watch::channel(0u8);
        let flush_task = match flusher {
            Some(f) => Some(f.spawn(flush_rx)?),
            None => None,
        };
        let shutdown = async move {
            shutdown.await;
            // The flusher claims nothing more; deliveries in flight finish and are recorded.
            let _ = flush_stop.send(1);
        };
        let mut server = tokio::spawn(crate::serve::serve(listener, state, shutdown));
        let deadline = async {
            let _ = stop_rx.changed().await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        };
        let served = tokio::select! {
            done = &mut server => {
                done.map_err(|e| Error::failure("the server task failed").with_cause(e))?
            }
            _ = deadline => {
                server.abort();
                tracing::warn!("requests still open after the grace period were dropped");
                Ok(())
            }
        };
        if let Some(task) = flush_task {
            if tokio::time::timeout(SHUTDOWN_GRACE, task).await.is_err() {
                tracing::warn!("deliveries still in flight after the grace period were abandoned");
            }
        }
        served
    });
    // Drop every task (and with them every request handle), so the writer finishes what it
    // was sent and stops.
    rt.shutdown_timeout(std::time::Duration::from_secs(2));
    served?;
    // Every request handle is gone: the writer finishes what it was sent and stops.
    writer_thread.join().map_err(|_| Error::failure("the writer thread failed"))?;
    let (jobs, groups) = writer_stats.get();
    tracing::info!(jobs, groups, "writer stopped");
    ctx.out.status("Stopped.");
    Ok(())
}

/// How long requests in flight get after a stop signal.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// SIGINT and SIGTERM, caught from the moment they are registered.
struct StopSignals {
    int: tokio::signal::unix::Signal,
    term: tokio::signal::unix::Signal,
}

impl StopSignals {
    /// Registers the handlers (inside the runtime).
    fn register() -> Result<StopSignals> {
        use tokio::signal::unix::{SignalKind, signal};
        let failed = |e| Error::failure("cannot handle stop signals").with_cause(e);
        Ok(StopSignals {
            int: signal(SignalKind::interrupt()).map_err(failed)?,
            term: signal(SignalKind::terminate()).map_err(failed)?,
        })
    }

    /// Resolves on the first SIGINT or SIGTERM.
    async fn recv(mut self) {
        tokio::select! {
            _ = self.int.recv() => {}
            _ = self.term.recv() => {}
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

/// What the in-server flusher (`--flush-every`) needs, prepared before the runtime starts.
struct FlushSetup {
    every: std::time::Duration,
    store: crate::store::Store,
    transports: crate::queue::Transports,
    q: crate::queue::QueueSettings,
    templates: crate::queue::templates::Templates,
    kinds: Vec<&'static str>,
    actor: String,
}

impl FlushSetup {
    fn new(ctx: &mut Ctx, every: std::time::Duration) -> Result<FlushSetup> {
        let q = crate::queue::QueueSettings::from_settings(&ctx.settings)?;
        let transports = crate::queue::Transports::from_settings(&ctx.settings)?;
        let kinds = transports.deliverable();
        if kinds.is_empty() {
            return Err(Error::usage("--flush-every: nothing can be delivered").with_hint(
                "set forward.url, or smtp.host and from_email (`leadctl config show`)",
            ));
        }
        let emails = kinds.iter().any(|k| *k != "forward");
        let folder = ctx.settings.templates_dir();
        let templates = crate::queue::templates::Templates::load(if emails {
            folder.as_deref()
        } else {
            None
        })?;
        let path = ctx.settings.db_path()?;
        let store = Store::open(&path, &ctx.store_options()?)?;
        Ok(FlushSetup { every, store, transports, q, templates, kinds, actor: ctx.actor() })
    }

    /// Starts the flush loop on the server's runtime: one flush at start and then every
    /// `every`, with the same lease claiming as `leadctl queue flush`.
    fn spawn(self, stop: tokio::sync::watch::Receiver<u8>) -> Result<tokio::task::JoinHandle<()>> {
        use crate::queue::flush::{FlushOptions, Flusher};
        let deliverer = crate::queue::deliver::Deliverer::new(&self.transports, &self.q)?;
        let opts = FlushOptions { kinds: self.kinds, limit: None, concurrency: self.q.concurrency };
        let flusher = Arc::new(Flusher::new(
            Arc::new(Mutex::new(self.store)),
            deliverer,
            self.templates,
            self.transports.from.clone(),
            self.q,
            self.actor,
        ));
        let every = self.every;
        let mut stop = stop;
        Ok(tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = tick.tick() => {}
                    _ = stop.changed() => {}
                }
                if *stop.borrow() > 0 {
                    break;
                }
                match flusher.run(&opts, stop.clone()).await {
                    Ok(s) if s.idle() => tracing::debug!("queue_flushed: nothing to deliver"),
                    Ok(s) => tracing::info!(
                        claimed = s.claimed,
                        delivered = s.delivered,
                        retry = s.retry,
                        dead = s.dead,
                        "queue_flushed"
                    ),
                    Err(e) => tracing::error!(error = %e, "queue flush failed"),
                }
            }
        }))
    }
}
