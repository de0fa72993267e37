//! Shell completions and man pages: the scripts checked into `completions/` are exactly what
//! the binary generates (regenerate with `cargo run -- completions --dir completions`), they
//! complete the values of fixed-set flags, and `leadctl man` writes a page per command.

use std::path::{Path, PathBuf};

use crate::common::TestEnv;

/// Each shell with the file name its script has in `completions/`.
const SHELLS: [(&str, &str); 5] = [
    ("bash", "leadctl.bash"),
    ("zsh", "_leadctl"),
    ("fish", "leadctl.fish"),
    ("elvish", "leadctl.elv"),
    ("powershell", "_leadctl.ps1"),
];

fn checked_in(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions").join(name)
}

#[test]
fn checked_in_completion_scripts_match_the_binary() {
    let env = TestEnv::new();
    let mut stale = Vec::new();
    for (shell, file) in SHELLS {
        let generated = env.ok(&["completions", shell]).stdout;
        assert!(generated.len() > 1000, "{shell}: a script, not {generated:?}");
        let saved = std::fs::read_to_string(checked_in(file)).unwrap_or_default();
        if saved != generated {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "completions/{stale:?} differ from what the binary generates; regenerate them with \
         `cargo run -- completions --dir completions` and commit the result"
    );
    assert!(!env.db().exists(), "completions must not create a database");
}

#[test]
fn completions_dir_writes_every_shell_and_one_shell() {
    let env = TestEnv::new();
    let dir = env.p("out");
    let r = env.ok(&["completions", "--dir", &dir]);
    for (shell, file) in SHELLS {
        let written = std::fs::read_to_string(env.path("out").join(file)).unwrap();
        assert_eq!(written, env.ok(&["completions", shell]).stdout, "{shell}");
        assert!(r.stderr.contains(file), "{file} reported: {}", r.stderr);
    }
    let one = env.p("one");
    env.ok(&["completions", "fish", "--dir", &one]);
    let names: Vec<String> = std::fs::read_dir(env.path("one"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["leadctl.fish"]);
}

#[test]
fn completions_offer_values_of_fixed_set_flags() {
    let env = TestEnv::new();
    let fish = env.ok(&["completions", "fish"]).stdout;
    // The lines completing `list --status`, `export --columns`, `webhooks list --provider`
    // and the global `--format` name their values.
    // One `complete` entry: its line and the value lines that follow it.
    let entries: Vec<String> = fish.split("\ncomplete ").map(str::to_string).collect();
    let line = |needle: &str, sub: &str| {
        entries
            .iter()
            .find(|l| l.contains(needle) && l.contains(sub))
            .unwrap_or_else(|| panic!("no fish entry for {needle} in {sub}"))
            .clone()
    };
    let status = line("-l status", "__fish_leadctl_using_subcommand list");
    for s in ["new", "invited", "converted", "lost"] {
        assert!(status.contains(s), "list --status offers {s}: {status}");
    }
    let columns = line("-l columns", "__fish_leadctl_using_subcommand export");
    for c in ["email", "created_at", "tags"] {
        assert!(columns.contains(c), "export --columns offers {c}: {columns}");
    }
    let provider = line("-l provider", "webhooks");
    for p in ["calendly", "zoom", "fireflies"] {
        assert!(provider.contains(p), "webhooks --provider offers {p}: {provider}");
    }
    let format = line("-l format", "__fish_leadctl_using_subcommand list");
    for f in ["table", "json", "ndjson", "csv"] {
        assert!(format.contains(f), "--format offers {f}: {format}");
    }
}

#[test]
fn bad_completions_arguments_are_usage_errors() {
    let env = TestEnv::new();
    env.run(&["completions"]).error(2);
    let r = env.run(&["completions", "tcsh"]);
    r.error(2);
    assert!(r.stderr.contains("bash"), "names the shells it knows: {}", r.stderr);
    // A --dir that cannot be made is a failure with the path, not a panic.
    let file = env.write("a-file", "x");
    let under_file = file.join("sub");
    let r = env.run(&["completions", "bash", "--dir", under_file.to_str().unwrap()]);
    r.error(1);
    assert!(r.stderr.contains("a-file"), "{}", r.stderr);
}

#[test]
fn man_prints_the_main_page_and_writes_one_per_command() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]).stdout;
    assert!(page.contains(".TH leadctl 1"), "roff page: {}", &page[..page.len().min(300)]);
    assert!(page.contains("seed\\-demo") || page.contains("seed-demo"), "lists the commands");
    let dir = env.p("man1");
    let r = env.ok(&["man", "--dir", &dir]);
    let mut pages: Vec<String> = std::fs::read_dir(env.path("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for expected in
        ["leadctl.1", "leadctl-list.1", "leadctl-queue-flush.1", "leadctl-token-create.1"]
    {
        assert!(pages.iter().any(|p| p == expected), "{expected} among {pages:?}");
    }
    assert!(!pages.iter().any(|p| p.contains("help")), "no pages of `help`: {pages:?}");
    assert!(pages.iter().all(|p| p.ends_with(".1")), "{pages:?}");
    assert!(r.stderr.contains(&format!("Wrote {} man pages", pages.len())), "{}", r.stderr);
    let flush = std::fs::read_to_string(env.path("man1").join("leadctl-queue-flush.1")).unwrap();
    assert!(flush.contains("\\-\\-concurrency") || flush.contains("--concurrency"), "{flush}");
    assert!(!env.db().exists(), "man must not create a database");
}
