-- Webhooks (issue 22): an API client's subscriptions to the events its chain account may see
-- (chain_event_audience), delivered in order, at least once, with an HMAC signature. Same logical
-- schema as migrations/postgres/0004_webhooks.sql.
--
-- `cursor_seq` is the last event the receiver acknowledged (2xx); the next delivery is the first
-- wanted event after it. A failed delivery is retried after a backoff that doubles per failure
-- (at most an hour); the cursor never moves past an unacknowledged event.
CREATE TABLE webhooks (
    id               TEXT PRIMARY KEY,      -- UUIDv7
    api_client_id    TEXT NOT NULL REFERENCES api_clients (id),
    account          TEXT NOT NULL,         -- SS58: whose events it receives
    url              TEXT NOT NULL,
    secret_sealed    BLOB NOT NULL,         -- HMAC key, sealed (AAD webhooks/secret_sealed/<id>)
    event_types      TEXT NOT NULL,         -- space-separated; empty: every type
    cursor_seq       INTEGER NOT NULL,
    failures         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,      -- unix ms
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX webhooks_client ON webhooks (api_client_id);
