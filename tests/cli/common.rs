//! TestEnv: runs the real `leadctl` binary with a cleared environment, HOME and the database in
//! a temporary folder.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary home with its own database.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

/// The result of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr)
        })
    }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// The database file used by default.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("leads.db")
    }

    /// A path inside the temp folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the temp folder and returns its path.
    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// A command with a cleared environment and the test database.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_leadctl"));
        c.env_clear()
            .env("HOME", self.home())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LEADCTL_DB", self.db())
            .env("LEADCTL_ACTOR", "tester")
            .args(args)
            .stdin(Stdio::null());
        c
    }

    /// Runs with the given args.
    pub fn run(&self, args: &[&str]) -> Run {
        to_run(self.cmd(args).output().expect("run leadctl"))
    }

    /// Runs with `stdin` piped in.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let mut c = self.cmd(args);
        c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().expect("spawn leadctl");
        let mut input = child.stdin.take().expect("stdin");
        let data = stdin.as_bytes().to_vec();
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(&data);
        });
        let out = child.wait_with_output().expect("wait");
        let _ = writer.join();
        to_run(out)
    }

    /// Runs and asserts success.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "leadctl {args:?} failed:\nstdout: {}\nstderr: {}",
            r.stdout, r.stderr
        );
        r
    }
}

fn to_run(o: Output) -> Run {
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}
