-- Provider webhooks and browser form keys.

-- A token is a server-to-server bearer token ('bearer') or a browser form key ('form') that
-- may only create leads, only from its allowed origins (a JSON array of origins).
ALTER TABLE api_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'bearer'
    CHECK (kind IN ('bearer', 'form'));
ALTER TABLE api_tokens ADD COLUMN origins TEXT;

-- One row per attendee identity of a meeting, so a re-applied delivery updates, never adds.
-- (Attendees erased by `forget` have neither and are left out.)
CREATE UNIQUE INDEX meeting_attendees_identity
    ON meeting_attendees (meeting_id, ifnull(email, ''), ifnull(phone, ''))
    WHERE email IS NOT NULL OR phone IS NOT NULL;
-- Unresolved attendees are looked up again when a delivery is replayed.
CREATE INDEX meeting_attendees_unresolved ON meeting_attendees (meeting_id)
    WHERE lead_seq IS NULL;
CREATE INDEX meetings_org_starts ON meetings (org_id, starts_at);
CREATE INDEX webhook_deliveries_provider ON webhook_deliveries (provider, received_at);
