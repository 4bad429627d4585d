-- OAuth 2.0 authorisation server (issue 22, M2). Same logical schema as
-- migrations/postgres/0001_auth.sql: ids are UUIDv7 text, times are unix milliseconds, digests
-- are blobs; `$N` placeholders and sqlx's Any types only (no booleans: nullable times instead).

-- API clients (backends such as the operator's CRM, later the portal). The secret is 256 random
-- bits, shown once; only its sha256 is kept.
CREATE TABLE api_clients (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    secret_sha256   BLOB NOT NULL,
    scopes          TEXT NOT NULL,          -- space-separated, the most a token may carry
    grant_types     TEXT NOT NULL,          -- space-separated: client_credentials [refresh_token]
    act_as_account  TEXT,                   -- SS58 account the client acts for (M3)
    kind            TEXT NOT NULL DEFAULT 'backend' CHECK (kind IN ('backend', 'portal')),
    created_at      INTEGER NOT NULL,
    retired_at      INTEGER
);

-- Refresh tokens, stored as sha256. A rotation sets `rotated_at` on the presented token and
-- inserts its successor in the same family; presenting a rotated token revokes the family.
CREATE TABLE refresh_tokens (
    token_sha256    BLOB PRIMARY KEY,
    family_id       TEXT NOT NULL,
    client_id       TEXT NOT NULL REFERENCES api_clients (id),
    subject         TEXT NOT NULL,
    scope           TEXT NOT NULL,
    issued_at       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    rotated_at      INTEGER,
    revoked_at      INTEGER
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_client ON refresh_tokens (client_id);

-- Revoked access tokens (RFC 7009), until they would have expired anyway.
CREATE TABLE revoked_jti (
    jti             TEXT PRIMARY KEY,
    expires_at      INTEGER NOT NULL
);

-- Access-token signing keys (ES256). The private key is sealed (XChaCha20-Poly1305 envelope,
-- AAD `jwt_keys/private_sealed/<kid>`). One key is active; published keys still verify (and stay
-- in the JWKS) until every token they signed has expired; retired keys are kept for the record.
CREATE TABLE jwt_keys (
    kid              TEXT PRIMARY KEY,
    alg              TEXT NOT NULL,
    private_sealed   BLOB NOT NULL,
    public_jwk       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('active', 'published', 'retired')),
    created_at       INTEGER NOT NULL,
    state_changed_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX jwt_keys_one_active ON jwt_keys (state) WHERE state = 'active';
