-- When each indexed event's block was made (issue 23: the portal shows when a party signed):
-- the block's Timestamp.Now, ms since 1970. NULL for events indexed before it was recorded.
-- Same logical schema as migrations/sqlite/0010_block_time.sql.
ALTER TABLE chain_events ADD COLUMN block_time BIGINT;
