/// The summary as one self-contained HTML page: inline CSS, charts as inline SVG with their numbers in
/// a table beside them, no script, no fonts or images fetched, UTF-8, laid out for A4 so that it prints
/// (or becomes a PDF) as it shows. For staff who paste figures into the council report or hand the
/// page to a meeting.
public struct SummaryPage: Sendable {
    public let summary: ProgrammeSummary

    public init(_ summary: ProgrammeSummary) { self.summary = summary }

    /// Colours of the phases, from early (greys, blues) to decided (green) and after (orange, brown).
    static let phaseColors: [Phase: String] = [
        .draft: "#9e9e9e", .submitted: "#90caf9", .reviewing: "#1e88e5", .approved: "#43a047",
        .rejected: "#e53935", .executing: "#fb8c00", .closed: "#6d4c41", .withdrawn: "#cfcfcf",
    ]

    public var html: String {
        let title = "高雄市\(summary.year)年度地方創生與公民參與辦理情形"
        return """
            <!DOCTYPE html>
            <html lang="zh-Hant-TW">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))（截至\(summary.asOf.rocLong)）</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(title))</h1>
            <p class="asof">截至 \(summary.asOf.rocLong)（\(summary.asOf.roc)）</p>
            </header>
            \(headline)
            \(plansSection)
            \(ministrySection)
            \(casesSection)
            \(reportSection)
            \(eventsSection)
            <footer>依各筆資料之狀態歷程計算截至日當時之狀態；之後登錄或生效的異動不計入。金額單位：新臺幣。</footer>
            </body>
            </html>

            """
    }

    static let style = """
        @page { size: A4; margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC", sans-serif;
               font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 186mm; line-height: 1.5; }
        @media screen { body { padding: 16px 12px; } }
        h1 { font-size: 17pt; margin: 0 0 2pt; }
        h2 { font-size: 12.5pt; margin: 14pt 0 6pt; border-left: 4pt solid #1e88e5; padding-left: 6pt; }
        .asof { margin: 0 0 10pt; color: #555; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6pt; }
        .card { border: 1px solid #ccd; border-radius: 4pt; padding: 5pt 7pt; break-inside: avoid; }
        .card .n { font-size: 16pt; font-weight: bold; }
        .card .l { font-size: 9pt; color: #555; }
        .chart { display: flex; gap: 10pt; align-items: flex-start; break-inside: avoid; }
        .chart svg { flex: 0 0 58%; width: 58%; height: auto; }
        .chart .numbers { flex: 1; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
        th, td { border: 1px solid #bbb; padding: 2pt 5pt; text-align: left; vertical-align: top; }
        th { background: #eef3fa; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: bold; background: #f6f6f6; }
        .note { font-size: 9pt; color: #555; margin: 4pt 0 0; }
        ol.report { padding-left: 18pt; margin: 0; }
        ol.report p, section.report > p { margin: 0 0 4pt; text-align: justify; }
        section { break-inside: avoid; }
        footer { margin-top: 14pt; font-size: 8.5pt; color: #666; border-top: 1px solid #ccc; padding-top: 4pt; }
        """

    // MARK: Sections

    private var headline: String {
        let s = summary
        let cards: [(String, String)] = [
            ("\(s.plans.total)", "地方創生計畫"),
            ("\(s.plans.matchedAgencies.count)", "已媒合部會資源機關"),
            ("\(s.proposals.submitted.count)", "\(s.year)年度新增事業提案"),
            ("\(s.visits.agencies.count)", "實地輔導機關"),
            ("\(s.subsidies.approvedCount)", "獲核定補助案"),
            (s.subsidies.approvedAmount.inWords, "核定補助金額"),
            ("\(s.cases.total)", "公民參與案件"),
            ("\(s.cases.subsidized)", "市府核定補助案件"),
        ]
        return "<section class=\"cards\">\n" + cards.map {
            "<div class=\"card\"><div class=\"n\">\(HTMLText.escape($0.0))</div><div class=\"l\">\(HTMLText.escape($0.1))</div></div>"
        }.joined(separator: "\n") + "\n</section>"
    }

    private var plansSection: String {
        let plans = summary.plans
        let used = Phase.allCases.filter { phase in plans.byPhase.contains { $0.phase == phase && $0.count > 0 } }
        let phases = used.isEmpty ? Phase.allCases : used
        let chart = SVGBarChart(
            title: "各機關地方創生計畫階段", series: phases.map { .init(name: $0.label, color: Self.phaseColors[$0] ?? "#888") },
            bars: plans.byAgency.map { agency in
                .init(label: agency.agency, values: phases.map { phase in Double(agency.byPhase.first { $0.phase == phase }?.count ?? 0) })
            },
            emptyText: "截至此日尚無計畫")
        var rows = plans.byAgency.map { agency in
            "<tr><td>\(HTMLText.escape(agency.agency))</td>" + phases.map { phase in
                "<td class=\"num\">\(agency.byPhase.first { $0.phase == phase }?.count ?? 0)</td>"
            }.joined() + "<td class=\"num\">\(agency.total)</td></tr>"
        }
        rows.append("<tr class=\"total\"><td>合計</td>" + phases.map { phase in
            "<td class=\"num\">\(plans.byPhase.first { $0.phase == phase }?.count ?? 0)</td>"
        }.joined() + "<td class=\"num\">\(plans.total)</td></tr>")
        let header = "<tr><th>機關</th>" + phases.map { "<th class=\"num\">\($0.label)</th>" }.joined() + "<th class=\"num\">計畫數</th></tr>"
        let matched = plans.matchedAgencies.isEmpty ? "尚無已媒合部會資源之機關。"
            : "已媒合部會資源：\(plans.matchedAgencies.joined(separator: "、"))（\(plans.matchedAgencies.count)個機關）。"
        return section("地方創生計畫：各機關計畫階段", chart: chart.svg, table: "<table>\(header)\n\(rows.joined(separator: "\n"))</table>",
                       note: matched)
    }

    private var ministrySection: String {
        let matches = summary.plans.matchesByMinistry
        let wan = { (m: Money?) -> Double in Double(m?.yuan ?? 0) / 10_000 }
        let chart = SVGBarChart(
            title: "部會媒合補助與投資（萬元）",
            series: [.init(name: "補助", color: "#43a047"), .init(name: "投資", color: "#1e88e5")],
            bars: matches.map { .init(label: $0.ministry, values: [wan($0.subsidy), wan($0.investment)]) },
            format: { Money(yuan: Int64(($0 * 10_000).rounded())).inWan },
            emptyText: "截至此日尚無部會媒合金額紀錄")
        let cell = { (m: Money?) in m.map { $0.inWan } ?? "未詳" }
        let rows = matches.isEmpty ? ["<tr><td colspan=\"4\">（無）</td></tr>"] : matches.map { m in
            "<tr><td>\(HTMLText.escape(m.ministry))</td><td class=\"num\">\(m.plans)</td><td class=\"num\">\(cell(m.subsidy))</td><td class=\"num\">\(cell(m.investment))</td></tr>"
        }
        let header = "<tr><th>部會</th><th class=\"num\">計畫數</th><th class=\"num\">補助(萬元)</th><th class=\"num\">投資(萬元)</th></tr>"
        return section("已媒合計畫：各部會補助與投資", chart: chart.svg, table: "<table>\(header)\n\(rows.joined(separator: "\n"))</table>",
                       note: matches.isEmpty ? "各部會之媒合金額尚未登錄（match add 可登錄）。" : nil)
    }

    private var casesSection: String {
        let cases = summary.cases
        let chart = SVGBarChart(
            title: "各機關公民參與案件",
            series: [.init(name: "市府核定補助", color: "#43a047"), .init(name: "未獲補助", color: "#90caf9")],
            bars: cases.byAgency.map { .init(label: $0.agency ?? "未詳", values: [Double($0.subsidized), Double($0.total - $0.subsidized)]) },
            emptyText: "\(summary.year)年度尚無公民參與案件")
        var rows = cases.byAgency.map { c in
            "<tr><td>\(HTMLText.escape(c.agency ?? "未詳"))</td><td class=\"num\">\(c.total)</td><td class=\"num\">\(c.subsidized)</td></tr>"
        }
        rows.append("<tr class=\"total\"><td>合計</td><td class=\"num\">\(cases.total)</td><td class=\"num\">\(cases.subsidized)</td></tr>")
        let header = "<tr><th>機關</th><th class=\"num\">案件數</th><th class=\"num\">核定補助</th></tr>"
        return section("公民參與：各機關案件", chart: chart.svg, table: "<table>\(header)\n\(rows.joined(separator: "\n"))</table>", note: nil)
    }

    private var reportSection: String {
        let report = summary.councilReport
        let items = report.placemaking.map { item in
            "<li>" + item.map { "<p>\(HTMLText.escape($0))</p>" }.joined() + "</li>"
        }.joined(separator: "\n")
        return """
            <section class="report">
            <h2>報告文字</h2>
            <ol class="report">
            \(items)
            </ol>
            <p>\(HTMLText.escape(report.participation))</p>
            </section>
            """
    }

    private var eventsSection: String {
        guard !summary.events.isEmpty else { return "" }
        let day = { (d: ROCDate?) in d?.roc ?? "未詳" }
        let rows = summary.events.map { e in
            "<tr><td>\(HTMLText.escape(e.title))</td><td>\(HTMLText.escape(e.status))</td><td>\(day(e.plannedFrom))–\(day(e.plannedTo))</td><td>\(e.heldOn?.roc ?? "")</td></tr>"
        }
        return """
            <section>
            <h2>活動</h2>
            <table><tr><th>活動名稱</th><th>截至日狀態</th><th>預定期間</th><th>辦理日期</th></tr>
            \(rows.joined(separator: "\n"))
            </table>
            </section>
            """
    }

    private func section(_ heading: String, chart: String, table: String, note: String?) -> String {
        """
        <section>
        <h2>\(HTMLText.escape(heading))</h2>
        <div class="chart">
        \(chart)
        <div class="numbers">\(table)</div>
        </div>
        \(note.map { "<p class=\"note\">\(HTMLText.escape($0))</p>" } ?? "")
        </section>
        """
    }
}
