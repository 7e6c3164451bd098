-- 0002 agency names: every name an agency is known by (short, formal, abbreviations, earlier names with
-- their dates), and the central ministries and councils of the Executive Yuan that were missing.
-- Released migrations never change; a later correction is a new migration.

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

-- Sources of the names and dates below, as found with the project's search tool. [P] marks a source that
-- is second-hand (a mirror, a press report, a bookseller's copy of an official note).
INSERT INTO source_document (id, title, issued_on, reference) VALUES
    ('ey-organic-act', '行政院組織法（112年4月26日修正公布）第3條各部、第4條各委員會；沿革：111年7月27日、112年8月1日施行', '2023-04-26',
     'http://mywoo.com/amp/law/A0010032/law.html（全國法規資料庫 A0010032 轉載）；http://www.s6law.net/6law/law/行政院組織法.htm'),
    ('moa-2023-08-01', '農業部主管法規沿革：行政院農業委員會112年7月25日公告農業部與所屬機關(構)組織法規自112年8月1日施行', '2023-07-25',
     'https://law.moa.gov.tw/LawContentSource.aspx?id=FL014537'),
    ('nstc-2022-07-27', '「科技部」更名為「國家科學及技術委員會(簡稱國科會)」：組織法111年7月27日生效（南華大學研發處轉載）[P]', NULL,
     'http://ord3.nhu.edu.tw/Web/Pages?mid=2973'),
    ('moenv-2023-08-22', '環境部最新消息「環境部揭牌成立 以實現永續發展為目標」', '2023-08-22',
     'https://wdms.moenv.gov.tw/idms/NewsItem.aspx?k=96B20506429D97503E8B6C37E5059509'),
    ('tourism-2023-09-15', '旅行新聞新社「台湾観光庁に昇格」：交通部觀光局2023年9月15日改制為交通部觀光署 [P]', '2023-09-15',
     'https://ryoko-net.co.jp/?p=122514'),
    ('mol-2014-02-17', '勞動部 103年勞動檢查年報說明：「行政院勞工委員會於103年2月17日改制為勞動部」（書目頁轉載）[P]', NULL,
     'https://pickbooks.com.tw/book/3_005317109?cd=1'),
    ('moc-2012-05-20', 'Wikipedia（鏡像）Ministerstwo Kultury (Tajwan)：文化部2012年5月20日成立、21日揭牌 [P]', NULL,
     'https://polpedia.pl/wiki/Ministerstwo_Kultury_(Tajwan)'),
    ('mohw-2013-07-23', '聯合新聞網（中央社）：「衛福部在民國102年7月23日從行政院衛生署升級為部」', '2025-11-16',
     'https://udn.com/news/story/7314/9143118'),
    ('ndc-2014-01-22', '大紀元轉載中央社「台經建會步入歷史」：國發會22日揭牌，由經建會、研考會及部分工程會人員合併 [P]', '2014-01-21',
     'http://www.epochtimes.com/gb/14/1/21/n4064960.htm'),
    ('pcc-wiki', '維基百科（鏡像）行政院公共工程委員會：簡稱工程會，行政院唯一未完成組改之部會 [P]', NULL,
     'https://www.duhocchina.com/baike/zh/行政院公共工程委員會'),
    ('vac-wiki', '維基百科（鏡像）國軍退除役官兵輔導委員會：簡稱退輔會 [P]', NULL,
     'https://zhwiki.oracleblog.org/zh-hk/中華民國國軍退除役官兵輔導委員會'),
    ('mac-wiki', '維基百科 中華民國大陸委員會：簡稱陸委會 [P]', NULL,
     'https://wikiwand.com/zh-cn/articles/中華民國陸委會'),
    ('fsc-history', '金管會歷史網站：「金管會自93年7月1日起正式成立」', NULL,
     'https://history.fsc.gov.tw/Policies?type=金管會&click=4'),
    ('oac-2026-01-19', '聯合新聞網：海洋委員會（海委會）合署辦公大樓上梁', '2026-01-19',
     'https://udn.com/news/story/6656/9274739'),
    ('moda-press', '數位發展部 新聞澄清「為什麼要設立數位發展部?」', '2022-09-22',
     'https://moda.gov.tw/press/clarification/2510.html');

-- The ministries (部) and councils (委員會) of the Executive Yuan as listed in 行政院組織法 §3–4, less
-- those already seeded (國發會、經濟部、農業部、文化部、客委會、原民會), under the short names the press and
-- the agencies use. Skipped when a database already has an agency of that name.
--   * 僑委會: the short name is the agency's own (its site's title, seen only without an address) [P].
--   * 工程會 (行政院公共工程委員會) is not in §4: it still exists under its old act, pending reorganisation [P].
--   * Not added: 行政院主計總處、人事行政總處、中央銀行、故宮、獨立機關 (no placemaking programmes), and
--     the ministries' own agencies (署) other than 交通部觀光署, which the seeds already hold.
INSERT INTO agency (name, full_name, kind, sort_order, source_id, source_section)
SELECT v.column1, v.column2, 'ministry', v.column3, v.column4, v.column5
FROM (VALUES
    ('內政部', '內政部', 208, 'ey-organic-act', '第3條'),
    ('外交部', '外交部', 209, 'ey-organic-act', '第3條'),
    ('國防部', '國防部', 210, 'ey-organic-act', '第3條'),
    ('財政部', '財政部', 211, 'ey-organic-act', '第3條'),
    ('教育部', '教育部', 212, 'ey-organic-act', '第3條'),
    ('法務部', '法務部', 213, 'ey-organic-act', '第3條'),
    ('交通部', '交通部', 214, 'ey-organic-act', '第3條'),
    ('勞動部', '勞動部', 215, 'ey-organic-act', '第3條'),
    ('衛福部', '衛生福利部', 216, 'ey-organic-act', '第3條'),
    ('環境部', '環境部', 217, 'ey-organic-act', '第3條'),
    ('數位發展部', '數位發展部', 218, 'ey-organic-act', '第3條'),
    ('國科會', '國家科學及技術委員會', 219, 'ey-organic-act', '第4條'),
    ('陸委會', '大陸委員會', 220, 'ey-organic-act', '第4條'),
    ('金管會', '金融監督管理委員會', 221, 'ey-organic-act', '第4條'),
    ('海委會', '海洋委員會', 222, 'ey-organic-act', '第4條'),
    ('僑委會', '僑務委員會', 223, 'ey-organic-act', '第4條'),
    ('退輔會', '國軍退除役官兵輔導委員會', 224, 'ey-organic-act', '第4條'),
    ('工程會', '行政院公共工程委員會', 225, 'pcc-wiki', NULL)
) AS v
WHERE v.column1 NOT IN (SELECT name FROM agency);

-- Every agency's current short and formal names (the formal one only when it differs), by formula.
INSERT INTO agency_name (agency_id, name, kind, source_id)
SELECT id, name, 'short', source_id FROM agency ORDER BY id;
INSERT INTO agency_name (agency_id, name, kind, source_id)
SELECT id, full_name, 'formal', source_id FROM agency
WHERE full_name IS NOT NULL AND replace(full_name, '臺', '台') <> replace(name, '臺', '台') ORDER BY id;

-- District offices as people write them: 六龜區公所 (without 高雄市) and 六龜 (without 區).
INSERT INTO agency_name (agency_id, name, kind)
SELECT id, substr(full_name, 4), 'alias' FROM agency
WHERE kind = 'district' AND full_name LIKE '高雄市%區公所' ORDER BY id;
INSERT INTO agency_name (agency_id, name, kind)
SELECT id, substr(name, 1, length(name) - 1), 'alias' FROM agency
WHERE kind = 'district' AND name LIKE '%_區' ORDER BY id;

-- Bureaus without 高雄市政府: 都市發展局, 環境保護局 … (海洋局 is already the short name).
INSERT INTO agency_name (agency_id, name, kind)
SELECT id, substr(full_name, 6), 'alias' FROM agency
WHERE kind = 'bureau' AND full_name LIKE '高雄市政府_%' AND substr(full_name, 6) <> name ORDER BY id;

-- Where the short names of the councils added above were confirmed as abbreviations (僑委會: see above).
UPDATE agency_name SET source_id = v.column2
FROM (VALUES
    ('國科會', 'nstc-2022-07-27'),
    ('陸委會', 'mac-wiki'),
    ('金管會', 'fsc-history'),
    ('海委會', 'oac-2026-01-19'),
    ('退輔會', 'vac-wiki'),
    ('衛福部', 'mohw-2013-07-23')
) AS v
WHERE agency_name.kind = 'short' AND agency_name.name = v.column1;

-- Abbreviations of central agencies whose short name is not the abbreviation.
INSERT INTO agency_name (agency_id, name, kind, source_id)
SELECT a.id, v.column2, 'alias', v.column3
FROM (VALUES
    ('數位發展部', '數位部', 'moda-press')     -- the abbreviation in press use [P]
) AS v JOIN agency a ON a.name = v.column1;

-- Earlier names, in force until the day the agency took its present name. 研考會 alone is not listed for
-- 國發會: in this ledger it is Kaohsiung's own commission (an agency of its own).
--   * 文化部: sources differ between 2012-05-20 (the act in force) and 05-21 (the unveiling); 05-20 kept [P].
INSERT INTO agency_name (agency_id, name, kind, valid_to, source_id)
SELECT a.id, v.column2, 'former', v.column3, v.column4
FROM (VALUES
    ('農業部', '農委會', '2023-08-01', 'moa-2023-08-01'),
    ('農業部', '行政院農業委員會', '2023-08-01', 'moa-2023-08-01'),
    ('國科會', '科技部', '2022-07-27', 'nstc-2022-07-27'),
    ('環境部', '環保署', '2023-08-22', 'moenv-2023-08-22'),
    ('環境部', '行政院環境保護署', '2023-08-22', 'moenv-2023-08-22'),
    ('交通部觀光署', '交通部觀光局', '2023-09-15', 'tourism-2023-09-15'),
    ('勞動部', '勞委會', '2014-02-17', 'mol-2014-02-17'),
    ('勞動部', '行政院勞工委員會', '2014-02-17', 'mol-2014-02-17'),
    ('文化部', '文建會', '2012-05-20', 'moc-2012-05-20'),
    ('文化部', '行政院文化建設委員會', '2012-05-20', 'moc-2012-05-20'),
    ('衛福部', '衛生署', '2013-07-23', 'mohw-2013-07-23'),
    ('衛福部', '行政院衛生署', '2013-07-23', 'mohw-2013-07-23'),
    ('國發會', '經建會', '2014-01-22', 'ndc-2014-01-22'),
    ('國發會', '行政院經濟建設委員會', '2014-01-22', 'ndc-2014-01-22'),
    ('國發會', '行政院研究發展考核委員會', '2014-01-22', 'ndc-2014-01-22')
) AS v JOIN agency a ON a.name = v.column1;

-- The present names of renamed agencies took effect on the renaming day.
UPDATE agency_name SET valid_from = (
    SELECT max(f.valid_to) FROM agency_name f WHERE f.agency_id = agency_name.agency_id AND f.kind = 'former')
WHERE kind IN ('short', 'formal') AND agency_id IN (SELECT agency_id FROM agency_name WHERE kind = 'former');
