-- 0005_audit_insert: the audit log stays append-only without a trigger on INSERT.
--
-- 0002's audit_log_no_replace (a BEFORE INSERT trigger refusing an insert that reuses an id)
-- made every audit insert open a statement journal: SQLite must be able to undo a statement
-- whose trigger may abort it, so it copied each page the insert touched (the table and four
-- indexes, 8 KiB each) into memory first. That was a tenth of the listener's writer time
-- (bench/serve.sh). leadctl's connections now set `recursive_triggers`, under which the delete
-- that INSERT OR REPLACE does on a conflict fires audit_log_no_delete and is refused as well.
DROP TRIGGER audit_log_no_replace;
