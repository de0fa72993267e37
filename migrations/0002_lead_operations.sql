-- 0002_lead_operations: what operators do to a lead after it arrives (status, tags, notes,
-- edits, owners, logged interactions, tasks) and the right to erasure (`leadctl forget`).

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
