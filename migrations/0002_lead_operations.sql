-- 0002_lead_operations: what operators do to a lead after it arrives (status, tags, notes,
-- edits, owners, logged interactions, tasks), the right to erasure (`leadctl forget`), and
-- the index `leadctl stats` reads.

-- When the lead's personal data was erased by `leadctl forget`. The row stays, anonymous, so
-- counts and statistics stay right; every personal column is NULL.
ALTER TABLE leads ADD COLUMN erased_at TEXT;

-- Interactions logged by `leadctl log`: who logged it and what was said. `payload` stays for
-- provider events (raw JSON); the body of a logged call or email is plain text here.
ALTER TABLE message_events ADD COLUMN actor TEXT;
ALTER TABLE message_events ADD COLUMN body TEXT;

-- The audit log names the lead an entry concerns (its public id), whatever the entity is (a
-- lead, a task, a note), so `leadctl audit --lead` and `timeline` find every entry of a lead.
-- Entries hold no more personal data than a truncated email (names and phones are masked,
-- note and message texts are never copied), so erasing a lead never needs to alter the log:
-- it stays append-only, enforced by the triggers of 0001.
ALTER TABLE audit_log ADD COLUMN lead_id TEXT;
CREATE INDEX audit_log_lead ON audit_log (lead_id, at) WHERE lead_id IS NOT NULL;
CREATE INDEX audit_log_actor ON audit_log (actor, at);

-- Who marked a task done (the timeline shows it).
ALTER TABLE tasks ADD COLUMN done_by TEXT;

-- Open tasks by owner and due date (`task list --owner`).
CREATE INDEX tasks_org_owner ON tasks (org_id, owner, due_at) WHERE owner IS NOT NULL;

-- `leadctl stats` counts leads by status, source, owner and creation time over any date range
-- without reading the table rows: this covering index holds every column those counts need
-- (a million entries are ~60 MB against ~800 MB of table).
CREATE INDEX leads_stats ON leads (org_id, created_at, status, source, owner, updated_at);
-- Its first two columns are those of leads_org_created, which it replaces.
DROP INDEX leads_org_created;

-- Lead counts by organisation, creation day, status, source and owner, kept by leadctl's store
-- in the same transaction as every insert and every change of status, source or owner (like
-- lead_counts). `leadctl stats` sums these cells instead of visiting a million leads; only
-- the partial days at the ends of a range, tag filters and owners' last activity read the
-- leads themselves (through leads_stats). An absent source or owner is ''.
CREATE TABLE lead_facets (
    org_id  INTEGER NOT NULL REFERENCES organisations(id),
    day     TEXT NOT NULL,   -- YYYY-MM-DD of created_at (UTC)
    status  TEXT NOT NULL,
    source  TEXT NOT NULL,
    owner   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (org_id, day, status, source, owner)
) WITHOUT ROWID;
INSERT INTO lead_facets (org_id, day, status, source, owner, n)
SELECT org_id, substr(created_at, 1, 10), status, coalesce(source, ''), coalesce(owner, ''),
       count(*)
FROM leads GROUP BY 1, 2, 3, 4, 5;

-- Erasure must leave no trace in the search index: with FTS5's secure-delete, every removal
-- (an edit, a merge, `forget`) deletes the old terms from the index pages at once instead of
-- adding a delete marker beside them. 'optimize' merges the index once, dropping the entries
-- that earlier removals left behind. (The index then needs SQLite 3.42 or later to be read;
-- leadctl bundles its own SQLite.) The price, measured: this index format makes bulk inserts
-- about a third slower (600,000 leads: 45 s of writing instead of 33 s); erasure comes first.
INSERT INTO leads_fts (leads_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO leads_fts (leads_fts) VALUES ('optimize');

-- INSERT OR REPLACE deletes the old row without firing DELETE triggers: refuse any insert
-- that reuses an existing id, so the log stays append-only.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- An owner's last activity (`leadctl stats owners`): the latest change to any of their leads,
-- and of the unassigned ones, found at the end of this index instead of by a scan.
CREATE INDEX leads_owner_activity ON leads (org_id, owner, updated_at);
