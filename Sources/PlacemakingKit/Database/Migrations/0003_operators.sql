-- 0003 operators: who may change the ledger, by operating-system login.
-- Released migrations never change; a later correction is a new migration.

-- An operating-system account (the name of its user id in the password database) and what it may do:
-- 研考會's staff change every record and may act for an agency (--as); a clerk changes only its agency's
-- records; a viewer only reads. A login not listed here may read but not write. The creator of a new
-- ledger is entered as staff; a ledger without any operator treats its file's owner as staff.
CREATE TABLE operator (
    login       TEXT PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 32),
    role        TEXT NOT NULL CHECK (role IN ('staff', 'clerk', 'viewer')),
    agency_id   INTEGER REFERENCES agency(id),  -- the agency a clerk works for; NULL for staff and viewers
    created_at  TEXT NOT NULL,                  -- UTC timestamp
    created_by  TEXT NOT NULL,                  -- the login that added it
    CHECK ((role = 'clerk') = (agency_id IS NOT NULL))
) STRICT;
