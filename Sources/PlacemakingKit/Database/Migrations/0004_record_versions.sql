-- 0004 record versions: every record carries a version, so that an edit made from a stale read (a
-- form opened before someone else's change, a script's --if-version) is refused instead of silently
-- replacing the other change. Released migrations never change.

ALTER TABLE agency ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan_match ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE business_proposal ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE counseling_visit ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE subsidy_application ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE participation_case ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE event ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

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
