//! Every subcommand, at every depth, has a one-line summary (`-h`), a longer description
//! (`--help`) and an "Examples:" section whose `leadctl` lines name real subcommands and flags.
//!
//! The tree is read from the real binary: `leadctl --help` lists the commands, and each
//! `leadctl <path> --help` lists its own, so a command added anywhere is checked without
//! touching this file. Problems are collected and reported together, one line per command.

use std::collections::BTreeMap;

use crate::common::TestEnv;

/// One command of the tree, as its help texts describe it.
struct Node {
    /// The words after `leadctl` (empty for `leadctl` itself).
    path: Vec<String>,
    /// Name and visible aliases.
    names: Vec<String>,
    /// `-h` output.
    short: String,
    /// `--help` output.
    long: String,
    /// Every flag the command accepts (global ones included), and whether it takes a value.
    flags: BTreeMap<String, bool>,
    children: Vec<Node>,
}

impl Node {
    fn label(&self) -> String {
        if self.path.is_empty() {
            "leadctl".to_string()
        } else {
            format!("leadctl {}", self.path.join(" "))
        }
    }

    fn all(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.all());
        }
        out
    }
}

fn help(env: &TestEnv, path: &[String], flag: &str) -> String {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push(flag);
    let run = env.run(&args);
    assert_eq!(run.code, 0, "leadctl {args:?} failed:\n{}{}", run.stdout, run.stderr);
    run.stdout
}

/// Reads the command at `path` and, recursively, its subcommands (but not `help`).
fn read_tree(env: &TestEnv, path: Vec<String>, names: Vec<String>) -> Node {
    let short = help(env, &path, "-h");
    let long = help(env, &path, "--help");
    let flags = flags(&long);
    let children = subcommands(&long)
        .into_iter()
        .filter(|names| names[0] != "help")
        .map(|names| {
            let mut child = path.clone();
            child.push(names[0].clone());
            read_tree(env, child, names)
        })
        .collect();
    Node { path, names, short, long, flags, children }
}

/// The entries of the "Commands:" section: each command's name followed by its visible aliases.
fn subcommands(help: &str) -> Vec<Vec<String>> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let lines = help.lines().skip_while(|l| *l != "Commands:").skip(1);
    for line in lines.take_while(|l| !l.trim().is_empty()) {
        match line.strip_prefix("  ").filter(|rest| !rest.starts_with(' ')) {
            Some(rest) => {
                let (name, summary) = rest.split_once(' ').unwrap_or((rest, ""));
                entries.push((name.to_string(), summary.to_string()));
            }
            // A summary wrapped onto the next line.
            None => {
                if let Some(last) = entries.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            }
        }
    }
    entries
        .into_iter()
        .map(|(name, summary)| {
            let mut names = vec![name];
            let aliases =
                summary.rsplit_once("[alias: ").or_else(|| summary.rsplit_once("[aliases: "));
            if let Some((_, list)) = aliases {
                let list = list.trim_end().trim_end_matches(']');
                names.extend(list.split(", ").map(str::to_string));
            }
            names
        })
        .collect()
}

/// The flags listed in a `--help` text (lines indented 2 to 6 spaces that start with `-`), and
/// whether each takes a value (`--db <PATH>`; `--color[=<WHEN>]` needs the `=` form).
fn flags(help: &str) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for line in help.lines() {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if !(2..=6).contains(&indent) || !body.starts_with('-') {
            continue;
        }
        let words: Vec<&str> = body.split_whitespace().collect();
        let mut names = Vec::new();
        let mut i = 0;
        while let Some(word) = words.get(i).filter(|w| w.starts_with('-')) {
            let word = word.trim_end_matches(',');
            let name = word.split(['[', '<', '=']).next().unwrap_or(word);
            names.push(name.trim_end_matches("...").to_string());
            i += 1;
        }
        let takes_value = words.get(i).is_some_and(|w| w.starts_with('<'));
        for name in names {
            out.insert(name, takes_value);
        }
    }
    out
}

/// The text above the `Usage:` line.
fn description(help: &str) -> String {
    let lines: Vec<&str> = help.lines().take_while(|l| !l.starts_with("Usage:")).collect();
    lines.join("\n").trim().to_string()
}

/// The indented lines after "Examples:" (the later sections of the epilogue included).
fn example_lines(help: &str) -> Option<Vec<&str>> {
    let start = help.lines().position(|l| l == "Examples:")?;
    Some(help.lines().skip(start + 1).filter(|l| l.starts_with("  ")).collect())
}

/// Splits a shell line into words, with `None` for operators (`|`, `&&`, `;`, `>`, `$(` ...)
/// that end a command; quotes group, `#` starts a comment.
fn shell_words(line: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    let finish = |word: &mut Option<String>, out: &mut Vec<Option<String>>| {
        if let Some(w) = word.take() {
            out.push(Some(w));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => finish(&mut word, &mut out),
            '#' if word.is_none() => break,
            '|' | '&' | ';' | '<' | '>' | '(' | ')' => {
                // `$(` opens a command: drop the `$` from the word before it.
                if c == '(' {
                    if let Some(w) = word.as_mut().filter(|w| w.ends_with('$')) {
                        w.pop();
                    }
                    word = word.filter(|w| !w.is_empty());
                }
                finish(&mut word, &mut out);
                out.push(None);
            }
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                w.extend(chars.by_ref().take_while(|&c| c != '\''));
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        c => w.push(c),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    finish(&mut word, &mut out);
    out
}

/// The argument lists of the `leadctl` invocations on a shell line.
fn invocations(line: &str) -> Vec<Vec<String>> {
    let words = shell_words(line);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if word.as_deref() == Some("leadctl") {
            out.push(words[i + 1..].iter().map_while(Clone::clone).collect());
        }
    }
    out
}

/// Follows `args` down the tree: returns the command they run, or why they do not.
fn resolve<'a>(root: &'a Node, args: &[String]) -> Result<&'a Node, String> {
    let mut node = root;
    let mut args = args.iter();
    loop {
        let Some(arg) = args.next() else {
            if node.children.is_empty() {
                return Ok(node);
            }
            return Err(format!("`{}` needs a subcommand", node.label()));
        };
        if let Some(flag) = arg.strip_prefix('-').filter(|_| arg != "-") {
            // `-vv` is `-v` twice; `--sort=-name` carries its value.
            let (name, inline_value) = match flag.strip_prefix('-') {
                Some(long) => {
                    (format!("--{}", long.split('=').next().unwrap_or(long)), long.contains('='))
                }
                None => (format!("-{}", flag.chars().next().unwrap_or('-')), flag.len() > 1),
            };
            match node.flags.get(&name) {
                None => return Err(format!("`{}` has no flag {name}", node.label())),
                Some(true) if !inline_value => {
                    args.next();
                }
                Some(_) => {}
            }
        } else if node.children.is_empty() {
            // A positional argument of the command reached.
        } else {
            match node.children.iter().find(|c| c.names.contains(arg)) {
                Some(child) => node = child,
                None => return Err(format!("`{}` has no subcommand `{arg}`", node.label())),
            }
        }
    }
}

/// What `node`'s help lacks or gets wrong, one sentence each.
fn problems(root: &Node, node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    let summary = description(&node.short);
    let is_root = node.path.is_empty();
    if !is_root {
        if summary.is_empty() {
            out.push("no one-line summary (`-h` starts with Usage:)".to_string());
        } else if summary.lines().count() > 1 {
            out.push(format!("the summary is not one line: {summary:?}"));
        }
        let long = description(&node.long);
        let beyond = long.strip_prefix(summary.as_str()).unwrap_or(&long).trim();
        if long == summary || beyond.is_empty() {
            out.push("no longer description in --help (long_about is unset)".to_string());
        }
    }
    let Some(lines) = example_lines(&node.long) else {
        out.push("no \"Examples:\" section".to_string());
        return out;
    };
    if !lines.iter().any(|l| l.starts_with("  leadctl ")) {
        out.push("no example line starting with `  leadctl `".to_string());
    }
    let mut shows_itself = false;
    for line in lines {
        for args in invocations(line) {
            match resolve(root, &args) {
                Ok(target) => shows_itself |= target.path.starts_with(&node.path),
                Err(why) => out.push(format!("example {:?}: {why}", line.trim())),
            }
        }
    }
    if !shows_itself {
        out.push("no example runs this command".to_string());
    }
    out
}

#[test]
fn every_subcommand_has_a_summary_a_description_and_examples() {
    let env = TestEnv::new();
    let root = read_tree(&env, Vec::new(), vec!["leadctl".to_string()]);
    let nodes = root.all();
    // The walk must have gone deep, or a change in the help layout broke the parsing.
    assert!(nodes.len() > 30, "only {} commands found in the help texts", nodes.len());
    for path in
        [&["queue", "flush"][..], &["task", "add"], &["token", "create"], &["config", "show"]]
    {
        assert!(
            nodes.iter().any(|n| n.path == path),
            "`leadctl {}` not found by the walk",
            path.join(" ")
        );
    }
    let mut failures = Vec::new();
    for node in &nodes {
        for problem in problems(&root, node) {
            failures.push(format!("{}: {problem}", node.label()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} help problems in {} commands:\n{}",
        failures.len(),
        nodes.len(),
        failures.join("\n")
    );
    assert!(!env.db().exists(), "--help created the database");
}

#[test]
fn the_help_parsers_read_what_clap_prints() {
    let words = shell_words(
        r#"ID=$(leadctl list --format csv | tail -1) && leadctl note "$ID" 'a | b' # leadctl x"#,
    );
    let words: Vec<&str> = words.iter().map(|w| w.as_deref().unwrap_or("|")).collect();
    assert_eq!(
        words,
        [
            "ID=", "|", "leadctl", "list", "--format", "csv", "|", "tail", "-1", "|", "|", "|",
            "leadctl", "note", "$ID", "a | b"
        ]
    );
    let listing = "Commands:\n  list   List leads, newest first\n          and more [alias: ls]\n  \
        help   Print this message\n\nOptions:\n  -q, --search <TEXT>\n      --db <PATH>\n  \
        -v, --verbose...\n      --color[=<WHEN>]\n          --not-a-flag in a description\n";
    assert_eq!(subcommands(listing), [vec!["list", "ls"], vec!["help"]]);
    let expected = [
        ("-q", true),
        ("--search", true),
        ("--db", true),
        ("-v", false),
        ("--verbose", false),
        ("--color", false),
    ];
    let expected: BTreeMap<String, bool> =
        expected.into_iter().map(|(f, v)| (f.to_string(), v)).collect();
    assert_eq!(flags(listing), expected);
}

#[test]
fn a_command_missing_a_part_is_reported() {
    let tree = |long: &str| Node {
        path: Vec::new(),
        names: vec!["leadctl".into()],
        short: String::new(),
        long: String::new(),
        flags: [("--db".to_string(), true)].into(),
        children: vec![Node {
            path: vec!["list".into()],
            names: vec!["list".into(), "ls".into()],
            short: "List leads\n\nUsage: leadctl list\n".into(),
            long: long.into(),
            flags: [("--db".to_string(), true), ("--limit".to_string(), true)].into(),
            children: Vec::new(),
        }],
    };
    let good = tree(
        "List leads\n\nNewest first.\n\nUsage: leadctl list\n\nExamples:\n  \
         leadctl --db x.db ls --limit 5 | head\n",
    );
    assert_eq!(problems(&good, &good.children[0]), Vec::<String>::new());
    let bad = tree(
        "List leads\n\nUsage: leadctl list\n\nExamples:\n  leadctl list --nope\n  \
        leadctl lsx\n",
    );
    assert_eq!(
        problems(&bad, &bad.children[0]),
        [
            "no longer description in --help (long_about is unset)",
            "example \"leadctl list --nope\": `leadctl list` has no flag --nope",
            "example \"leadctl lsx\": `leadctl` has no subcommand `lsx`",
            "no example runs this command",
        ]
    );
    let none = tree("List leads\n\nNewest first.\n\nUsage: leadctl list\n");
    assert_eq!(problems(&none, &none.children[0]), ["no \"Examples:\" section"]);
}
