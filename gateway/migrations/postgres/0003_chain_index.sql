-- The chain index (issue 22): every finalized block's extrinsics by hash (lookups by transaction
-- hash), and the events the API reports (documents, certificates, token transfers) with the
-- accounts that may see each (the event stream, webhooks). Same logical schema as
-- migrations/sqlite/0003_chain_index.sql. The indexer's cursor is `chain_cursor` row 'index'.

CREATE TABLE indexed_extrinsics (
    block_number     BIGINT NOT NULL,
    extrinsic_index  BIGINT NOT NULL,
    block_hash       TEXT NOT NULL,
    tx_hash          BYTEA NOT NULL,         -- blake2-256 of the extrinsic's bytes
    pallet           TEXT NOT NULL,
    call             TEXT NOT NULL,
    signer           TEXT,                  -- SS58; NULL for an unsigned extrinsic
    error            TEXT,                  -- NULL: it succeeded; else its error (Pallet.Error)
    PRIMARY KEY (block_number, extrinsic_index)
);
CREATE INDEX indexed_extrinsics_tx_hash ON indexed_extrinsics (tx_hash);

-- `seq` = block number × 2^20 + the event's index in the block: ordered, and the same when a
-- block is indexed again.
CREATE TABLE chain_events (
    seq              BIGINT PRIMARY KEY,
    block_number     BIGINT NOT NULL,
    block_hash       TEXT NOT NULL,
    extrinsic_index  BIGINT,               -- NULL for an event outside any extrinsic
    event_type       TEXT NOT NULL,         -- e.g. document.signed
    data_json        TEXT NOT NULL
);
CREATE INDEX chain_events_block ON chain_events (block_number);

-- Who may see an event: the document's parties (and a viewer named by it), a certificate's issuer
-- and holder, a transfer's sender and recipient.
CREATE TABLE chain_event_audience (
    account          TEXT NOT NULL,         -- SS58
    seq              BIGINT NOT NULL REFERENCES chain_events (seq),
    PRIMARY KEY (account, seq)
);
