-- The facts of the source report (研考會業務報告, 111年1月至6月), sections 壹、二、(三) and 壹、一、(三).
-- Nothing here is invented: what the report does not say stays NULL (未詳 on screen). Where only a
-- count is known, placeholder records say so. Every status is dated "on or before 111/06/30", the
-- report's 截至 date, because the exact dates are not given.
-- `:now` is bound by the program to the time of seeding (UTC).

-- 壹、二、(三)1: six agencies' plans matched with ministries' resources by the NDC (媒合成功).
-- The plans' titles, ministries, amounts and dates are not given, so no plan_match rows exist.
INSERT INTO plan (agency_id, title, status, note, source_id, source_section, created_at, updated_at)
SELECT id, NULL, '媒合成功',
       '截至111年6月底已由國發會媒合部會資源成功；計畫名稱、媒合部會、金額與日期報告未載',
       'rdec-111h1', '壹、二、(三)1', :now, :now
FROM agency WHERE name IN ('六龜區', '那瑪夏區', '阿蓮區', '鳳山區', '甲仙區', '海洋局')
ORDER BY instr('六龜區,那瑪夏區,阿蓮區,鳳山區,甲仙區,海洋局', name);  -- the report's order

-- 壹、二、(三)2: two new business proposals filed in 111 under the matched plans of 六龜區 and 海洋局.
INSERT INTO business_proposal (plan_id, year, title, status, note, source_id, source_section, created_at, updated_at)
SELECT plan.id, 111, NULL, '提報',
       '111年度提報之新增事業提案（滾動式提報）；名稱、金額與部會報告未載',
       'rdec-111h1', '壹、二、(三)2', :now, :now
FROM plan JOIN agency ON agency.id = plan.agency_id
WHERE agency.name IN ('六龜區', '海洋局') AND plan.source_id = 'rdec-111h1'
ORDER BY agency.sort_order;

-- 壹、二、(三)2: counseling visits with the NDC Southern Region Counseling Center; dates not given.
INSERT INTO counseling_visit (agency_id, partner_id, year, purpose, note, source_id, source_section, created_at, updated_at)
SELECT agency.id, (SELECT id FROM agency WHERE name = '南區輔導中心'), 111,
       '實地輔導公所進行計畫提報及修正作業', '日期報告未載；載於111年1至6月業務報告',
       'rdec-111h1', '壹、二、(三)2', :now, :now
FROM agency WHERE name IN ('燕巢區', '茂林區', '桃源區', '大樹區')
ORDER BY instr('燕巢區,茂林區,桃源區,大樹區', name);

-- 壹、二、(三)3: 都發局's award under the NDC's public-building subsidy, and the planned second call.
INSERT INTO subsidy_programme (name, administrator_id, source_id, source_section)
SELECT '地方創生公有建築空間整備活化補助', id, 'rdec-111h1', '壹、二、(三)3' FROM agency WHERE name = '國發會';

INSERT INTO call_round (programme_id, year, round, note, source_id, source_section)
SELECT id, 111, 1, '報告未寫明次數；因國發會預計7月辦理「第二次徵案」，推知核定案屬第一次徵案',
       'rdec-111h1', '壹、二、(三)3'
FROM subsidy_programme WHERE name = '地方創生公有建築空間整備活化補助';
INSERT INTO call_round (programme_id, year, round, note, source_id, source_section)
SELECT id, 111, 2, '國發會預計111年7月辦理第二次徵案（確切日期報告未載）',
       'rdec-111h1', '壹、二、(三)3'
FROM subsidy_programme WHERE name = '地方創生公有建築空間整備活化補助';

INSERT INTO subsidy_application (call_round_id, agency_id, title, status, awarded_amount, note,
                                 source_id, source_section, created_at, updated_at)
SELECT call_round.id, agency.id, '2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫', '核定補助', 5000000,
       '研考會協助提報；獲國發會核定補助500萬元；申請金額與核定日期報告未載',
       'rdec-111h1', '壹、二、(三)3', :now, :now
FROM call_round JOIN subsidy_programme ON subsidy_programme.id = call_round.programme_id, agency
WHERE subsidy_programme.name = '地方創生公有建築空間整備活化補助' AND call_round.year = 111
  AND call_round.round = 1 AND agency.name = '都發局';

-- 壹、二、(三)4: the talk on placemaking cases with 人發中心, postponed by COVID-19 to the second half.
INSERT INTO event (year, title, kind, organiser_id, partner_id, status, planned_from, planned_to, note,
                   source_id, source_section, created_at, updated_at)
SELECT 111, '地方創生推動實例講授（正式名稱報告未載）', NULL,
       (SELECT id FROM agency WHERE name = '研考會'), (SELECT id FROM agency WHERE name = '人發中心'),
       '延期', '2022-07-01', '2022-12-31',
       '原訂111年6月與人發中心合辦，邀請在地地方創生業者及國發會南區輔導中心講授地方創生推動實例；因受疫情影響延至下半年舉行',
       'rdec-111h1', '壹、二、(三)4', :now, :now;

-- 壹、一、(三): the 111 citizen-participation plan has 30 cases, 13 with city-approved subsidies. The
-- report names none of them, so each is a placeholder standing for one counted case.
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 30)
INSERT INTO participation_case (year, agency_id, title, method, status, subsidized, subsidy_amount,
                                is_placeholder, note, source_id, source_section, created_at, updated_at)
SELECT 111, NULL, printf('111年度公民參與案件（第%d件，共30件；案名未詳）', k), NULL,
       CASE WHEN k <= 13 THEN '核定補助' ELSE '自辦(不補助)' END,
       CASE WHEN k <= 13 THEN 1 ELSE 0 END, NULL, 1,
       CASE WHEN k <= 13 THEN '代表報告所載市府核定補助13件之一；機關、案名與金額未載'
            ELSE '代表報告所載30件中未獲市府補助之17件之一；機關與案名未載' END,
       'rdec-111h1', '壹、一、(三)', :now, :now
FROM n;

-- Each seeded record's status as of the report's 截至 date (exact dates unknown).
INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
SELECT 'plan', id, status, '2022-06-30', 1, '依111年1至6月業務報告', :now, 'seed' FROM plan WHERE source_id = 'rdec-111h1';
INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
SELECT 'proposal', id, status, '2022-06-30', 1, '依111年1至6月業務報告', :now, 'seed' FROM business_proposal WHERE source_id = 'rdec-111h1';
INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
SELECT 'subsidy', id, status, '2022-06-30', 1, '依111年1至6月業務報告', :now, 'seed' FROM subsidy_application WHERE source_id = 'rdec-111h1';
INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
SELECT 'event', id, status, '2022-06-30', 1, '因受疫情影響延至下半年舉行', :now, 'seed' FROM event WHERE source_id = 'rdec-111h1';
INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
SELECT 'case', id, status, '2022-06-30', 1, '依111年1至6月業務報告', :now, 'seed' FROM participation_case WHERE source_id = 'rdec-111h1';
