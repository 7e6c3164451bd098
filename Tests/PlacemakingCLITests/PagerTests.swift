import Foundation
import Testing
import PlacemakingKit

/// Long output in the shell as a clerk meets it: an 80×24 terminal, no `$PAGER`, the real `less`.
@Suite("The pager in a terminal", .serialized,
       .enabled(if: TmuxSession.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/less"), "needs tmux, less and the built binary"))
struct PagerTests {
    let prompt = "placemaking(ledger)> "

    /// The process ids of the children of `pid` (the pager, while it runs).
    func children(of pid: pid_t) -> [pid_t] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { pid_t($0) }
    }

    func waitForPager(_ session: TmuxSession) throws -> pid_t {
        let shell = try #require(session.processIDs.last)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let pager = children(of: shell).first { return pager }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxSession.Timeout(expected: "a pager process", screen: try session.screen())
    }

    @Test("help, audit and plan show page through less at 80×24 and q returns to the prompt",
          arguments: ["help", "audit", "plan show 1"])
    func pagesAndQuits(_ command: String) throws {
        let session = try TmuxSession(width: 80, height: 24, pager: nil)
        defer { session.close() }
        try session.waitFor(prompt)
        if command == "plan show 1" {
            try AppDatabase.open(path: session.databasePath)  // as the real login, which created it (staff)
                .editPlan(id: 1, note: String(repeating: "六龜山城創生計畫的說明，經多次輔導修正後提報。", count: 40))
        }
        try session.enter(command)
        let pager = try waitForPager(session)
        #expect(TmuxSession.isAlive(pager))
        try session.press("q")
        try session.waitFor(prompt, count: 1)
        // The shell still answers.
        try session.enter("agency list --kind partner")
        try session.waitFor("南區輔導中心")
        #expect(children(of: try #require(session.processIDs.last)).isEmpty)
    }

    @Test("Ctrl-C in the pager returns to it, q to the prompt; the shell lives")
    func interruptInPager() throws {
        let session = try TmuxSession(width: 80, height: 24, pager: nil)
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter("audit")
        _ = try waitForPager(session)
        try session.press("C-c")
        Thread.sleep(forTimeInterval: 0.2)
        try session.press("q")
        try session.waitFor(prompt)
        try session.enter("statuses event")
        try session.waitFor("延期")
        #expect(TmuxSession.isAlive(try #require(session.processIDs.last)))
    }

    @Test("a pager killed by SIGPIPE loses nothing and never ends the shell")
    func pagerKilled() throws {
        let session = try TmuxSession(width: 80, height: 24, pager: nil)
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter("audit --limit 30")
        let pager = try waitForPager(session)
        kill(pager, SIGPIPE)
        // The output is shown without the pager, and the prompt comes back.
        try session.waitFor(prompt)
        // The terminal is as the shell left it: what is typed is echoed again.
        try session.type("statuses event")
        try session.waitFor("> statuses event")
        try session.enter()
        try session.waitFor("延期")
    }

    @Test("a pager that exits at once, or fails, never ends the shell, and its output is shown",
          arguments: ["true", "false"])
    func pagerExitsAtOnce(_ pager: String) throws {
        let session = try TmuxSession(width: 80, height: 24, pager: pager)
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter("help")
        // A pager that failed leaves the output to the shell, which shows it whole (its last line, then the prompt).
        // Either way the output is shown whole (its last line, then the prompt): nothing is lost.
        try session.waitFor("查看用法")
        try session.enter("statuses event")
        try session.waitFor("延期")
    }

    @Test("a $PAGER that does not exist falls back to less")
    func missingPager() throws {
        let session = try TmuxSession(width: 80, height: 24, pager: "/nonexistent/pager")
        defer { session.close() }
        try session.waitFor(prompt)
        try session.enter("help")
        _ = try waitForPager(session)
        try session.press("q")
        try session.waitFor(prompt)
    }

    @Test("closing a session ends its tmux server and the shell, and they ignored nothing")
    func closingLeavesNothing() throws {
        let session = try TmuxSession(pager: nil)
        try session.waitFor(prompt)
        let pids = session.processIDs
        #expect(pids.count == 2)
        session.close()
        for pid in pids { #expect(!TmuxSession.isAlive(pid), "process \(pid) is still running") }
    }
}
