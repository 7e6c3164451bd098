import Foundation
import GRDB
import PlacemakingKit

/// A ledger with `plans` synthetic plans and the records around them, written in SQL in one
/// transaction (a few seconds for 50,000 plans, where the repository's one transaction a write would
/// take minutes). Every plan's number k decides its story, so the same `plans` gives the same ledger:
///
/// - plans start in 110 or 111, are submitted, and then by k % 12: matched (媒合成功, half of them),
///   partly matched (部分媒合, one of them dated only "on or before"), matched then withdrawn, refused,
///   matched then executing, or still reviewing with two entries on one day; one in 50 has no title;
/// - each matched plan has a match with one of the 25 ministries (農業部 under its 111 name 農委會),
///   amounts sometimes unknown, one in 37 undated, one in 5 with a second match after the year;
/// - every other matched plan a business proposal of 111, one in 6 without a submission date (its
///   history dates it); one plan in 5 a counseling visit, one in 15 of them undated; one in 7 a
///   subsidy application to a 111 call round, a third of those awarded and half of these withdrawn
///   after;
/// - `plans / 2` participation cases of 110 and 111, decided every way the summary distinguishes.
///
/// Titles carry `titleLength` characters of padding, so the summary's lists weigh what a test needs.
enum SyntheticLedger {
    static func make(at path: String, plans: Int, titleLength: Int = 0) throws {
        _ = try AppDatabase.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: sql, arguments: ["n": plans, "pad": titleLength])
        }
    }

    private static let sql = """
        CREATE TEMP TABLE k AS
            WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < :n) SELECT k FROM n;
        CREATE TEMP TABLE proposer AS
            SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM agency WHERE kind IN ('district', 'bureau');
        CREATE TEMP TABLE ministry AS
            SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM agency WHERE kind = 'ministry';
        CREATE TEMP TABLE story AS
            SELECT k, k % 12 AS r, date('2021-01-01', '+' || (k % 500) || ' days') AS start,
                   (SELECT id FROM proposer WHERE i = k % (SELECT count(*) FROM proposer)) AS agency_id
            FROM k;

        -- Plans and their statuses: the id of plan k is the first plan id plus k - 1.
        CREATE TEMP TABLE first_plan AS SELECT coalesce(max(id), 0) + 1 AS id FROM plan;
        INSERT INTO plan (agency_id, title, status, submitted_on, budget, created_at, updated_at)
        SELECT agency_id,
               CASE WHEN k % 50 <> 0 THEN '合成計畫' || k || replace(hex(zeroblob(:pad)), '00', '地') END,
               CASE r WHEN 8 THEN '撤案' WHEN 9 THEN '未獲媒合' WHEN 10 THEN '執行中' WHEN 11 THEN '市府初審'
                      WHEN 6 THEN '部分媒合' WHEN 7 THEN '部分媒合' ELSE '媒合成功' END,
               date(start, '+20 days'), 1000000 * (k % 90 + 5), '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z'
        FROM story ORDER BY k;
        CREATE TEMP TABLE plan_story AS SELECT s.*, (SELECT id FROM first_plan) + k - 1 AS plan_id,
            date(start, '+' || (60 + k % 90) || ' days') AS approved_on FROM story s;
        INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, recorded_at, recorded_by)
        SELECT 'plan', plan_id, status, effective_on, on_or_before, '2022-01-01T00:00:00Z', 'synthetic' FROM (
            SELECT plan_id, k, 1 AS step, '構想盤點' AS status, start AS effective_on, 0 AS on_or_before FROM plan_story
            UNION ALL SELECT plan_id, k, 2, '已提報國發會', date(start, '+20 days'), 0 FROM plan_story
            UNION ALL SELECT plan_id, k, 3, CASE WHEN r IN (6, 7) THEN '部分媒合' ELSE '媒合成功' END, approved_on, r = 7
                FROM plan_story WHERE r NOT IN (9, 11)
            UNION ALL SELECT plan_id, k, 3, '未獲媒合', approved_on, 0 FROM plan_story WHERE r = 9
            UNION ALL SELECT plan_id, k, 3, '市府初審', date(start, '+20 days'), 0 FROM plan_story WHERE r = 11
            UNION ALL SELECT plan_id, k, 4, '撤案', date(approved_on, '+30 days'), 0 FROM plan_story WHERE r = 8
            UNION ALL SELECT plan_id, k, 4, '執行中', date(approved_on, '+30 days'), 0 FROM plan_story WHERE r = 10)
        ORDER BY k, step;

        INSERT INTO plan_match (plan_id, ministry_id, subsidy_amount, investment_amount, matched_on, created_at, updated_at)
        SELECT plan_id, (SELECT id FROM ministry WHERE i = k % 25),
               CASE WHEN k % 4 <> 0 THEN 1000000 * (k % 9) END, CASE WHEN k % 3 <> 0 THEN 500000 * (k % 7) END,
               CASE WHEN k % 37 <> 0 THEN approved_on END, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z'
        FROM plan_story WHERE r NOT IN (9, 11)
        UNION ALL
        SELECT plan_id, (SELECT id FROM ministry WHERE i = (k + 7) % 25), 2000000, NULL, '2023-03-01',
               '2023-03-01T00:00:00Z', '2023-03-01T00:00:00Z'
        FROM plan_story WHERE r NOT IN (9, 11) AND k % 5 = 0;

        -- Business proposals of 111 under every other matched plan.
        CREATE TEMP TABLE first_proposal AS SELECT coalesce(max(id), 0) + 1 AS id FROM business_proposal;
        CREATE TEMP TABLE proposal_story AS
            SELECT row_number() OVER (ORDER BY k) - 1 + (SELECT id FROM first_proposal) AS id, k, plan_id,
                   date('2022-01-01', '+' || (k % 200) || ' days') AS drafted_on
            FROM plan_story WHERE r IN (0, 1, 2, 3, 4, 5, 10) AND k % 2 = 0;
        INSERT INTO business_proposal (id, plan_id, year, title, status, submitted_on, amount, created_at, updated_at)
        SELECT id, plan_id, 111, '合成提案' || k, '提報', CASE WHEN k % 6 <> 0 THEN date(drafted_on, '+10 days') END,
               100000 * (k % 50), '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z'
        FROM proposal_story;
        INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, recorded_at, recorded_by)
        SELECT 'proposal', id, '研擬', drafted_on, 0, '2022-01-01T00:00:00Z', 'synthetic' FROM proposal_story
        UNION ALL
        SELECT 'proposal', id, '提報', date(drafted_on, '+10 days'), k % 12 = 0, '2022-01-01T00:00:00Z', 'synthetic'
        FROM proposal_story;

        -- Counseling visits of 111, some undated, some with 南區輔導中心.
        INSERT INTO counseling_visit (agency_id, partner_id, plan_id, year, visited_on, purpose, created_at, updated_at)
        SELECT agency_id, CASE WHEN k % 10 = 0 THEN (SELECT id FROM agency WHERE name = '南區輔導中心') END, plan_id, 111,
               CASE WHEN k % 15 <> 0 THEN date('2022-02-01', '+' || (k % 300) || ' days') END, '計畫輔導' || k,
               '2022-03-01T00:00:00Z', '2022-03-01T00:00:00Z'
        FROM plan_story WHERE k % 5 = 0;

        -- Subsidy applications to the 111 call rounds.
        CREATE TEMP TABLE first_application AS SELECT coalesce(max(id), 0) + 1 AS id FROM subsidy_application;
        CREATE TEMP TABLE application_story AS
            SELECT row_number() OVER (ORDER BY k) - 1 + (SELECT id FROM first_application) AS id, k / 7 AS j, plan_id, agency_id,
                   date('2022-03-01', '+' || (k % 60) || ' days') AS drafted_on
            FROM plan_story WHERE k % 7 = 0;
        INSERT INTO subsidy_application (id, call_round_id, agency_id, plan_id, title, status, requested_amount, awarded_amount,
                                         submitted_on, awarded_on, created_at, updated_at)
        SELECT id, (SELECT id FROM call_round WHERE year = 111 AND round = 1 + j % 2), agency_id, plan_id, '合成申請' || j,
               CASE WHEN j % 6 = 0 THEN '撤案' WHEN j % 3 = 0 THEN '核定補助' ELSE '送市府' END, 8000000,
               CASE WHEN j % 3 = 0 AND j % 9 <> 0 THEN 5000000 END, drafted_on,
               CASE WHEN j % 3 = 0 THEN date(drafted_on, '+40 days') END, '2022-03-01T00:00:00Z', '2022-03-01T00:00:00Z'
        FROM application_story;
        INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, recorded_at, recorded_by)
        SELECT 'subsidy', id, status, effective_on, 0, '2022-03-01T00:00:00Z', 'synthetic' FROM (
            SELECT id, 1 AS step, '草擬' AS status, drafted_on AS effective_on FROM application_story
            UNION ALL SELECT id, 2, '送市府', date(drafted_on, '+5 days') FROM application_story
            UNION ALL SELECT id, 3, '核定補助', date(drafted_on, '+40 days') FROM application_story WHERE j % 3 = 0
            UNION ALL SELECT id, 4, '撤案', date(drafted_on, '+70 days') FROM application_story WHERE j % 6 = 0)
        ORDER BY id, step;

        -- Participation cases of 110 and 111: subsidized, self-funded, withdrawn, and entered at 辦理中.
        CREATE TEMP TABLE first_case AS SELECT coalesce(max(id), 0) + 1 AS id FROM participation_case;
        CREATE TEMP TABLE case_story AS
            SELECT (SELECT id FROM first_case) + k - 1 AS id, k, 110 + k % 2 AS year,
                   CASE WHEN k % 13 <> 0 THEN (SELECT id FROM proposer WHERE i = (k * 7) % (SELECT count(*) FROM proposer)) END AS agency_id,
                   date(CASE k % 2 WHEN 0 THEN '2021-01-05' ELSE '2022-01-05' END, '+' || (k % 200) || ' days') AS proposed_on
            FROM k WHERE k <= :n / 2;
        INSERT INTO participation_case (id, year, agency_id, title, method, status, subsidized, subsidy_amount, created_at, updated_at)
        SELECT id, year, agency_id, '合成案件' || k, '工作坊',
               CASE WHEN k % 7 = 2 THEN '辦理中' WHEN k % 6 = 0 THEN '辦理中' WHEN k % 3 = 0 THEN '核定補助'
                    WHEN k % 5 = 1 THEN '自辦(不補助)' WHEN k % 11 = 4 THEN '撤案' ELSE '計畫提報' END,
               CASE WHEN k % 7 = 2 THEN k % 2 WHEN k % 3 = 0 THEN 1 ELSE 0 END,
               CASE WHEN k % 7 <> 2 AND k % 3 = 0 THEN 100000 END, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z'
        FROM case_story;
        INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, recorded_at, recorded_by)
        SELECT 'case', id, status, effective_on, 0, '2022-01-01T00:00:00Z', 'synthetic' FROM (
            SELECT id, k, 1 AS step, '辦理中' AS status, proposed_on AS effective_on FROM case_story WHERE k % 7 = 2
            UNION ALL SELECT id, k, 1, '計畫提報', proposed_on FROM case_story WHERE k % 7 <> 2
            UNION ALL SELECT id, k, 2, '核定補助', date(proposed_on, '+30 days') FROM case_story WHERE k % 7 <> 2 AND k % 3 = 0
            UNION ALL SELECT id, k, 3, '辦理中', date(proposed_on, '+60 days') FROM case_story WHERE k % 7 <> 2 AND k % 6 = 0
            UNION ALL SELECT id, k, 2, '自辦(不補助)', date(proposed_on, '+30 days') FROM case_story
                WHERE k % 7 <> 2 AND k % 3 <> 0 AND k % 5 = 1
            UNION ALL SELECT id, k, 2, '撤案', date(proposed_on, '+30 days') FROM case_story
                WHERE k % 7 <> 2 AND k % 3 <> 0 AND k % 5 <> 1 AND k % 11 = 4)
        ORDER BY k, step;
        """
}
