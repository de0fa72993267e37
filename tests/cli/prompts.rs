//! Prompts on a real terminal: the bulk confirmation, the status choice and `forget`'s
//! confirmation, driven through a pseudo-terminal by tests/cli/pty_drive.py (Python's `pty`).
//! Without a terminal the same commands refuse (tested in lead_ops.rs and erasure.rs).

use crate::common::{Run, TestEnv};

/// Runs leadctl on a pseudo-terminal, typing each reply once its prompt has appeared.
fn on_terminal(env: &TestEnv, answers: &[(&str, &str)], args: &[&str]) -> Run {
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli/pty_drive.py");
    let mut c = std::process::Command::new("python3");
    c.arg(driver);
    for (prompt, reply) in answers {
        c.args([prompt, reply]);
    }
    c.arg("--").arg(env!("CARGO_BIN_EXE_leadctl")).args(args);
    c.env_clear()
        .env("HOME", env.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LEADCTL_DB", env.db())
        .env("LEADCTL_ACTOR", "tester")
        .env("TERM", "xterm");
    let o = c.output().expect("python3 runs the pty driver");
    let run = Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert_ne!(run.code, 124, "the prompt never appeared or never ended:\n{}", run.stdout);
    crate::common::assert_no_panic(&run.stdout);
    run
}

fn three_new_leads() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_ok(
        "three.ndjson",
        "{\"email\":\"a@example.com\"}\n{\"email\":\"b@example.com\"}\n{\"email\":\"c@example.com\",\"status\":\"lost\"}\n",
    );
    env
}

fn status_of(env: &TestEnv, email: &str) -> String {
    env.show(email)["status"].as_str().expect("status").to_string()
}

#[test]
fn bulk_change_asks_on_a_terminal_and_yes_applies_it() {
    let env = three_new_leads();
    let r = on_terminal(&env, &[("match", "y")], &["status", "--where-status", "new", "invited"]);
    r.code(0);
    assert!(r.stdout.contains("2 leads match. Move them to invited?"), "{}", r.stdout);
    assert!(r.stdout.contains("Moved 2 leads to invited."), "{}", r.stdout);
    assert_eq!(status_of(&env, "a@example.com"), "invited");
    assert_eq!(status_of(&env, "b@example.com"), "invited");
    assert_eq!(status_of(&env, "c@example.com"), "lost");
}

#[test]
fn bulk_change_declined_changes_nothing() {
    let env = three_new_leads();
    let r = on_terminal(&env, &[("match", "n")], &["tag", "--all", "--add", "vip"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("3 leads match."), "{}", r.stdout);
    assert!(r.stdout.contains("cancelled; nothing was changed"), "{}", r.stdout);
    let tagged = env.leads_with(&["--tag", "vip"]);
    assert!(tagged.is_empty(), "nothing may be tagged: {tagged:?}");
}

#[test]
fn status_without_a_status_offers_a_choice_on_a_terminal() {
    let env = three_new_leads();
    // new, waitlist, invited, converted, lost: two steps down is "invited".
    let r = on_terminal(&env, &[("New status", "\x1b[B\x1b[B\r")], &["status", "a@example.com"]);
    r.code(0);
    assert!(r.stdout.contains("Moved 1 lead to invited."), "{}", r.stdout);
    assert_eq!(status_of(&env, "a@example.com"), "invited");
}

#[test]
fn forget_asks_first_on_a_terminal() {
    let env = three_new_leads();
    let r = on_terminal(&env, &[("cannot be undone", "n")], &["forget", "a@example.com"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(env.show("a@example.com")["email"], "a@example.com");
    let r = on_terminal(&env, &[("cannot be undone", "y")], &["forget", "a@example.com"]);
    r.code(0);
    assert!(r.stdout.contains("Erased the personal data"), "{}", r.stdout);
    assert_eq!(env.run(&["show", "a@example.com"]).code, 3);
}
