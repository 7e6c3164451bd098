import Foundation

/// What a column of an imported file holds, found from its header in Chinese or English with the
/// aliases people use; the headers `export` and the lists write are among them, so an exported file
/// comes back in.
public enum ImportField: String, CaseIterable, Sendable {
    case agency, title, submitted, budget, amount, status, statusOn, note, year, method, subsidized, subsidy
    case plan, ministry, partner, visited, purpose, programme, round, ignored

    /// The Chinese name, for messages and for `--map`.
    public var label: String {
        switch self {
        case .agency: "機關"
        case .title: "名稱"
        case .submitted: "提報日期"
        case .budget: "預算"
        case .amount: "金額"
        case .status: "狀態"
        case .statusOn: "狀態日期"
        case .note: "備註"
        case .year: "年度"
        case .method: "參與方式"
        case .subsidized: "市府補助"
        case .subsidy: "補助金額"
        case .plan: "計畫編號"
        case .ministry: "部會"
        case .partner: "同行單位"
        case .visited: "日期"
        case .purpose: "事由"
        case .programme: "補助計畫"
        case .round: "徵案次數"
        case .ignored: "略過"
        }
    }

    /// The fields of each kind of import, the required ones first.
    public static func fields(of kind: ImportKind) -> [ImportField] {
        switch kind {
        case .plans: [.agency, .title, .submitted, .budget, .status, .statusOn, .note]
        case .proposals: [.plan, .title, .year, .submitted, .amount, .ministry, .status, .statusOn, .note]
        case .visits: [.agency, .partner, .plan, .visited, .year, .purpose, .note]
        case .subsidies: [.agency, .title, .year, .programme, .round, .plan, .amount, .submitted, .status, .statusOn, .note]
        case .cases: [.year, .title, .agency, .method, .subsidized, .subsidy, .status, .statusOn, .note]
        }
    }

    public static func required(of kind: ImportKind) -> [ImportField] {
        switch kind {
        case .plans: [.agency, .title]
        case .proposals: [.plan, .title]
        case .visits: [.agency]
        case .subsidies: [.agency, .title, .year]
        case .cases: [.year, .title]
        }
    }

    /// The field a user names on `--map` (key or Chinese label).
    public init?(named name: String) {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        guard let found = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted.lowercased() || $0.label == wanted })
                ?? (wanted == "ignore" ? .ignored : nil) else { return nil }
        self = found
    }

    /// The field a header names for `kind` (`計畫名稱` → title for plans), for `--map 'X=計畫名稱'`.
    public static func field(forHeader header: String, kind: ImportKind) -> ImportField? {
        match(header, kind: kind)?.field
    }

    /// The header as matched: no spaces, full-width brackets as ASCII, lower case.
    static func key(_ header: String) -> String {
        var s = header.lowercased()
        s = s.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        return String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }.map(Character.init))
    }

    /// The field a header names for `kind`, and the unit in 元 of an amount column (萬元 → 10,000).
    static func match(_ header: String, kind: ImportKind) -> (field: ImportField, unit: Int64)? {
        let key = key(header)
        let unit: Int64 = key.contains("億") ? 100_000_000 : key.contains("萬") ? 10_000 : key.contains("千元") ? 1_000 : 1
        let bare = key.replacingOccurrences(of: "(元)", with: "").replacingOccurrences(of: "(萬元)", with: "")
            .replacingOccurrences(of: "(千元)", with: "").replacingOccurrences(of: "(億元)", with: "")
            .replacingOccurrences(of: "(nt$)", with: "")
        guard let field = specific(kind)[bare] ?? common[bare] else { return nil }
        return (field, unit)
    }

    /// Headers every kind understands the same way; the columns a list or an export adds that an
    /// import does not take (id, phase, provenance, timestamps) are known and left out quietly.
    private static let common: [String: ImportField] = [
        "機關": .agency, "提案機關": .agency, "單位": .agency, "提報機關": .agency, "機關名稱": .agency, "agency": .agency,
        "狀態": .status, "status": .status,
        "狀態日期": .statusOn, "statusdate": .statusOn, "statuson": .statusOn,
        "備註": .note, "note": .note, "說明": .note,
        "編號": .ignored, "id": .ignored, "階段": .ignored, "phase": .ignored, "資料來源": .ignored, "source": .ignored,
        "來源章節": .ignored, "sourcesection": .ignored, "建立時間": .ignored, "createdat": .ignored,
        "修改時間": .ignored, "updatedat": .ignored, "版本": .ignored, "version": .ignored,
    ]

    private static func specific(_ kind: ImportKind) -> [String: ImportField] {
        switch kind {
        case .plans:
            [
                "計畫名稱": .title, "名稱": .title, "計畫": .title, "title": .title, "plan": .title,
                "提報日期": .submitted, "日期": .submitted, "submitted": .submitted, "submittedon": .submitted,
                "預算": .budget, "總經費": .budget, "經費": .budget, "budget": .budget,
                "計畫編號": .ignored, "planid": .ignored, "媒合部會": .ignored, "媒合部會數": .ignored, "媒合補助": .ignored,
                "媒合投資": .ignored, "matches": .ignored, "matchedministries": .ignored, "matchedsubsidy": .ignored,
                "matchedinvestment": .ignored,
            ]
        case .proposals:
            [
                "計畫編號": .plan, "planid": .plan, "計畫": .plan, "plan": .plan,
                "提案名稱": .title, "事業提案": .title, "名稱": .title, "title": .title,
                "年度": .year, "year": .year, "提報日期": .submitted, "日期": .submitted, "submitted": .submitted, "submittedon": .submitted,
                "金額": .amount, "提案金額": .amount, "申請金額": .amount, "amount": .amount,
                "部會": .ministry, "主管部會": .ministry, "申請部會": .ministry, "ministry": .ministry,
                // The proposal's agency is its plan's.
                "機關": .ignored, "agency": .ignored,
            ]
        case .visits:
            [
                "受輔導機關": .agency, "受訪機關": .agency,
                "同行單位": .partner, "陪同單位": .partner, "partner": .partner,
                "計畫編號": .plan, "planid": .plan,
                "日期": .visited, "輔導日期": .visited, "訪視日期": .visited, "visitedon": .visited, "date": .visited,
                "年度": .year, "year": .year, "事由": .purpose, "目的": .purpose, "輔導事由": .purpose, "purpose": .purpose,
            ]
        case .subsidies:
            [
                "申請機關": .agency,
                "申請計畫名稱": .title, "計畫名稱": .title, "名稱": .title, "title": .title,
                "補助計畫": .programme, "programme": .programme, "program": .programme,
                "年度": .year, "year": .year, "徵案次數": .round, "次數": .round, "梯次": .round, "round": .round,
                "計畫編號": .plan, "planid": .plan,
                "申請金額": .amount, "金額": .amount, "requested": .amount, "amount": .amount,
                "提報日期": .submitted, "申請日期": .submitted, "送件日期": .submitted, "日期": .submitted, "submitted": .submitted,
                "submittedon": .submitted,
            ]
        case .cases:
            [
                "案件名稱": .title, "名稱": .title, "案名": .title, "title": .title,
                "年度": .year, "year": .year, "參與方式": .method, "方式": .method, "method": .method,
                "市府補助": .subsidized, "獲補助": .subsidized, "補助": .subsidized, "subsidized": .subsidized,
                "補助金額": .subsidy, "subsidy": .subsidy, "subsidyamount": .subsidy,
                "僅知件數": .ignored, "placeholder": .ignored,
            ]
        }
    }
}
