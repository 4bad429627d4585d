-- The words of an amendment's or a termination's reason, whose BLAKE2b-256 is on chain (issue 23:
-- the portal shows them to whoever may read the document). Keyed by document and hash: a text is shown
-- only on a version of that document whose reason hash it is. Same logical schema as
-- migrations/sqlite/0011_reason_texts.sql.
CREATE TABLE reason_texts (
    document         BIGINT NOT NULL,
    reason_hash      TEXT NOT NULL,         -- 0x and 64 lower-case hex characters
    text             TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (document, reason_hash)
);
