-- 0006_fewer_write_indexes: indexes no query needs, dropped to make every new lead cheaper.
--
-- Each index is one more B-tree that every new lead inserts into, and one more page that
-- every commit writes to the log (and later to the database file): for the listener's writer,
-- which commits small groups of leads many times a second, the last page of every index is
-- rewritten at each commit (bench/serve.sh).
--
-- - leads_org (org_id): every index that starts with org_id serves the same lookups.
-- - leads_status (status) and leads_created (created_at): every query of leads names its
--   organisation; leads_org_status_created and leads_stats (org_id, created_at, ...) serve
--   those filters and orders within it.
-- - audit_log_entity (entity_type, entity_id): no query filters the audit log by entity
--   (leads are found by audit_log_lead).
DROP INDEX leads_org;
DROP INDEX leads_status;
DROP INDEX leads_created;
DROP INDEX audit_log_entity;
