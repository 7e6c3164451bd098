import Foundation
import Testing
import PlacemakingKit

/// The shell as a person meets it: the real binary in a pseudo-terminal under tmux.
@Suite("The shell in a terminal", .serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux and the built binary"))
struct TerminalTests {
    let prompt = "placemaking(ledger)> "

    func plans(_ session: TmuxSession) throws -> ResultTable {
        try AppDatabase.open(path: session.databasePath).plans()
    }

    @Test("typing, backspacing and moving over 那瑪夏區 in a line that wraps")
    func editingWideCharacters() throws {
        let session = try TmuxSession(width: 40)
        try session.waitFor(prompt)
        // The line is wider than 40 columns, so it wraps; the wide characters sit across the wrap.
        try session.type("plan list --format csv --agency 那瑪夏區區區")
        try session.press("BSpace", "BSpace")
        // Move left over 瑪夏區 and remove 那, then type it again: the cursor must land between wide characters.
        try session.press("Left", "Left", "Left", "BSpace")
        try session.enter("那")
        // CSV writes ISO dates (a spreadsheet in a zh-TW locale would read 111/06/30 as the year 111).
        let screen = try session.waitFor("2022-06-30")
        #expect(screen.contains("2,那瑪夏區,,媒合成功"), "\(screen)")
        // The edited line reads exactly as intended on screen.
        let echoed = screen.split(separator: "\n").first { $0.contains("plan list --format csv") }
        #expect(echoed?.trimmingCharacters(in: .whitespaces).hasSuffix("--agency 那瑪夏區") == true, "\(screen)")
    }

    @Test("Tab completes a Chinese agency prefix and the statuses a record may take")
    func completion() throws {
        let session = try TmuxSession()
        try session.waitFor(prompt)
        try session.type("plan list --agency 那")
        try session.press("Tab")
        try session.waitFor("--agency 那瑪夏區")
        try session.enter()
        try session.waitFor("媒合成功")
        try session.type("plan status 2 ")
        try session.press("Tab", "Tab")
        let screen = try session.waitFor("執行中")
        #expect(screen.contains("撤案"))
        #expect(!screen.contains("構想盤點"))
        try session.press("C-c")
        // Ids are listed with what they are.
        try session.type("plan show ")
        try session.press("Tab", "Tab")
        try session.waitFor("2  那瑪夏區")
        try session.press("C-c")
    }

    @Test("Ctrl-C right after a long paste abandons the line at once, without waiting for another key")
    func interruptAfterPaste() throws {
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        try session.waitFor(prompt)
        // The terminal flushes the unread rest of the paste when Ctrl-C comes; a reader blocked on the
        // byte it was told of slept through the Ctrl-C until the next key (seen here every time).
        for round in 1...5 {
            // A line is under way (its start is on screen), then the paste and Ctrl-C at once.
            try session.type("第\(round)輪")
            try session.waitFor("第\(round)輪")
            try session.type(String(repeating: "計畫", count: 300))
            try session.press("C-c")
            let deadline = Date().addingTimeInterval(5)
            var last = ""
            while Date() < deadline {
                last = try session.screen().split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                if last == prompt.trimmingCharacters(in: .whitespaces) { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(last == prompt.trimmingCharacters(in: .whitespaces), "round \(round): no new prompt after Ctrl-C; last line: \(last.prefix(60))")
        }
        // The abandoned lines ran nothing; the next line runs as typed.
        try session.enter("plan list --format csv --columns 編號")
        try session.waitFor("編號")
        #expect(try plans(session).rows.count == 6)
        #expect(try !session.screen().contains("錯誤"))
    }

    @Test("history: Up recalls the previous command, and the history file keeps it")
    func history() throws {
        let session = try TmuxSession()
        try session.waitFor(prompt)
        try session.enter("agency list --kind partner")
        try session.waitFor("南區輔導中心", count: 1)
        try session.press("Up", "Enter")
        try session.waitFor("南區輔導中心", count: 2)
        let history = try String(contentsOf: session.folder.appendingPathComponent(".local/state/placemaking/history"), encoding: .utf8)
        #expect(history.contains("agency list --kind partner"))
    }

    @Test("an interactive plan add form re-asks an invalid answer, confirms, and writes")
    func form() throws {
        let session = try TmuxSession(arguments: ["--as", "六龜區"])
        try session.waitFor("placemaking(ledger·六龜區)> ")
        try session.enter("plan add")
        try session.waitFor("[六龜區]")
        try session.enter()                       // the acting agency is the default
        try session.waitFor("計畫名稱")
        try session.enter("山城創生")
        try session.waitFor("提報國發會日期")
        try session.type("111/02/29")                    // does not exist: asked again
        try session.enter()
        try session.waitFor("不存在")
        try session.enter("111/03/01")
        try session.waitFor("總經費")
        try session.type("500萬")
        for _ in 0..<4 { try session.enter(); Thread.sleep(forTimeInterval: 0.1) }  // note, status, status date: blank
        try session.waitFor("確定寫入")
        #expect(try plans(session).rows.count == 6)      // nothing written before the confirmation
        try session.enter("y")
        try session.waitFor("已新增地方創生計畫 #7")
        let table = try plans(session)
        #expect(table.value("title", row: 6) == .text("山城創生"))
        #expect(table.value("budget", row: 6) == .money(Money(yuan: 5_000_000)))
        #expect(table.value("submittedOn", row: 6) == .date(try ROCDate.parse("111/03/01")))
    }

    @Test("Ctrl-C in a form cancels it and writes nothing; the shell goes on; Ctrl-D leaves")
    func cancelForm() throws {
        let session = try TmuxSession()
        try session.waitFor(prompt)
        try session.enter("case add")
        try session.waitFor("計畫年度")
        try session.enter()                       // year: the default
        try session.waitFor("案件名稱（必填）：")
        try session.enter("寫到一半")
        try session.waitFor("辦理機關")
        try session.press("C-c")
        try session.waitFor("已取消")
        let counts = try AppDatabase.open(path: session.databasePath).cases()
        #expect(counts.rows.count == 30)
        try session.waitFor(prompt, count: 2)
        try session.press("C-d")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try !session.screen().contains("寫到一半\n已新增"))
    }

    @Test("an edit form shows the record, keeps what is left blank, and changes only what was typed")
    func editForm() throws {
        let session = try TmuxSession(height: 60)
        try session.waitFor(prompt)
        try session.enter("plan edit 3")
        try session.waitFor("保留原值")
        try session.waitFor("提案機關：")
        try session.enter()
        try session.waitFor("計畫名稱：")
        try session.type("阿蓮創生")
        for _ in 0..<4 { try session.enter(); Thread.sleep(forTimeInterval: 0.1) }
        try session.waitFor("確定寫入")
        try session.enter("y")
        try session.waitFor("已修改地方創生計畫 #3")
        let plans = try plans(session)
        #expect(plans.value("title", row: 2) == .text("阿蓮創生"))
        #expect(plans.value("agency", row: 2) == .text("阿蓮區"))
        #expect(plans.value("budget", row: 2) == .null)
    }

    @Test("an edit form whose record changed meanwhile writes nothing, says who changed it, and starts again on request")
    func staleEditForm() throws {
        let session = try TmuxSession(height: 80)
        try session.waitFor(prompt)
        try session.enter("plan edit 3")
        try session.waitFor("提案機關：")
        // Meanwhile someone else changes the plan (the same login here: the tests' one real account).
        try AppDatabase.open(path: session.databasePath).editPlan(id: 3, note: "另一位同仁先改了")
        try session.enter()
        try session.waitFor("計畫名稱：")
        try session.type("阿蓮創生")
        for _ in 0..<4 { try session.enter(); Thread.sleep(forTimeInterval: 0.1) }
        try session.waitFor("確定寫入")
        try session.enter("y")
        let refused = try session.waitFor("重新填寫")
        #expect(refused.contains("在您讀取（版本 1）之後") && refused.contains("\(SystemIdentity.currentLogin)"), "\(refused)")
        #expect(try plans(session).value("title", row: 2) == .null)
        try session.enter("y")
        try session.waitFor("另一位同仁先改了")
        try session.waitFor("提案機關：", count: 2)
        try session.enter()
        try session.waitFor("計畫名稱：", count: 2)
        try session.type("阿蓮創生")
        for _ in 0..<4 { try session.enter(); Thread.sleep(forTimeInterval: 0.1) }
        try session.waitFor("確定寫入", count: 2)
        try session.enter("y")
        try session.waitFor("已修改地方創生計畫 #3")
        let plans = try plans(session)
        #expect(plans.value("title", row: 2) == .text("阿蓮創生"))
        let detail = try AppDatabase.open(path: session.databasePath).planDetail(id: 3)
        #expect(detail.record.value("note", row: 0) == .text("另一位同仁先改了"))
        #expect(detail.record.value("version", row: 0) == .integer(3))
    }

    @Test("at 80 columns a box table of every plan column stays within the screen")
    func boxAt80() throws {
        let session = try TmuxSession(width: 80, height: 40)
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter(".mode box")
        try session.enter("plan list --wide")
        let screen = try session.waitFor("└")
        let measure = DisplayWidth()
        // capture-pane -J joins lines the terminal wrapped: a joined line wider than 80 would show overflow.
        for line in screen.split(separator: "\n") { #expect(measure.of(String(line)) <= 80, "\(line)") }
        #expect(screen.contains("┌") && screen.contains("│    1 │"))
    }

    @Test("with LANG=C, editing still treats Chinese as UTF-8")
    func editingUnderCLocale() throws {
        let session = try TmuxSession(width: 60, environment: ["LANG": "C"])
        defer { session.close() }
        try session.waitFor(prompt)
        try session.type("plan list --format csv --agency 那瑪夏區區")
        try session.press("BSpace")
        try session.enter()
        let screen = try session.waitFor("2022-06-30")
        #expect(screen.contains("2,那瑪夏區,,媒合成功"), "\(screen)")
    }

    @Test("acting for an agency, a form refuses another agency at the field, before any confirmation")
    func formRefusesOtherAgency() throws {
        let session = try TmuxSession(arguments: ["--as", "六龜區"])
        defer { session.close() }
        try session.waitFor("placemaking(ledger·六龜區)> ")
        try session.enter("plan add")
        try session.waitFor("[六龜區]")
        try session.enter("海洋局")
        try session.waitFor("只能新增、修改或連結「六龜區」自己的資料")
        try session.waitFor("[六龜區]", count: 2)   // asked again
        try session.press("C-c")
        try session.waitFor("已取消")
    }

    @Test("a form refuses a future date of something that happened at the field, and asks again")
    func formRefusesFutureDate() throws {
        let session = try TmuxSession(height: 40)
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter("plan add")
        try session.waitFor("提案機關")
        try session.enter("六龜區")
        try session.waitFor("計畫名稱")
        try session.enter("山城創生")
        try session.waitFor("提報國發會日期")
        try session.enter("\(ROCDate.today.rocYear + 5)/01/01")
        try session.waitFor("晚於今天")
        // Asked again, before anything is confirmed or written.
        try session.waitFor("提報國發會日期", count: 2)
        #expect(try !session.screen().contains("確定寫入"))
        try session.press("C-c")
        try session.waitFor("已取消")
    }

    @Test("a runaway sql query stops on Ctrl-C in the shell, and the shell goes on")
    func interruptQuery() throws {
        let session = try TmuxSession()
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter("sql \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c\"")
        Thread.sleep(forTimeInterval: 0.5)
        try session.press("C-c")
        try session.waitFor("查詢已中斷")
        try session.enter("statuses event")
        try session.waitFor("延期")
    }
}
