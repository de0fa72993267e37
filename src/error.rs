//! The one error type of leadctl: a kind that decides the exit code, a message, an optional
//! chain of causes and an optional hint. `main` maps it to a process exit in exactly one place.

use std::fmt;

/// Documented exit codes (see README "Exit codes").
pub mod exit {
    /// Everything went well.
    pub const OK: u8 = 0;
    /// A failure that is not the user's input: I/O, database, bug.
    pub const FAILURE: u8 = 1;
    /// Bad flags, arguments or configuration (clap uses 2 as well).
    pub const USAGE: u8 = 2;
    /// The lead, organisation or file asked for does not exist.
    pub const NOT_FOUND: u8 = 3;
    /// Input was rejected: some or all rows of an ingest, or a single invalid lead.
    pub const REJECTED: u8 = 4;
    /// The database cannot be used: not SQLite, corrupt, or from a newer leadctl.
    pub const DATABASE: u8 = 5;
    /// `queue flush`: items went dead in this run (permanent failure or attempts used up).
    pub const UNDELIVERED: u8 = 6;
    /// Interrupted by Ctrl-C or SIGTERM after cleaning up (128 + SIGINT, as shells report).
    pub const INTERRUPTED: u8 = 130;
}

/// What went wrong, broadly; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Generic failure (exit 1).
    Failure,
    /// Usage error (exit 2).
    Usage,
    /// Something asked for does not exist (exit 3).
    NotFound,
    /// Input rejected by validation (exit 4).
    Rejected,
    /// Unusable database (exit 5).
    Database,
    /// Another writer held the database past the busy timeout (exit 1).
    Busy,
    /// stdout was closed by the reader (`| head`): end quietly with success.
    BrokenPipe,
    /// Stopped by a signal after cleaning up (exit 130).
    Interrupted,
    /// Queued items went dead (exit 6).
    Undelivered,
}

impl ErrorKind {
    /// The process exit code for this kind.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failure | ErrorKind::Busy => exit::FAILURE,
            ErrorKind::Usage => exit::USAGE,
            ErrorKind::NotFound => exit::NOT_FOUND,
            ErrorKind::Rejected => exit::REJECTED,
            ErrorKind::Database => exit::DATABASE,
            ErrorKind::BrokenPipe => exit::OK,
            ErrorKind::Interrupted => exit::INTERRUPTED,
            ErrorKind::Undelivered => exit::UNDELIVERED,
        }
    }
}

/// leadctl's error: kind, message, causes (outermost first) and a hint.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    causes: Vec<String>,
    hint: Option<String>,
}

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A new error of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), causes: Vec::new(), hint: None }
    }
    /// A generic failure.
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Failure, message)
    }
    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }
    /// A not-found error (exit 3).
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }
    /// A rejected-input error (exit 4).
    pub fn rejected(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Rejected, message)
    }
    /// An unusable-database error (exit 5).
    pub fn database(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Database, message)
    }
    /// Adds a hint printed as `hint: ...`.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// Adds a cause printed as `caused by: ...`.
    pub fn with_cause(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }
    /// Wraps this error in a new outer message, keeping kind and hint.
    pub fn context(mut self, message: impl Into<String>) -> Self {
        let inner = std::mem::replace(&mut self.message, message.into());
        self.causes.insert(0, inner);
        self
    }
    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// The main message.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The hint, if any.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }
    /// Whether this is SQLite's "busy" (another writer held the lock past the timeout).
    pub fn is_busy(&self) -> bool {
        self.kind == ErrorKind::Busy
    }
    /// The causes, outermost first.
    pub fn causes(&self) -> &[String] {
        &self.causes
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::new(ErrorKind::BrokenPipe, "broken pipe");
        }
        Error::failure(format!("I/O error: {e}"))
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Self {
        if let csv::ErrorKind::Io(io) = e.kind() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return Error::new(ErrorKind::BrokenPipe, "broken pipe");
            }
        }
        Error::failure(format!("CSV error: {e}"))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) {
            return Error::new(ErrorKind::BrokenPipe, "broken pipe");
        }
        Error::failure(format!("JSON error: {e}"))
    }
}

/// Adds context to results whose error converts into [`Error`].
pub trait ResultExt<T> {
    /// Wraps the error with an outer message.
    fn context(self, message: impl Into<String>) -> Result<T>;
}

impl<T, E: Into<Error>> ResultExt<T> for std::result::Result<T, E> {
    fn context(self, message: impl Into<String>) -> Result<T> {
        self.map_err(|e| e.into().context(message))
    }
}
