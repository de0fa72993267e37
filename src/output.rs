//! Output: data goes to stdout (table, JSON, NDJSON or CSV), everything else (status lines,
//! warnings, progress, prompts, logs) to stderr. Data is written with `writeln!` into a
//! buffered stdout so a closed pipe surfaces as an error that `main` turns into a quiet exit.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, Format};
use crate::error::{Error, Result};

/// Where and how a command prints.
#[derive(Debug, Clone)]
pub struct Output {
    /// Data format chosen with `--format` (commands pick their own default).
    pub format: Option<Format>,
    /// `-q`: only errors on stderr.
    pub quiet: bool,
    /// Colour on stdout.
    pub color_stdout: bool,
    /// Colour on stderr.
    pub color_stderr: bool,
    /// stderr is a terminal (progress bars, prompts).
    pub stderr_tty: bool,
    /// stdout is a terminal.
    pub stdout_tty: bool,
    /// stdin is a terminal (prompts need it as well as stderr).
    pub stdin_tty: bool,
}

impl Output {
    /// Decides colours and terminals from the flags and the environment.
    pub fn new(format: Option<Format>, quiet: bool, color: ColorChoice, no_color: bool) -> Output {
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let pick = |tty: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        Output {
            format,
            quiet,
            color_stdout: pick(stdout_tty),
            color_stderr: pick(stderr_tty),
            stderr_tty,
            stdout_tty,
            stdin_tty: std::io::stdin().is_terminal(),
        }
    }

    /// A buffered, locked stdout for data.
    pub fn stdout(&self) -> BufWriter<std::io::StdoutLock<'static>> {
        BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
    }

    /// A status line on stderr ("Ingested 42 leads ..."), unless `--quiet`.
    pub fn status(&self, msg: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr(), "{msg}");
        }
    }

    /// A warning on stderr, unless `--quiet`.
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            let label = paint(self.color_stderr, "33", "warning:");
            let _ = writeln!(std::io::stderr(), "{label} {msg}");
        }
    }

    /// Whether the user can be asked a question (stdin and stderr are terminals). `--quiet`
    /// does not change this: it silences messages, not prompts.
    pub fn interactive(&self) -> bool {
        self.stdin_tty && self.stderr_tty
    }

    /// Whether progress bars may be drawn.
    pub fn progress_allowed(&self) -> bool {
        self.stderr_tty && !self.quiet
    }
}

/// Wraps `text` in an ANSI colour when `on`.
pub fn paint(on: bool, code: &str, text: &str) -> String {
    if on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
}

/// Formats a count with thousands separators: 12345 -> "12,345".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Writes one JSON document: pretty for `json`, on one line for `ndjson`.
pub fn write_json_doc(
    out: &mut impl Write,
    format: Format,
    doc: &impl serde::Serialize,
) -> crate::error::Result<()> {
    if format == Format::Ndjson {
        serde_json::to_writer(&mut *out, doc)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    }
    writeln!(out)?;
    Ok(())
}

/// Writes `items` as one pretty JSON array (`json`) or one object per line (`ndjson`).
/// Returns false, writing nothing, for the other formats.
pub fn write_json_items<T: serde::Serialize>(
    out: &mut impl Write,
    format: Format,
    items: &[T],
) -> crate::error::Result<bool> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, items)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            for item in items {
                serde_json::to_writer(&mut *out, item)?;
                writeln!(out)?;
            }
        }
        Format::Table | Format::Csv => return Ok(false),
    }
    Ok(true)
}

/// A file written under a temporary name in the same folder and renamed over the destination
/// only by [`AtomicFile::finish`]; dropped before that, the temporary file is removed.
pub struct AtomicFile {
    file: BufWriter<File>,
    tmp: PathBuf,
    dest: PathBuf,
    done: bool,
}

impl AtomicFile {
    /// Where the content goes until [`AtomicFile::finish`].
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        &mut self.file
    }

    /// The temporary file's path (for a writer that opens it by name, such as SQLite).
    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// Creates the temporary file (0600, a random name beside `dest`).
    pub fn create(dest: &Path) -> Result<AtomicFile> {
        let name = dest.file_name().ok_or_else(|| {
            Error::usage(format!("--output {} is not a file name", dest.display()))
        })?;
        if dest.is_dir() {
            return Err(Error::usage(format!("--output {} is a folder", dest.display()))
                .with_hint("give a file name, e.g. leads.csv"));
        }
        let dir = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        // A random part, so a temporary file left by a killed run (SIGKILL) never blocks the
        // next export, whatever its process id.
        let mut attempt = 0;
        let (tmp, file) = loop {
            let id = crate::model::new_id();
            let tmp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), &id[id.len() - 12..]));
            let mut o = std::fs::OpenOptions::new();
            o.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
            match o.open(&tmp) {
                Ok(f) => break (tmp, f),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 5 => {
                    attempt += 1;
                }
                Err(e) => {
                    return Err(Error::failure(format!("cannot write {}: {e}", dest.display()))
                        .with_hint("check that the folder exists and is writable"));
                }
            }
        };
        Ok(AtomicFile {
            file: BufWriter::with_capacity(256 * 1024, file),
            tmp,
            dest: dest.to_path_buf(),
            done: false,
        })
    }

    /// Flushes, syncs and renames the file into place; returns its path.
    pub fn finish(mut self) -> Result<PathBuf> {
        let write_err = |e: std::io::Error| {
            Error::failure(format!("cannot write {}: {e}", self.dest.display()))
        };
        self.file.flush().map_err(write_err)?;
        self.file.get_ref().sync_all().map_err(write_err)?;
        std::fs::rename(&self.tmp, &self.dest).map_err(write_err)?;
        self.done = true;
        Ok(self.dest.clone())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_separators() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(12345), "12,345");
        assert_eq!(super::thousands(1000000), "1,000,000");
    }
}
