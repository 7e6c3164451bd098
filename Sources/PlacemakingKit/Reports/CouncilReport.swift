/// The paragraphs of the business report to the City Council on placemaking (section 二(三), items
/// 1–3) and citizen participation (the closing sentence of 一(三)), written from a summary so that no
/// name or figure is typed by hand. Each sentence has variants for zero and unknown figures.
public struct CouncilReport: Sendable, Equatable {
    /// The numbered items of 「配合中央政策 輔導各區提報地方創生計畫」, each one or more paragraphs.
    public var placemaking: [[String]]
    /// 「本府111年度公民參與計畫推動件數共30件，其中本府核定補助經費共計13件。」
    public var participation: String
    /// 「111年度地方創生與公民參與辦理情形（截至111年6月底）」
    public var title: String

    public init(_ summary: ProgrammeSummary) {
        let cutOff = Self.cutOff(summary.asOf)
        title = "\(summary.year)年度地方創生與公民參與辦理情形（截至\(cutOff)）"
        placemaking = [
            [Self.matching(summary, cutOff: cutOff)],
            [Self.visits(summary), Self.proposals(summary)],
            [Self.subsidies(summary)],
        ]
        participation = Self.participation(summary)
    }

    /// The report as plain text: the title, the numbered items, the participation paragraph.
    public var text: String {
        var out = title + "\n\n配合中央政策 輔導各區提報地方創生計畫\n"
        for (number, item) in placemaking.enumerated() {
            for (index, paragraph) in item.enumerated() {
                out += (index == 0 ? "\(number + 1). " : "   ") + paragraph + "\n"
            }
        }
        return out + "\n公民參與\n" + participation + "\n"
    }

    /// 「111年6月底」 on the last day of a month, else 「111年6月15日」.
    static func cutOff(_ day: ROCDate) -> String {
        let last = ROCDate.daysIn(month: day.month, year: day.year)
        return day.day == last ? "\(day.rocYear)年\(day.month)月底" : day.rocLong
    }

    /// 「A、B及C」.
    static func joinedWithAnd(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: "、") + "及" + last
    }

    // MARK: Items

    /// Item 1: the agencies whose plans the NDC matched with ministries' resources.
    static func matching(_ summary: ProgrammeSummary, cutOff: String) -> String {
        let agencies = summary.plans.matchedAgencies
        switch agencies.count {
        case 0:
            return summary.plans.total == 0
                ? "截至\(cutOff)，本市尚無機關提報創生計畫。"
                : "截至\(cutOff)，本市共有\(summary.plans.total)項創生計畫，尚無機關之創生計畫獲國發會媒合部會資源。"
        case 1:
            return "截至\(cutOff)，本市\(agencies[0])之創生計畫已由國發會媒合部會資源成功。"
        default:
            return "截至\(cutOff)，本市\(agencies.joined(separator: "、"))等\(agencies.count)個機關之創生計畫已由國發會媒合部會資源成功。"
        }
    }

    /// Item 2, first paragraph: the counseling visits, with whom and what for.
    static func visits(_ summary: ProgrammeSummary) -> String {
        let helpMatched = summary.plans.matchedAgencies.isEmpty ? "" : "並協助已媒合成功之機關滾動式提報事業提案"
        let visits = summary.visits.visits
        guard !visits.isEmpty else {
            return "\(summary.year)年度尚無實地輔導紀錄" + (helpMatched.isEmpty ? "。" : "；持續協助已媒合成功之機關滾動式提報事業提案。")
        }
        var partners: [String] = []
        for visit in visits {
            if let partner = visit.partnerFullName ?? visit.partner, !partners.contains(partner) { partners.append(partner) }
        }
        var purposes: [String] = []
        for visit in visits {
            if let purpose = visit.purpose, !purposes.contains(purpose) { purposes.append(purpose) }
        }
        let places = places(visits)
        let what = purposes.isEmpty ? "實地輔導" : purposes.joined(separator: "、")
        let with = partners.isEmpty ? "" : "積極與\(partners.joined(separator: "、"))合作，"
        return "\(with)陸續至\(places)\(what)" + (helpMatched.isEmpty ? "。" : "，\(helpMatched)。")
    }

    /// 「燕巢、茂林、桃源、大樹等區」 when only districts were visited; 「燕巢區、海洋局等機關」 otherwise.
    static func places(_ visits: [ProgrammeSummary.Visit]) -> String {
        var agencies: [(name: String, isDistrict: Bool)] = []
        for visit in visits where !agencies.contains(where: { $0.name == visit.agency }) {
            agencies.append((visit.agency, visit.agencyKind == .district))
        }
        if agencies.count == 1 { return agencies[0].name }
        if agencies.allSatisfy(\.isDistrict) {
            let short = agencies.map { $0.name.count > 2 && $0.name.hasSuffix("區") ? String($0.name.dropLast()) : $0.name }
            return short.joined(separator: "、") + "等區"
        }
        return agencies.map(\.name).joined(separator: "、") + "等機關"
    }

    /// Item 2, second paragraph: the plans that filed new business proposals in the year.
    static func proposals(_ summary: ProgrammeSummary) -> String {
        let proposals = summary.proposals
        guard !proposals.submitted.isEmpty else { return "\(summary.year)年度尚無計畫提報新增事業提案。" }
        let plans = "\(joinedWithAnd(proposals.agencies))\(ChineseNumeral.count(proposals.planCount))項計畫"
        let count = proposals.submitted.count == proposals.planCount ? "" : "\(proposals.submitted.count)件"
        return "\(summary.year)年度共有\(plans)提報\(count)新增事業提案。"
    }

    /// Item 3: the awards of the year's call rounds, by programme, and the calls still to come.
    static func subsidies(_ summary: ProgrammeSummary) -> String {
        let subsidies = summary.subsidies
        var sentences: [String] = []
        var programmes: [String] = []
        for award in subsidies.awarded where !programmes.contains(award.programme) { programmes.append(award.programme) }
        for programme in programmes {
            let awards = subsidies.awarded.filter { $0.programme == programme }
            let filed = awards.map { "\($0.agency)提報「\($0.title)」" }.joined(separator: "、")
            let by = awards[0].administrator ?? ""
            let outcome: String
            if awards.count == 1 {
                outcome = awards[0].awardedAmount.map { "獲核定補助\($0.inWords)" } ?? "獲核定補助（金額未詳）"
            } else {
                let amounts = awards.map { $0.awardedAmount?.inWords ?? "金額未詳" }.joined(separator: "、")
                let total = awards.allSatisfy { $0.awardedAmount != nil } ? "，共計\(subsidies.approvedAmount(of: programme).inWords)" : ""
                outcome = "分別獲核定補助\(amounts)\(total)"
            }
            sentences.append("協助\(filed)爭取\(by)\(awards[0].callYear)年度「\(programme)」，\(outcome)。")
        }
        let pending = subsidies.applications.filter { !$0.awarded && [.submitted, .reviewing].contains($0.phase) }
        if !pending.isEmpty {
            let names = pending.map { "\($0.agency)提報「\($0.title)」" }.joined(separator: "、")
            sentences.append("另\(names)爭取\(pending[0].administrator ?? "")補助，審查中。")
        }
        for round in subsidies.comingRounds {
            let when = round.opensOn.map { "預計\($0.month)月份" } ?? "另將"
            sentences.append("\(round.administrator ?? "")\(when)辦理第\(ChineseNumeral.ordinal(round.round))次徵案，將持續輔導協助各機關提案爭取。")
        }
        return sentences.isEmpty ? "\(summary.year)年度尚無機關提報爭取地方創生補助。" : sentences.joined()
    }

    /// The participation sentence of 一(三).
    static func participation(_ summary: ProgrammeSummary) -> String {
        let cases = summary.cases
        if cases.total == 0 { return "本府\(summary.year)年度公民參與計畫尚無推動案件。" }
        let subsidized = cases.subsidized == 0 ? "尚無本府核定補助經費之案件" : "其中本府核定補助經費共計\(cases.subsidized)件"
        return "本府\(summary.year)年度公民參與計畫推動件數共\(cases.total)件，\(subsidized)。"
    }
}

extension ProgrammeSummary.Subsidies {
    /// The known awarded amounts of one programme, summed.
    func approvedAmount(of programme: String) -> Money {
        Money(yuan: awarded.filter { $0.programme == programme }.reduce(0) { $0 + ($1.awardedAmount?.yuan ?? 0) })
    }
}

extension ProgrammeSummary {
    /// The council report's paragraphs for this summary.
    public var councilReport: CouncilReport { CouncilReport(self) }
}
