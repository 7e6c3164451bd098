-- Reference data: phases, status vocabularies and their allowed transitions (domain.md §4).
-- Statuses are data: when NDC policy changes, a migration edits these rows, not the code.

INSERT INTO phase (name, label, sort_order) VALUES
    ('draft', '草擬', 1),
    ('submitted', '已提報', 2),
    ('reviewing', '審查中', 3),
    ('approved', '核定', 4),
    ('rejected', '未核定', 5),
    ('executing', '執行中', 6),
    ('closed', '結案', 7),
    ('withdrawn', '撤案', 8);

-- Placemaking plans (地方創生計畫).
INSERT INTO status (entity, name, phase, name_en, is_initial, sort_order) VALUES
    ('plan', '構想盤點', 'draft', 'ideas', 1, 1),
    ('plan', '輔導中', 'draft', 'counseling', 0, 2),
    ('plan', '市府初審', 'reviewing', 'city review', 0, 3),
    ('plan', '已提報國發會', 'submitted', 'submitted to NDC', 0, 4),
    ('plan', '部會聯合現勘', 'reviewing', 'joint site inspection', 0, 5),
    ('plan', '排入工作會議', 'reviewing', 'on working-meeting agenda', 0, 6),
    ('plan', '媒合成功', 'approved', 'matched', 0, 7),
    ('plan', '部分媒合', 'approved', 'partly matched', 0, 8),
    ('plan', '退回修正', 'draft', 'returned for revision', 0, 9),
    ('plan', '未獲媒合', 'rejected', 'not matched', 0, 10),
    ('plan', '執行中', 'executing', 'executing', 0, 11),
    ('plan', '暫停', 'executing', 'suspended', 0, 12),
    ('plan', '結案', 'closed', 'closed', 0, 13),
    ('plan', '撤案', 'withdrawn', 'withdrawn', 0, 14);

INSERT INTO status_transition (entity, from_status, to_status) VALUES
    ('plan', '構想盤點', '輔導中'),
    ('plan', '構想盤點', '市府初審'),
    ('plan', '輔導中', '市府初審'),
    ('plan', '市府初審', '已提報國發會'),
    ('plan', '市府初審', '退回修正'),
    ('plan', '已提報國發會', '部會聯合現勘'),
    ('plan', '已提報國發會', '排入工作會議'),
    ('plan', '已提報國發會', '退回修正'),
    ('plan', '部會聯合現勘', '排入工作會議'),
    ('plan', '部會聯合現勘', '退回修正'),
    ('plan', '排入工作會議', '媒合成功'),
    ('plan', '排入工作會議', '部分媒合'),
    ('plan', '排入工作會議', '退回修正'),
    ('plan', '排入工作會議', '未獲媒合'),
    ('plan', '部分媒合', '排入工作會議'),
    ('plan', '部分媒合', '媒合成功'),
    ('plan', '退回修正', '輔導中'),
    ('plan', '退回修正', '市府初審'),
    ('plan', '未獲媒合', '輔導中'),
    ('plan', '媒合成功', '執行中'),
    ('plan', '部分媒合', '執行中'),
    ('plan', '執行中', '暫停'),
    ('plan', '暫停', '執行中'),
    ('plan', '執行中', '結案');
INSERT INTO status_transition (entity, from_status, to_status)
    SELECT 'plan', name, '撤案' FROM status
    WHERE entity = 'plan' AND phase NOT IN ('closed', 'withdrawn', 'rejected');

-- Business proposals (事業提案).
INSERT INTO status (entity, name, phase, name_en, is_initial, sort_order) VALUES
    ('proposal', '研擬', 'draft', 'drafting', 1, 1),
    ('proposal', '提報', 'submitted', 'submitted', 0, 2),
    ('proposal', '部會初審', 'reviewing', 'ministry review', 0, 3),
    ('proposal', '核定', 'approved', 'approved', 0, 4),
    ('proposal', '不予支持', 'rejected', 'not supported', 0, 5),
    ('proposal', '執行中', 'executing', 'executing', 0, 6),
    ('proposal', '成果報告', 'executing', 'final report', 0, 7),
    ('proposal', '結案', 'closed', 'closed', 0, 8),
    ('proposal', '撤案', 'withdrawn', 'withdrawn', 0, 9);

INSERT INTO status_transition (entity, from_status, to_status) VALUES
    ('proposal', '研擬', '提報'),
    ('proposal', '提報', '部會初審'),
    ('proposal', '部會初審', '核定'),
    ('proposal', '部會初審', '不予支持'),
    ('proposal', '不予支持', '研擬'),
    ('proposal', '核定', '執行中'),
    ('proposal', '執行中', '成果報告'),
    ('proposal', '成果報告', '結案');
INSERT INTO status_transition (entity, from_status, to_status)
    SELECT 'proposal', name, '撤案' FROM status
    WHERE entity = 'proposal' AND phase NOT IN ('closed', 'withdrawn', 'rejected');

-- Subsidy applications (per programme, year and call round).
INSERT INTO status (entity, name, phase, name_en, is_initial, sort_order) VALUES
    ('subsidy', '草擬', 'draft', 'drafting', 1, 1),
    ('subsidy', '送市府', 'submitted', 'sent to the city', 0, 2),
    ('subsidy', '市府初審', 'reviewing', 'city first review', 0, 3),
    ('subsidy', '報國發會複審', 'reviewing', 'NDC second review', 0, 4),
    ('subsidy', '核定補助', 'approved', 'awarded', 0, 5),
    ('subsidy', '未獲補助', 'rejected', 'not awarded', 0, 6),
    ('subsidy', '規劃設計/發包', 'executing', 'design and tender', 0, 7),
    ('subsidy', '施工', 'executing', 'construction', 0, 8),
    ('subsidy', '完工', 'executing', 'completed', 0, 9),
    ('subsidy', '核銷結案', 'closed', 'settled and closed', 0, 10),
    ('subsidy', '撤案', 'withdrawn', 'withdrawn', 0, 11);

INSERT INTO status_transition (entity, from_status, to_status) VALUES
    ('subsidy', '草擬', '送市府'),
    ('subsidy', '送市府', '市府初審'),
    ('subsidy', '市府初審', '報國發會複審'),
    ('subsidy', '市府初審', '未獲補助'),
    ('subsidy', '報國發會複審', '核定補助'),
    ('subsidy', '報國發會複審', '未獲補助'),
    ('subsidy', '核定補助', '規劃設計/發包'),
    ('subsidy', '規劃設計/發包', '施工'),
    ('subsidy', '施工', '完工'),
    ('subsidy', '完工', '核銷結案');
INSERT INTO status_transition (entity, from_status, to_status)
    SELECT 'subsidy', name, '撤案' FROM status
    WHERE entity = 'subsidy' AND phase NOT IN ('closed', 'withdrawn', 'rejected');

-- Citizen-participation cases (公民參與).
INSERT INTO status (entity, name, phase, name_en, is_initial, sort_order) VALUES
    ('case', '計畫提報', 'submitted', 'proposed', 1, 1),
    ('case', '審查', 'reviewing', 'under review', 0, 2),
    ('case', '核定補助', 'approved', 'subsidy approved', 0, 3),
    ('case', '自辦(不補助)', 'approved', 'self-funded', 0, 4),
    ('case', '辦理中', 'executing', 'in progress', 0, 5),
    ('case', '成果提報', 'executing', 'results reported', 0, 6),
    ('case', '結案', 'closed', 'closed', 0, 7),
    ('case', '撤案', 'withdrawn', 'withdrawn', 0, 8);

INSERT INTO status_transition (entity, from_status, to_status) VALUES
    ('case', '計畫提報', '審查'),
    ('case', '審查', '核定補助'),
    ('case', '審查', '自辦(不補助)'),
    ('case', '核定補助', '辦理中'),
    ('case', '自辦(不補助)', '辦理中'),
    ('case', '辦理中', '成果提報'),
    ('case', '成果提報', '結案');
INSERT INTO status_transition (entity, from_status, to_status)
    SELECT 'case', name, '撤案' FROM status
    WHERE entity = 'case' AND phase NOT IN ('closed', 'withdrawn', 'rejected');

-- Events (workshops, briefings).
INSERT INTO status (entity, name, phase, name_en, is_initial, sort_order) VALUES
    ('event', '規劃中', 'draft', 'planned', 1, 1),
    ('event', '已排定', 'approved', 'scheduled', 0, 2),
    ('event', '延期', 'draft', 'postponed', 0, 3),
    ('event', '已辦理', 'closed', 'held', 0, 4),
    ('event', '取消', 'withdrawn', 'cancelled', 0, 5);

INSERT INTO status_transition (entity, from_status, to_status) VALUES
    ('event', '規劃中', '已排定'),
    ('event', '規劃中', '延期'),
    ('event', '已排定', '延期'),
    ('event', '延期', '已排定'),
    ('event', '已排定', '已辦理'),
    ('event', '規劃中', '取消'),
    ('event', '已排定', '取消'),
    ('event', '延期', '取消');
