-- Document files (issue 22): stored content-addressed by SHA-256 under <data_dir>/files, and
-- every request to download one, served or refused. A file is served through a document version
-- that carries its digest and was proposed by an account that uploaded it (so no one gains access
-- to a file by putting its digest into a document of their own), to that document's parties and
-- grantees. Same logical schema as
-- migrations/sqlite/0005_files.sql.
CREATE TABLE files (
    sha256           BYTEA PRIMARY KEY,
    size             BIGINT NOT NULL,
    media_type       TEXT NOT NULL,
    created_at       BIGINT NOT NULL
);

-- Every account that uploaded the bytes (the same contract file is often uploaded by both
-- parties' backends): a document version proposed by any of them serves the file.
CREATE TABLE file_uploaders (
    sha256           BYTEA NOT NULL REFERENCES files (sha256),
    account          TEXT NOT NULL,         -- SS58: the account the uploading client acts for
    uploaded_by      TEXT NOT NULL REFERENCES api_clients (id),
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (sha256, account)
);

-- outcome: served | denied (not a party nor a grantee) | missing (no such document, version or
-- stored file)
CREATE TABLE file_access_log (
    id               TEXT PRIMARY KEY,      -- UUIDv7, so ordered by time
    document_id      BIGINT NOT NULL,
    version          BIGINT,
    api_client_id    TEXT NOT NULL REFERENCES api_clients (id),
    account          TEXT NOT NULL,         -- SS58: the account the client acts for
    outcome          TEXT NOT NULL CHECK (outcome IN ('served', 'denied', 'missing')),
    at               BIGINT NOT NULL
);
CREATE INDEX file_access_log_document ON file_access_log (document_id, id);
