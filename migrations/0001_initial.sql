-- 0001_initial: the whole product's schema, laid down at once so later features add columns
-- rather than redesign. Times are RFC 3339 UTC text with milliseconds ("2026-11-22T10:00:00.000Z"),
-- fixed width so they sort and compare as text. Leads have an internal integer row number
-- (`seq`, used by foreign keys and the search index) and a public UUIDv7 `id`.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO organisations (slug, name, created_at)
VALUES ('default', 'Default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE leads (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    org_id            INTEGER NOT NULL REFERENCES organisations(id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'new'
                      CHECK (status IN ('new', 'waitlist', 'invited', 'converted', 'lost')),
    first_name        TEXT,
    last_name         TEXT,
    email             TEXT,
    email_norm        TEXT,
    phone             TEXT,   -- E.164, NULL when the raw phone did not parse
    phone_raw         TEXT,   -- as received, kept only when it did not parse
    company           TEXT,
    service           TEXT,
    message           TEXT,
    source            TEXT,
    utm_source        TEXT,
    utm_medium        TEXT,
    utm_campaign      TEXT,
    last_contacted_at TEXT,
    owner             TEXT,
    request_id        TEXT,   -- the request that created the lead (later ones: lead_request_ids)
    ip_hash           TEXT,
    user_agent_hash   TEXT,
    -- What search matches: names, email, phone and company joined by spaces and lowercased
    -- (Unicode-aware, which SQLite's lower() and LIKE are not). Written by leadctl's store.
    haystack          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leads_org ON leads (org_id);
CREATE INDEX leads_org_created ON leads (org_id, created_at);
CREATE INDEX leads_status ON leads (status);
CREATE INDEX leads_created ON leads (created_at);
CREATE INDEX leads_org_status_created ON leads (org_id, status, created_at);
CREATE UNIQUE INDEX leads_org_email ON leads (org_id, email_norm) WHERE email_norm IS NOT NULL;
CREATE INDEX leads_org_phone ON leads (org_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX leads_org_request ON leads (org_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX leads_org_source ON leads (org_id, source, created_at);
CREATE INDEX leads_org_owner ON leads (org_id, owner, created_at) WHERE owner IS NOT NULL;

-- Substring search over names, email, phone and company: FTS5 with the trigram tokenizer over
-- `leads.haystack` (external content, so the text is stored once). Queried as a phrase,
-- `leads_fts MATCH '"text"'`: the trigrams of the text at consecutive positions, i.e. the text
-- as a substring, case-insensitive (Unicode). detail=full keeps the positions that check this
-- inside the index; with detail=none, LIKE had to read every candidate lead to verify it, which
-- was 5-10x slower for common names on a million leads. columnsize=0: no ranking needed.
--
-- The index is kept in step by leadctl's store code (store/search.rs), in the same transaction
-- as each change to a lead, not by triggers: a statement that fires a trigger opens a statement
-- journal, and FTS5 flushes its pending terms to disk at every such savepoint, which made bulk
-- ingest ~5x slower. Tools that write `leads` directly must set `haystack` and run
-- `INSERT INTO leads_fts (leads_fts) VALUES ('rebuild')` afterwards.
CREATE VIRTUAL TABLE leads_fts USING fts5 (
    haystack, content = 'leads', content_rowid = 'seq',
    tokenize = 'trigram', detail = 'full', columnsize = 0
);
-- Pending terms are flushed to disk every 8 MiB (default 1 MiB) and merged 8 segments at a
-- time (default 4): fewer, larger segments made bulk ingest up to a third faster; beyond 8 MiB
-- the gain depended on the data while memory kept growing.
INSERT INTO leads_fts (leads_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO leads_fts (leads_fts, rank) VALUES ('automerge', 8);

-- Exact lead counts per organisation and status, kept by leadctl's store in the same
-- transaction as every insert, status change and delete, so `list` can give totals of a
-- million leads without counting them (`leadctl db check` will compare them with count(*)).
CREATE TABLE lead_counts (
    org_id  INTEGER NOT NULL REFERENCES organisations(id),
    status  TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (org_id, status)
) WITHOUT ROWID;

-- Request ids a lead absorbed after the one that created it (merges), so a retried request is
-- recognised as a duplicate whichever lead it went to.
CREATE TABLE lead_request_ids (
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    request_id  TEXT NOT NULL,
    lead_seq    INTEGER NOT NULL REFERENCES leads(seq) ON DELETE CASCADE,
    received_at TEXT NOT NULL,
    PRIMARY KEY (org_id, request_id)
) WITHOUT ROWID;
CREATE INDEX lead_request_ids_lead ON lead_request_ids (lead_seq);

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    name        TEXT NOT NULL,
    lead_count  INTEGER NOT NULL DEFAULT 0,   -- kept by the store, like lead_counts
    UNIQUE (org_id, name)
);
CREATE TABLE lead_tags (
    tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    lead_seq INTEGER NOT NULL REFERENCES leads(seq) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, lead_seq)
) WITHOUT ROWID;
CREATE INDEX lead_tags_lead ON lead_tags (lead_seq);

-- Append-only consent history per lead and channel; the latest row is the current state.
CREATE TABLE consents (
    id          INTEGER PRIMARY KEY,
    lead_seq    INTEGER NOT NULL REFERENCES leads(seq) ON DELETE CASCADE,
    channel     TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    state       TEXT NOT NULL CHECK (state IN ('granted', 'withdrawn')),
    source      TEXT,
    recorded_at TEXT NOT NULL,
    request_id  TEXT
);
CREATE INDEX consents_lead ON consents (lead_seq, channel, recorded_at);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    lead_seq    INTEGER NOT NULL REFERENCES leads(seq) ON DELETE CASCADE,
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT
);
CREATE INDEX notes_lead ON notes (lead_seq, created_at);

CREATE TABLE status_history (
    id          INTEGER PRIMARY KEY,
    lead_seq    INTEGER NOT NULL REFERENCES leads(seq) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    note        TEXT,
    changed_at  TEXT NOT NULL
);
CREATE INDEX status_history_lead ON status_history (lead_seq, changed_at);

CREATE TABLE message_events (
    id                INTEGER PRIMARY KEY,
    lead_seq          INTEGER NOT NULL REFERENCES leads(seq) ON DELETE CASCADE,
    occurred_at       TEXT NOT NULL,
    kind              TEXT NOT NULL,
    channel           TEXT,
    provider          TEXT,
    provider_event_id TEXT,
    payload           TEXT,   -- JSON
    created_at        TEXT NOT NULL
);
CREATE INDEX message_events_lead ON message_events (lead_seq, occurred_at);
CREATE UNIQUE INDEX message_events_provider ON message_events (provider, provider_event_id)
    WHERE provider_event_id IS NOT NULL;

-- Transactional outbox: written in the same transaction as the lead, delivered by
-- `queue flush` under a lease so overlapping flushes never deliver an item twice.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    org_id           INTEGER NOT NULL REFERENCES organisations(id),
    lead_seq         INTEGER REFERENCES leads(seq) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('forward', 'welcome_email', 'admin_alert')),
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'delivered', 'dead', 'cancelled')),
    idempotency_key  TEXT NOT NULL,
    payload          TEXT NOT NULL,   -- JSON
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL DEFAULT 3,
    next_attempt_at  TEXT NOT NULL,
    lease_owner      TEXT,
    lease_expires_at TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    delivered_at     TEXT,
    UNIQUE (kind, idempotency_key)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_lead ON outbox (lead_seq);

CREATE TABLE outbox_attempts (
    id           INTEGER PRIMARY KEY,
    outbox_id    INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    attempted_at TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    http_status  INTEGER,
    smtp_reply   TEXT,
    error        TEXT
);
CREATE INDEX outbox_attempts_item ON outbox_attempts (outbox_id, attempted_at);

-- Provider webhooks as received, raw payload kept for replay and audit.
CREATE TABLE webhook_deliveries (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisations(id),
    provider      TEXT NOT NULL,
    delivery_key  TEXT,
    event_type    TEXT,
    received_at   TEXT NOT NULL,
    signature_ok  INTEGER NOT NULL DEFAULT 0,
    headers       TEXT,   -- JSON, secrets removed
    raw_payload   BLOB NOT NULL,
    state         TEXT NOT NULL DEFAULT 'received',
    error         TEXT,
    processed_at  TEXT
);
CREATE UNIQUE INDEX webhook_deliveries_key ON webhook_deliveries (provider, delivery_key)
    WHERE delivery_key IS NOT NULL;
CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);

CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisations(id),
    provider      TEXT NOT NULL,
    external_ref  TEXT NOT NULL,
    title         TEXT,
    starts_at     TEXT,
    ends_at       TEXT,
    join_url      TEXT,
    status        TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (org_id, provider, external_ref)
);
CREATE TABLE meeting_attendees (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    lead_seq    INTEGER REFERENCES leads(seq) ON DELETE SET NULL,
    email       TEXT,
    phone       TEXT,
    name        TEXT,
    role        TEXT
);
CREATE INDEX meeting_attendees_meeting ON meeting_attendees (meeting_id);
CREATE INDEX meeting_attendees_lead ON meeting_attendees (lead_seq);

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    lead_seq    INTEGER REFERENCES leads(seq) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    due_at      TEXT,
    owner       TEXT,
    done_at     TEXT,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX tasks_org_due ON tasks (org_id, done_at, due_at);
CREATE INDEX tasks_lead ON tasks (lead_seq);

-- Ingest API tokens: only a hash is stored; the token is shown once.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations(id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

-- The audit log: append-only, enforced by the database itself.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    org_id      INTEGER REFERENCES organisations(id),
    entity_type TEXT,
    entity_id   TEXT,
    before      TEXT,   -- JSON, emails truncated
    after       TEXT,   -- JSON, emails truncated
    request_id  TEXT,
    details     TEXT    -- JSON
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
