//! What a command gets: the resolved settings, the output, and the store, opened lazily so
//! that `--help`, `config show` and `config init` never create a database file.

use std::time::Duration;

use crate::cli::GlobalArgs;
use crate::config::Settings;
use crate::error::Result;
use crate::output::Output;
use crate::store::{Store, StoreOptions, Synchronous};

/// The context of one command run.
pub struct Ctx {
    /// Effective configuration.
    pub settings: Settings,
    /// Output settings.
    pub out: Output,
    /// `-v` count.
    pub verbose: u8,
    /// Open the store memory-mapped (read-mostly commands set this before `store()`).
    pub mmap: bool,
    store: Option<Store>,
}

impl Ctx {
    /// A context from resolved settings and global flags.
    pub fn new(settings: Settings, out: Output, global: &GlobalArgs) -> Ctx {
        Ctx { settings, out, verbose: global.verbose, mmap: false, store: None }
    }

    /// The organisation slug in effect.
    pub fn org(&self) -> &str {
        self.settings.get("org").unwrap_or("default")
    }

    /// Who is acting: `--actor`, `LEADCTL_ACTOR`, config, else the OS user.
    pub fn actor(&self) -> String {
        self.settings
            .get("actor")
            .map(str::to_string)
            .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
            .or_else(|| std::env::var("LOGNAME").ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| "unknown".to_string())
    }

    /// Store options from the settings.
    pub fn store_options(&self) -> Result<StoreOptions> {
        let busy = self.settings.get_u64("busy_timeout_ms")?.unwrap_or(5000);
        let synchronous: Synchronous =
            self.settings.get("synchronous").unwrap_or("full").parse()?;
        Ok(StoreOptions { busy_timeout: Duration::from_millis(busy), synchronous, mmap: self.mmap })
    }

    /// The store, opened (and created, and migrated) on first use.
    pub fn store(&mut self) -> Result<&mut Store> {
        if self.store.is_none() {
            let path = self.settings.db_path()?;
            let opts = self.store_options()?;
            tracing::debug!(path = %path.display(), "opening database");
            self.store = Some(Store::open(&path, &opts)?);
        }
        Ok(self.store.as_mut().expect("store was just opened"))
    }

    /// The store, opened if needed, taken out of the context (for work on other threads).
    pub fn take_store(&mut self) -> Result<Store> {
        self.store()?;
        Ok(self.store.take().expect("store was just opened"))
    }

    /// Whether the database file exists (for commands that must not create it).
    pub fn db_exists(&self) -> Result<bool> {
        Ok(self.settings.db_path()?.exists())
    }
}
