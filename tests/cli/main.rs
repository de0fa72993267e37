//! Integration tests: the real binary, a cleared environment, a temporary database.

// Helpers outside `#[test]` functions unwrap too (clippy.toml allows it inside tests only).
#![allow(clippy::unwrap_used)]

mod common;
mod completions;
mod concurrency;
mod config;
mod db;
mod dedupe;
mod erasure;
mod examples;
mod export;
mod faults;
mod flush_concurrency;
mod flush_faults;
mod flush_http;
mod flush_smtp;
mod help;
mod ingest;
mod lead_ops;
mod list;
mod migrations;
mod output;
mod prompts;
mod props;
mod queue;
mod rejects;
mod secrets;
mod seed_demo;
mod serve;
mod serve_forms;
mod server;
mod shared_use;
mod show;
mod stats;
mod store;
mod webhooks;
