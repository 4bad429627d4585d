-- What a person may do (issue 23): their tokens carry at most these scopes (space-separated),
-- whatever the portal client allows, so one portal serves clients (read and sign their own
-- contracts) and the operator's staff (write scopes). NULL, for people created before: a
-- client's (`auth::scopes::PERSON_SCOPES`), never more. Same logical schema as migrations/sqlite/0009_user_scopes.sql.
ALTER TABLE users ADD COLUMN scopes TEXT;
