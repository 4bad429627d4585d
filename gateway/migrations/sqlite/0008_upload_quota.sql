-- Per-account upload quota (issue 22): the bytes of the files an account uploaded are summed by
-- account before each upload.
CREATE INDEX file_uploaders_account ON file_uploaders (account);
