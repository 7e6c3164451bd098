-- Agencies: Kaohsiung's 38 districts (8-digit town codes 64000NN0), the city bureaus named in the source
-- report, the central ministries whose resources plans are matched to, and partners.

INSERT INTO source_document (id, title, issued_on, reference) VALUES
    ('rdec-111h1', '高雄市政府研究發展考核委員會業務報告（高雄市議會第3屆第8次定期大會，111年1月至6月）', NULL,
     'shared/source/000_e343848fc1fad53a.txt'),
    ('moi-town-codes', '內政部 全國鄉鎮市區行政區域代碼（高雄市）', NULL,
     'shared/docs/domain.md §6');

INSERT INTO agency (name, full_name, kind, town_code, is_indigenous, sort_order, source_id, source_section) VALUES
    ('鹽埕區', '高雄市鹽埕區公所', 'district', '64000010', 0, 1, 'moi-town-codes', '§6'),
    ('鼓山區', '高雄市鼓山區公所', 'district', '64000020', 0, 2, 'moi-town-codes', '§6'),
    ('左營區', '高雄市左營區公所', 'district', '64000030', 0, 3, 'moi-town-codes', '§6'),
    ('楠梓區', '高雄市楠梓區公所', 'district', '64000040', 0, 4, 'moi-town-codes', '§6'),
    ('三民區', '高雄市三民區公所', 'district', '64000050', 0, 5, 'moi-town-codes', '§6'),
    ('新興區', '高雄市新興區公所', 'district', '64000060', 0, 6, 'moi-town-codes', '§6'),
    ('前金區', '高雄市前金區公所', 'district', '64000070', 0, 7, 'moi-town-codes', '§6'),
    ('苓雅區', '高雄市苓雅區公所', 'district', '64000080', 0, 8, 'moi-town-codes', '§6'),
    ('前鎮區', '高雄市前鎮區公所', 'district', '64000090', 0, 9, 'moi-town-codes', '§6'),
    ('旗津區', '高雄市旗津區公所', 'district', '64000100', 0, 10, 'moi-town-codes', '§6'),
    ('小港區', '高雄市小港區公所', 'district', '64000110', 0, 11, 'moi-town-codes', '§6'),
    ('鳳山區', '高雄市鳳山區公所', 'district', '64000120', 0, 12, 'moi-town-codes', '§6'),
    ('林園區', '高雄市林園區公所', 'district', '64000130', 0, 13, 'moi-town-codes', '§6'),
    ('大寮區', '高雄市大寮區公所', 'district', '64000140', 0, 14, 'moi-town-codes', '§6'),
    ('大樹區', '高雄市大樹區公所', 'district', '64000150', 0, 15, 'moi-town-codes', '§6'),
    ('大社區', '高雄市大社區公所', 'district', '64000160', 0, 16, 'moi-town-codes', '§6'),
    ('仁武區', '高雄市仁武區公所', 'district', '64000170', 0, 17, 'moi-town-codes', '§6'),
    ('鳥松區', '高雄市鳥松區公所', 'district', '64000180', 0, 18, 'moi-town-codes', '§6'),
    ('岡山區', '高雄市岡山區公所', 'district', '64000190', 0, 19, 'moi-town-codes', '§6'),
    ('橋頭區', '高雄市橋頭區公所', 'district', '64000200', 0, 20, 'moi-town-codes', '§6'),
    ('燕巢區', '高雄市燕巢區公所', 'district', '64000210', 0, 21, 'moi-town-codes', '§6'),
    ('田寮區', '高雄市田寮區公所', 'district', '64000220', 0, 22, 'moi-town-codes', '§6'),
    ('阿蓮區', '高雄市阿蓮區公所', 'district', '64000230', 0, 23, 'moi-town-codes', '§6'),
    ('路竹區', '高雄市路竹區公所', 'district', '64000240', 0, 24, 'moi-town-codes', '§6'),
    ('湖內區', '高雄市湖內區公所', 'district', '64000250', 0, 25, 'moi-town-codes', '§6'),
    ('茄萣區', '高雄市茄萣區公所', 'district', '64000260', 0, 26, 'moi-town-codes', '§6'),
    ('永安區', '高雄市永安區公所', 'district', '64000270', 0, 27, 'moi-town-codes', '§6'),
    ('彌陀區', '高雄市彌陀區公所', 'district', '64000280', 0, 28, 'moi-town-codes', '§6'),
    ('梓官區', '高雄市梓官區公所', 'district', '64000290', 0, 29, 'moi-town-codes', '§6'),
    ('旗山區', '高雄市旗山區公所', 'district', '64000300', 0, 30, 'moi-town-codes', '§6'),
    ('美濃區', '高雄市美濃區公所', 'district', '64000310', 0, 31, 'moi-town-codes', '§6'),
    ('六龜區', '高雄市六龜區公所', 'district', '64000320', 0, 32, 'moi-town-codes', '§6'),
    ('甲仙區', '高雄市甲仙區公所', 'district', '64000330', 0, 33, 'moi-town-codes', '§6'),
    ('杉林區', '高雄市杉林區公所', 'district', '64000340', 0, 34, 'moi-town-codes', '§6'),
    ('內門區', '高雄市內門區公所', 'district', '64000350', 0, 35, 'moi-town-codes', '§6'),
    ('茂林區', '高雄市茂林區公所', 'district', '64000360', 1, 36, 'moi-town-codes', '§6'),
    ('桃源區', '高雄市桃源區公所', 'district', '64000370', 1, 37, 'moi-town-codes', '§6'),
    ('那瑪夏區', '高雄市那瑪夏區公所', 'district', '64000380', 1, 38, 'moi-town-codes', '§6');

-- City bureaus named in the source report, under the short names it uses. 人發中心's full name is
-- only second-hand (domain.md §6), so it stays unknown here.
INSERT INTO agency (name, full_name, kind, sort_order, source_id, source_section) VALUES
    ('研考會', '高雄市政府研究發展考核委員會', 'bureau', 101, 'rdec-111h1', '封面、組織架構'),
    ('海洋局', '高雄市政府海洋局', 'bureau', 102, 'rdec-111h1', '壹、二、(三)1'),
    ('都發局', '高雄市政府都市發展局', 'bureau', 103, 'rdec-111h1', '壹、二、(三)3'),
    ('人發中心', NULL, 'bureau', 104, 'rdec-111h1', '壹、二、(三)4'),
    ('民政局', '高雄市政府民政局', 'bureau', 105, 'rdec-111h1', NULL),
    ('文化局', '高雄市政府文化局', 'bureau', 106, 'rdec-111h1', NULL),
    ('環保局', '高雄市政府環境保護局', 'bureau', 107, 'rdec-111h1', NULL),
    ('觀光局', '高雄市政府觀光局', 'bureau', 108, 'rdec-111h1', NULL),
    ('毒防局', '高雄市政府毒品防制局', 'bureau', 109, 'rdec-111h1', NULL),
    ('凱旋醫院', '高雄市立凱旋醫院', 'bureau', 110, 'rdec-111h1', NULL);

-- Central agencies whose resources plans are matched to (domain.md §1). Names are today's; some
-- were renamed after 111 (行政院農業委員會 became 農業部 in 112).
INSERT INTO agency (name, full_name, kind, sort_order) VALUES
    ('國發會', '國家發展委員會', 'ministry', 201),
    ('經濟部', '經濟部', 'ministry', 202),
    ('農業部', '農業部', 'ministry', 203),
    ('文化部', '文化部', 'ministry', 204),
    ('交通部觀光署', '交通部觀光署', 'ministry', 205),
    ('客委會', '客家委員會', 'ministry', 206),
    ('原民會', '原住民族委員會', 'ministry', 207);

INSERT INTO agency (name, full_name, kind, sort_order, source_id, source_section) VALUES
    ('南區輔導中心', '國發會南區輔導中心', 'partner', 301, 'rdec-111h1', '壹、二、(三)2');
