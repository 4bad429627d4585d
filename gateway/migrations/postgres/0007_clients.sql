-- Clients an operator registers (issue 22): the client's data stays here, sealed with the master
-- key (XChaCha20-Poly1305, bound to the client and version), and only its salted SHA-256 goes on
-- chain (`registry.register_client`, then `registry.set_client_data` for each change). Every
-- version is kept: the history, each with the submission that recorded its hash. A client's key
-- is either generated and held by the gateway (custody 'gateway': a row in `signers`) or the
-- client's own (custody 'self'). Same logical schema as migrations/sqlite/0007_clients.sql.
CREATE TABLE clients (
    account          TEXT PRIMARY KEY,      -- SS58
    registrar        TEXT NOT NULL,         -- SS58: the operator account that registered it
    custody          TEXT NOT NULL CHECK (custody IN ('gateway', 'self')),
    version          BIGINT NOT NULL,      -- the current version
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX clients_registrar ON clients (registrar, account);

CREATE TABLE client_versions (
    account          TEXT NOT NULL REFERENCES clients (account),
    version          BIGINT NOT NULL,
    data_sealed      BYTEA NOT NULL,         -- sealed {"salt": hex, "data": {...}}
    data_hash        TEXT NOT NULL,         -- 0x-hex SHA-256(salt ‖ data as JSON): on chain
    submission_id    TEXT NOT NULL REFERENCES submissions (id),
    changed_by       TEXT NOT NULL,         -- the token's subject (API client or user:<id>)
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (account, version)
);
CREATE INDEX client_versions_submission ON client_versions (submission_id);
