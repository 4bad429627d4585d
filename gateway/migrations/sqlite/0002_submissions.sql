-- The submission pipeline (issue 22, M3). Same logical schema as
-- migrations/postgres/0002_submissions.sql.

-- Chain accounts the gateway signs for. The secret (a secret URI: a mnemonic, a 0x seed or a
-- development URI such as //Alice) is sealed with the master key (AAD
-- `signers/secret_sealed/<account>`). `next_nonce` is the nonce the next new transaction gets;
-- NULL until the chain has been asked.
CREATE TABLE signers (
    account         TEXT PRIMARY KEY,       -- SS58 (prefix 42)
    label           TEXT NOT NULL UNIQUE,
    secret_sealed   BLOB NOT NULL,
    next_nonce      INTEGER,
    created_at      INTEGER NOT NULL
);

-- Every write request, persisted before anything is signed. At most one attempt (nonce, era,
-- bytes, hash) is live at a time: a new one is signed only once the previous one is provably dead
-- (its era ended, or a finalized block runs a newer runtime, without it in any scanned block), so
-- a submission is applied at most once.
--   accepted  → waiting to be signed (again)
--   broadcast → an attempt is live: signed, stored, sent to the node
--   finalized → its extrinsic succeeded in a finalized block (`result` holds what it produced)
--   failed    → it failed in a finalized block (`error` names the pallet error), or could not be
--               signed at all (`error` says why)
CREATE TABLE submissions (
    id               TEXT PRIMARY KEY,      -- UUIDv7
    api_client_id    TEXT NOT NULL REFERENCES api_clients (id),
    idempotency_key  TEXT NOT NULL,
    fingerprint      BLOB NOT NULL,         -- sha256 of the request as parsed
    signer           TEXT NOT NULL REFERENCES signers (account),
    kind             TEXT NOT NULL,         -- e.g. documents.create
    request_json     TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('accepted', 'broadcast', 'finalized', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    nonce            INTEGER,
    era_birth        INTEGER,               -- block the live attempt's mortal era is anchored at
    era_period       INTEGER,
    spec_version     INTEGER,
    tx_hash          BLOB,
    tx_bytes         BLOB,
    block_number     INTEGER,
    block_hash       TEXT,
    extrinsic_index  INTEGER,
    error            TEXT,
    result_json      TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (api_client_id, idempotency_key)
);
CREATE INDEX submissions_pending ON submissions (status, signer, created_at);
CREATE UNIQUE INDEX submissions_tx_hash ON submissions (tx_hash);

-- How far the tracker has scanned finalized blocks.
CREATE TABLE chain_cursor (
    name            TEXT PRIMARY KEY,
    block_number    INTEGER NOT NULL,
    block_hash      TEXT NOT NULL
);
