-- placemaking: the complete schema, read top to bottom as a data dictionary.
--
-- Conventions
--   * Every table is STRICT; foreign keys are enforced (the program turns them on at open).
--   * Dates are ISO 8601 text (`2022-06-30`), checked with `date(x) IS x`; the program shows them in
--     the ROC calendar (111/06/30). Timestamps are UTC, `2026-11-27T08:15:00Z`.
--   * Money is an integer number of New Taiwan dollars (元), never negative.
--   * NULL means "not known" (shown as 未詳). Nothing unknown is guessed.
--   * `year` columns are ROC years (民國年, AD − 1911), as the programmes count them.
--   * `source_id`/`source_section` give the provenance of a record that came from a document; records
--     entered by users leave them NULL.
--
-- The program creates and upgrades databases with versioned migrations (Database/Migrations.swift);
-- a test proves that a freshly migrated database has exactly this schema.
--
-- File identity: a ledger's header carries `PRAGMA application_id = 1347177803` (0x504C4D4B, "PLMK"),
-- set when the file is created (migration `0005 application id`). The program opens an existing file
-- only when it has this id (or, for files made before it, GRDB's migration table with our first
-- migration); a file with another id, or with tables but not our migrations, is refused unchanged.
PRAGMA application_id = 1347177803;

-- MARK: - Reference data

-- A document that records cite as their source (the half-year report, a public web page …).
CREATE TABLE source_document (
    id          TEXT PRIMARY KEY,           -- short stable key, e.g. 'rdec-111h1'
    title       TEXT NOT NULL,
    issued_on   TEXT CHECK (issued_on IS NULL OR date(issued_on) IS issued_on),
    reference   TEXT                        -- where to find it: file name or address
) STRICT;

-- Every organisation the programme deals with: Kaohsiung's 38 district offices (區公所) and city bureaus
-- (局處), central ministries (部會) whose resources plans are matched to, and partners such as the NDC
-- Southern Region Counseling Center.
CREATE TABLE agency (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),  -- short name as the report uses it: 六龜區, 海洋局
    full_name       TEXT,                   -- formal name, e.g. 高雄市六龜區公所
    kind            TEXT NOT NULL CHECK (kind IN ('district', 'bureau', 'ministry', 'partner')),
    town_code       TEXT UNIQUE CHECK (town_code IS NULL OR (kind = 'district' AND town_code GLOB '64000[0-9][0-9]0')),
    is_indigenous   INTEGER NOT NULL DEFAULT 0 CHECK (is_indigenous IN (0, 1)),  -- 1 for a 山地原住民區
    sort_order      INTEGER NOT NULL DEFAULT 0,   -- listing order (districts by town code)
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)

-- Every name an agency is known by, so that users may type any of them: its current short name
-- (agency.name, 六龜區), its formal name (agency.full_name, 高雄市六龜區公所), common abbreviations and
-- other forms (六龜區公所, 六龜, 數位部), and earlier names with the day they stopped being used (農委會
-- until 2023-08-01), so that a record can show the name in force on its date. No two names may be the
-- same once spaces are dropped and 臺 is read as 台 (the expression index below).
CREATE TABLE agency_name (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agency(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0 AND name = trim(name)),  -- as written, e.g. 行政院農業委員會
    kind        TEXT NOT NULL CHECK (kind IN ('formal', 'short', 'alias', 'former')),  -- formal/short: agency.full_name/name
    valid_from  TEXT CHECK (valid_from IS NULL OR date(valid_from) IS valid_from),  -- first day in force; NULL: not known
    valid_to    TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to),        -- first day no longer in force (the renaming)
    source_id   TEXT REFERENCES source_document(id),   -- where the name and its dates were confirmed
    CHECK ((kind = 'former') = (valid_to IS NOT NULL)),  -- only a former name has ended, and its end is known
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from < valid_to)
) STRICT;
CREATE UNIQUE INDEX agency_name_key ON agency_name(replace(replace(replace(name, '臺', '台'), ' ', ''), '　', ''));
CREATE INDEX agency_name_agency ON agency_name(agency_id);

-- The fixed phases every status maps to; reports aggregate on phases, so vocabularies may change.
CREATE TABLE phase (
    name        TEXT PRIMARY KEY CHECK (name IN ('draft', 'submitted', 'reviewing', 'approved',
                                                 'rejected', 'executing', 'closed', 'withdrawn')),
    label       TEXT NOT NULL,              -- Traditional Chinese label: 草擬, 已提報 …
    sort_order  INTEGER NOT NULL UNIQUE
) STRICT;

-- The status vocabulary of each kind of record, as data: NDC policy changes them (地方創生 2.0, 3.0).
CREATE TABLE status (
    entity      TEXT NOT NULL CHECK (entity IN ('plan', 'proposal', 'subsidy', 'case', 'event')),
    name        TEXT NOT NULL,              -- the status as users type it: 媒合成功
    phase       TEXT NOT NULL REFERENCES phase(name),
    name_en     TEXT NOT NULL,              -- English label for --lang en
    is_initial  INTEGER NOT NULL DEFAULT 0 CHECK (is_initial IN (0, 1)),  -- a new record starts here
    sort_order  INTEGER NOT NULL,
    PRIMARY KEY (entity, name)
) STRICT;

-- The allowed changes of status; any change not listed here is refused.
CREATE TABLE status_transition (
    entity      TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    PRIMARY KEY (entity, from_status, to_status),
    FOREIGN KEY (entity, from_status) REFERENCES status(entity, name),
    FOREIGN KEY (entity, to_status) REFERENCES status(entity, name),
    CHECK (from_status <> to_status)
) STRICT;

-- MARK: - Placemaking plans (地方創生計畫)

-- A placemaking plan proposed by a district office or a bureau and submitted to the NDC.
CREATE TABLE plan (
    id              INTEGER PRIMARY KEY,
    agency_id       INTEGER NOT NULL REFERENCES agency(id),   -- the proposing agency
    title           TEXT,                   -- NULL when the source does not name the plan
    status          TEXT NOT NULL,          -- current status (entity 'plan'); its history is in status_history
    submitted_on    TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),  -- submitted to the NDC
    budget          INTEGER CHECK (budget IS NULL OR budget >= 0),  -- total proposed budget, 元
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)
-- Import look-ups (0006): is this row of this file, or this agency's plan of this title and date, on record?
CREATE INDEX plan_agency_title ON plan(agency_id, title, submitted_on);
CREATE INDEX plan_source ON plan(source_id, source_section) WHERE source_id IS NOT NULL;

-- One ministry's part in matching a plan (媒合): its subsidy (補助) and investment (投資) amounts as
-- decided at an NDC working meeting.
CREATE TABLE plan_match (
    id                  INTEGER PRIMARY KEY,
    plan_id             INTEGER NOT NULL REFERENCES plan(id),
    ministry_id         INTEGER NOT NULL REFERENCES agency(id),
    subsidy_amount      INTEGER CHECK (subsidy_amount IS NULL OR subsidy_amount >= 0),        -- 補助, 元
    investment_amount   INTEGER CHECK (investment_amount IS NULL OR investment_amount >= 0),  -- 投資, 元
    meeting             TEXT,               -- e.g. 行政院地方創生會報第46次工作會議
    matched_on          TEXT CHECK (matched_on IS NULL OR date(matched_on) IS matched_on),
    note                TEXT,
    source_id           TEXT REFERENCES source_document(id),
    source_section      TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)
CREATE INDEX plan_match_plan ON plan_match(plan_id);

-- A business proposal (事業提案) filed under a plan, after matching too ("rolling" submissions).
CREATE TABLE business_proposal (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plan(id),
    year            INTEGER NOT NULL CHECK (year BETWEEN 1 AND 999),  -- ROC year it was filed in
    title           TEXT,                   -- NULL when the source does not name it
    status          TEXT NOT NULL,          -- current status (entity 'proposal')
    submitted_on    TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),
    amount          INTEGER CHECK (amount IS NULL OR amount >= 0),  -- amount requested, 元
    ministry_id     INTEGER REFERENCES agency(id),                  -- ministry it is filed with
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)
CREATE INDEX business_proposal_plan ON business_proposal(plan_id);
CREATE INDEX business_proposal_source ON business_proposal(source_id, source_section) WHERE source_id IS NOT NULL;

-- A counseling visit (實地輔導) to an agency, usually with the NDC Southern Region Counseling Center.
CREATE TABLE counseling_visit (
    id              INTEGER PRIMARY KEY,
    agency_id       INTEGER NOT NULL REFERENCES agency(id),   -- the agency visited
    partner_id      INTEGER REFERENCES agency(id),            -- who came along (南區輔導中心)
    plan_id         INTEGER REFERENCES plan(id),              -- the plan discussed, when there is one
    year            INTEGER NOT NULL CHECK (year BETWEEN 1 AND 999),
    visited_on      TEXT CHECK (visited_on IS NULL OR date(visited_on) IS visited_on),
    purpose         TEXT,
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)
CREATE INDEX counseling_visit_agency ON counseling_visit(agency_id, visited_on);
CREATE INDEX counseling_visit_source ON counseling_visit(source_id, source_section) WHERE source_id IS NOT NULL;

-- MARK: - Subsidies

-- A subsidy programme, e.g. the NDC's 地方創生公有建築空間整備活化補助.
CREATE TABLE subsidy_programme (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    administrator_id INTEGER REFERENCES agency(id),  -- the agency that runs it (國發會)
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT
) STRICT;

-- One call for applications (徵案) of a programme in a year.
CREATE TABLE call_round (
    id              INTEGER PRIMARY KEY,
    programme_id    INTEGER NOT NULL REFERENCES subsidy_programme(id),
    year            INTEGER NOT NULL CHECK (year BETWEEN 1 AND 999),
    round           INTEGER CHECK (round IS NULL OR round >= 1),  -- 第N次; NULL when not known
    opens_on        TEXT CHECK (opens_on IS NULL OR date(opens_on) IS opens_on),
    closes_on       TEXT CHECK (closes_on IS NULL OR date(closes_on) IS closes_on),
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT,
    UNIQUE (programme_id, year, round)
) STRICT;

-- An agency's application to a call round, and the award when there is one. The decision (awarded
-- amount) is kept apart from the progress of the works (the status).
CREATE TABLE subsidy_application (
    id                  INTEGER PRIMARY KEY,
    call_round_id       INTEGER NOT NULL REFERENCES call_round(id),
    agency_id           INTEGER NOT NULL REFERENCES agency(id),
    plan_id             INTEGER REFERENCES plan(id),
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    status              TEXT NOT NULL,      -- current status (entity 'subsidy')
    requested_amount    INTEGER CHECK (requested_amount IS NULL OR requested_amount >= 0),  -- 元
    awarded_amount      INTEGER CHECK (awarded_amount IS NULL OR awarded_amount >= 0),      -- 元, set by the award
    submitted_on        TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),
    awarded_on          TEXT CHECK (awarded_on IS NULL OR date(awarded_on) IS awarded_on),
    note                TEXT,
    source_id           TEXT REFERENCES source_document(id),
    source_section      TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)
CREATE INDEX subsidy_application_agency ON subsidy_application(agency_id, title);
CREATE INDEX subsidy_application_source ON subsidy_application(source_id, source_section) WHERE source_id IS NOT NULL;

-- MARK: - Citizen participation (公民參與)

-- A case of the city's yearly citizen-participation plan (公民參與實施計畫).
CREATE TABLE participation_case (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1 AND 999),  -- ROC year of the plan
    agency_id       INTEGER REFERENCES agency(id),   -- NULL when the source does not say
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    method          TEXT,                   -- 參與式預算, 審議式民主, 工作坊, 公聽會, 世界咖啡館, 網路參與 …
    status          TEXT NOT NULL,          -- current status (entity 'case')
    subsidized      INTEGER NOT NULL DEFAULT 0 CHECK (subsidized IN (0, 1)),  -- the city approved a subsidy
    subsidy_amount  INTEGER CHECK (subsidy_amount IS NULL OR (subsidy_amount >= 0 AND subsidized = 1)),  -- 元
    is_placeholder  INTEGER NOT NULL DEFAULT 0 CHECK (is_placeholder IN (0, 1)),  -- stands for a counted case whose details are unknown
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
    , version INTEGER NOT NULL DEFAULT 1) STRICT;  -- version: counts the changes (0004; trigger below)
CREATE INDEX participation_case_year ON participation_case(year);
CREATE INDEX participation_case_source ON participation_case(source_id, source_section) WHERE source_id IS NOT NULL;

-- MARK: - Events

-- A workshop, briefing or other event of the programme.
CREATE TABLE event (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1 AND 999),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind            TEXT,                   -- 工作坊, 說明會, 講座 …
    organiser_id    INTEGER REFERENCES agency(id),
    partner_id      INTEGER REFERENCES agency(id),     -- co-organiser (人發中心)
    status          TEXT NOT NULL,          -- current status (entity 'event')
    planned_from    TEXT CHECK (planned_from IS NULL OR date(planned_from) IS planned_from),  -- planned period, first day
    planned_to      TEXT CHECK (planned_to IS NULL OR date(planned_to) IS planned_to),        -- planned period, last day
    held_on         TEXT CHECK (held_on IS NULL OR date(held_on) IS held_on),
    note            TEXT,
    source_id       TEXT REFERENCES source_document(id),
    source_section  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
    CHECK (planned_from IS NULL OR planned_to IS NULL OR planned_from <= planned_to)
) STRICT;

-- MARK: - History and audit

-- Every status a record has had, with the date it took effect, so any past date can be reported.
CREATE TABLE status_history (
    id              INTEGER PRIMARY KEY,
    entity          TEXT NOT NULL,
    entity_id       INTEGER NOT NULL,
    status          TEXT NOT NULL,
    effective_on    TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    on_or_before    INTEGER NOT NULL DEFAULT 0 CHECK (on_or_before IN (0, 1)),  -- 1: the exact date is unknown; effective_on is the latest it can be (a report's 截至 date)
    note            TEXT,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    FOREIGN KEY (entity, status) REFERENCES status(entity, name)
) STRICT;
CREATE INDEX status_history_record ON status_history(entity, entity_id, effective_on);

-- Every change to the data: who, when, what, and the record before and after (JSON objects).
-- Append-only: triggers refuse updates and deletes.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,              -- UTC timestamp
    actor       TEXT NOT NULL,              -- who made the change (user name, or 'seed')
    action      TEXT NOT NULL,              -- what they meant: plan.submit, plan.status, case.add …
    entity      TEXT NOT NULL,              -- table changed
    entity_id   INTEGER,
    before      TEXT CHECK (before IS NULL OR json_valid(before)),  -- NULL for an insert
    after       TEXT CHECK (after IS NULL OR json_valid(after))     -- NULL for a delete
) STRICT;
CREATE INDEX audit_log_record ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- MARK: - Record versions
-- A record's version counts its changes: an edit or status change made from an older version is
-- refused (--if-version, forms), so no one silently replaces another's change.

-- Every update of a record counts one version up, whatever program or path wrote it (an UPDATE that
-- sets the version itself is left alone, and so does not fire again).
CREATE TRIGGER agency_version AFTER UPDATE ON agency WHEN NEW.version = OLD.version
BEGIN UPDATE agency SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER plan_version AFTER UPDATE ON plan WHEN NEW.version = OLD.version
BEGIN UPDATE plan SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER plan_match_version AFTER UPDATE ON plan_match WHEN NEW.version = OLD.version
BEGIN UPDATE plan_match SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER business_proposal_version AFTER UPDATE ON business_proposal WHEN NEW.version = OLD.version
BEGIN UPDATE business_proposal SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER counseling_visit_version AFTER UPDATE ON counseling_visit WHEN NEW.version = OLD.version
BEGIN UPDATE counseling_visit SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER subsidy_application_version AFTER UPDATE ON subsidy_application WHEN NEW.version = OLD.version
BEGIN UPDATE subsidy_application SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER participation_case_version AFTER UPDATE ON participation_case WHEN NEW.version = OLD.version
BEGIN UPDATE participation_case SET version = OLD.version + 1 WHERE id = NEW.id; END;
CREATE TRIGGER event_version AFTER UPDATE ON event WHEN NEW.version = OLD.version
BEGIN UPDATE event SET version = OLD.version + 1 WHERE id = NEW.id; END;

-- MARK: - Operators

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

-- MARK: - Status integrity
-- A record's current status must belong to the vocabulary of its kind.

CREATE TRIGGER plan_status_known BEFORE INSERT ON plan
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'plan' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown plan status'); END;
CREATE TRIGGER plan_status_known_update BEFORE UPDATE OF status ON plan
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'plan' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown plan status'); END;

CREATE TRIGGER proposal_status_known BEFORE INSERT ON business_proposal
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'proposal' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown proposal status'); END;
CREATE TRIGGER proposal_status_known_update BEFORE UPDATE OF status ON business_proposal
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'proposal' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown proposal status'); END;

CREATE TRIGGER subsidy_status_known BEFORE INSERT ON subsidy_application
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'subsidy' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown subsidy status'); END;
CREATE TRIGGER subsidy_status_known_update BEFORE UPDATE OF status ON subsidy_application
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'subsidy' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown subsidy status'); END;

CREATE TRIGGER case_status_known BEFORE INSERT ON participation_case
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'case' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown case status'); END;
CREATE TRIGGER case_status_known_update BEFORE UPDATE OF status ON participation_case
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'case' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown case status'); END;

CREATE TRIGGER event_status_known BEFORE INSERT ON event
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'event' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown event status'); END;
CREATE TRIGGER event_status_known_update BEFORE UPDATE OF status ON event
WHEN NOT EXISTS (SELECT 1 FROM status WHERE entity = 'event' AND name = NEW.status)
BEGIN SELECT RAISE(ABORT, 'unknown event status'); END;
