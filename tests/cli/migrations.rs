//! Every file in migrations/ is registered, in order, and the schema refuses a newer database.

use crate::common::TestEnv;

#[test]
fn every_migration_file_is_registered_in_order() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("migrations dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .map(|n| n.trim_end_matches(".sql").to_string())
        .collect();
    files.sort();
    let registered: Vec<&str> =
        leadctl::store::migrations::MIGRATIONS.iter().map(|m| m.name).collect();
    assert_eq!(
        files, registered,
        "every migrations/*.sql must be registered in store/migrations.rs"
    );
    for (i, name) in files.iter().enumerate() {
        assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name} is out of sequence");
    }
    for m in leadctl::store::migrations::MIGRATIONS {
        let text = std::fs::read_to_string(dir.join(format!("{}.sql", m.name))).expect("read");
        assert_eq!(text, m.sql);
    }
}

#[test]
fn a_database_from_a_newer_leadctl_is_refused_untouched() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    let conn = rusqlite::Connection::open(env.db()).expect("open");
    conn.pragma_update(None, "user_version", 999).expect("bump version");
    drop(conn);
    let before = std::fs::read(env.db()).expect("read db");
    let r = env.run(&["list"]);
    assert_eq!(r.code, 5, "stderr: {}", r.stderr);
    assert!(r.stderr.contains("newer than this leadctl"), "{}", r.stderr);
    assert!(r.stderr.contains("hint:"));
    assert_eq!(std::fs::read(env.db()).expect("read db"), before);
}
