-- People (issue 22): the authorization-code grant with PKCE (RFC 6749 §4.1, RFC 7636) for the
-- client portal. Same logical schema as migrations/postgres/0006_people.sql.

-- A portal client is public (a page in a browser holds no secret): it is identified by its id,
-- must use PKCE (S256), and may redirect only to one of these URIs, compared exactly.
ALTER TABLE api_clients ADD COLUMN redirect_uris TEXT NOT NULL DEFAULT '';  -- space-separated

-- People who sign in at /oauth/authorize. `chain_account` is the account whose documents and
-- events they see (a client's exclusive view). Passwords are argon2id PHC strings.
CREATE TABLE users (
    id               TEXT PRIMARY KEY,      -- UUIDv7; tokens name `user:<id>` as their subject
    username         TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,
    chain_account    TEXT NOT NULL,         -- SS58
    created_at       INTEGER NOT NULL,
    disabled_at      INTEGER
);

-- Authorization codes, stored as sha256, valid a minute, used once. A second use revokes the
-- refresh-token family the first use started (RFC 6749 §4.1.2).
CREATE TABLE auth_codes (
    code_sha256      BLOB PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES api_clients (id),
    user_id          TEXT NOT NULL REFERENCES users (id),
    redirect_uri     TEXT NOT NULL,
    scope            TEXT NOT NULL,
    code_challenge   TEXT NOT NULL,         -- S256
    expires_at       INTEGER NOT NULL,
    used_at          INTEGER,
    family_id        TEXT                   -- the refresh family its exchange started
);
