-- Installation-wide values leadctl makes once and keeps (e.g. the salt of IP and user-agent
-- hashes, made on the listener's first start).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
