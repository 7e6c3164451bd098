import Foundation
import GRDB
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// Who may do what, through the commands people type: each test runs the program as named logins
/// (the `login:` parameter of `PlacemakingMain.run`, which stands for the real user id) on one file.
@Suite("Operators and roles")
struct OperatorTests {
    /// A ledger created by `chen` (so 研考會 staff), with a 六龜區 clerk and a viewer.
    static func ledger() throws -> ProgramRun {
        let program = try ProgramRun()
        for command in [["operator", "add", "liugui01", "--role", "clerk", "--agency", "六龜區"],
                        ["operator", "add", "look", "--role", "viewer"]] {
            let result = program.run(command, as: "chen")
            #expect(result.status == 0, "\(result.errors)")
        }
        return program
    }

    static func auditCount(_ program: ProgramRun) throws -> Int {
        try DatabaseQueue(path: program.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log") ?? 0 }
    }

    static func lastActor(_ program: ProgramRun) throws -> String? {
        try DatabaseQueue(path: program.path).read { try String.fetchOne($0, sql: "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1") }
    }

    @Test("the creator of a new ledger is its staff; the list shows every operator; audit entries name the login")
    func creatorIsStaff() throws {
        let program = try Self.ledger()
        let list = try program.json(["operator", "list"])
        #expect(list.map { "\($0["login"] ?? "")=\($0["role"] ?? "")" } == ["chen=staff", "liugui01=clerk", "look=viewer"])
        #expect(list[1]["agency"] as? String == "六龜區")
        #expect(program.run(["plan", "edit", "6", "--note", "研考會更正"], as: "chen").status == 0)
        #expect(try Self.lastActor(program) == "chen")
        let audit = try program.json(["audit", "--limit", "50"])
        #expect(audit.contains { $0["action"] as? String == "operator.add" && $0["actor"] as? String == "chen" })
        #expect(audit.contains { $0["action"] as? String == "operator.creator" && $0["actor"] as? String == "chen" })
        // --table operator (or 操作人員) lists the operator entries alone.
        for name in ["operator", "操作人員"] {
            let entries = try program.json(["audit", "--table", name])
            #expect(entries.map { $0["action"] as? String } == ["operator.add", "operator.add", "operator.creator"], "\(name)")
            #expect(entries.allSatisfy { $0["entity"] as? String == "operator" })
        }
        let unknown = program.run(["audit", "--table", "nothing"])
        #expect(unknown.status == 1 && unknown.errors.contains("operator"), "\(unknown.errors)")
    }

    /// Every way a 六龜區 clerk could touch 海洋局's records (plan 6, its proposal 2), or what only
    /// 研考會 records.
    static let foreignWrites: [[String]] = [
        ["plan", "edit", "6", "--note", "x"],
        ["plan", "edit", "6", "--agency", "六龜區"],
        ["plan", "status", "6", "撤案"],
        ["plan", "add", "--agency", "海洋局", "--title", "x"],
        ["proposal", "add", "--plan", "6", "--title", "x"],
        ["proposal", "edit", "2", "--title", "x"],
        ["subsidy", "add", "--agency", "海洋局", "--title", "x", "--year", "112"],
        ["case", "add", "--agency", "海洋局", "--title", "x", "--year", "112"],
        ["match", "add", "--plan", "1", "--ministry", "經濟部"],
        ["history", "fix", "plan", "6", "1", "--on", "111/06/01"],
        ["agency", "edit", "1", "--alias", "x"],
        ["operator", "add", "evil", "--role", "staff"],
        ["operator", "edit", "liugui01", "--role", "staff"],
        ["--as", "海洋局", "plan", "edit", "6", "--note", "x"],
        ["-c", ".as", "-c", "plan edit 6 --note x"],
    ]

    @Test("the 六龜區 clerk cannot change 海洋局's records through any command, and nothing is written")
    func clerkStaysInItsAgency() throws {
        let program = try Self.ledger()
        let before = try Self.auditCount(program)
        let plan6 = program.run(["plan", "show", "6", "--format", "json"]).output
        for command in Self.foreignWrites {
            let result = program.run(command, as: "liugui01")
            #expect(result.status != 0, "\(command) was accepted")
            #expect(!result.errors.isEmpty, "\(command) said nothing")
        }
        #expect(try Self.auditCount(program) == before)
        #expect(program.run(["plan", "show", "6", "--format", "json"]).output == plan6)
        // Its own records it changes, logged with its agency.
        #expect(program.run(["plan", "edit", "1", "--note", "六龜更新"], as: "liugui01").status == 0)
        #expect(try Self.lastActor(program) == "liugui01（六龜區）")
        #expect(program.run(["plan", "status", "1", "執行中", "--on", "111/07/01"], as: "liugui01").errors.isEmpty)
        let history = try DatabaseQueue(path: program.path).read {
            try String.fetchOne($0, sql: "SELECT recorded_by FROM status_history WHERE entity = 'plan' AND entity_id = 1 ORDER BY id DESC LIMIT 1")
        }
        #expect(history == "liugui01（六龜區）")
    }

    @Test("--as by a clerk is refused, except for its own agency; staff --as is logged as «login（agency）»")
    func actingFor() throws {
        let program = try Self.ledger()
        let refused = program.run(["--as", "海洋局", "plan", "list"], as: "liugui01")
        #expect(refused.status == 1)
        #expect(refused.errors.contains("六龜區") && refused.errors.contains("研考會"))
        #expect(program.run(["--as", "六龜區", "plan", "edit", "1", "--note", "a"], as: "liugui01").status == 0)
        #expect(program.run(["--as", "海洋局", "plan", "list"], as: "look").status == 1)
        // Claiming 研考會 (no limit for its staff) is refused to a clerk and a viewer like any other agency.
        for login in ["liugui01", "look"] {
            let claimed = program.run(["--as", "研考會", "plan", "list"], as: login)
            #expect(claimed.status == 1 && claimed.errors.contains("--as"), "\(login): \(claimed.errors)")
        }
        #expect(program.run(["--as", "研考會", "plan", "edit", "6", "--note", "研考會"], as: "chen").status == 0)
        #expect(program.run(["--as", "海洋局", "plan", "edit", "6", "--note", "代登"], as: "chen").status == 0)
        #expect(try Self.lastActor(program) == "chen（海洋局）")
        #expect(program.run(["--as", "海洋局", "operator", "add", "x", "--role", "viewer"], as: "chen").status == 1)
    }

    @Test("a viewer and an unknown login read but cannot write, and are told whom to ask")
    func readOnlyLogins() throws {
        let program = try Self.ledger()
        let before = try Self.auditCount(program)
        for login in ["look", "stranger"] {
            #expect(program.run(["plan", "list"], as: login).status == 0)
            #expect(program.run(["audit", "--limit", "1"], as: login).status == 0)
            for command in [["plan", "edit", "1", "--note", "x"], ["plan", "add", "--agency", "六龜區", "--title", "x"],
                            ["plan", "status", "1", "撤案"], ["operator", "add", login, "--role", "staff"]] {
                let result = program.run(command, as: login)
                #expect(result.status == 1, "\(login) \(command)")
                #expect(result.errors.contains("研考會") && result.errors.contains(login), "\(result.errors)")
                #expect(!result.errors.contains("locked"))
            }
        }
        #expect(program.run(["plan", "edit", "1", "--note", "x"], as: "stranger").errors.contains("operator add stranger"))
        #expect(program.run(["plan", "edit", "1", "--note", "x"], as: "look").errors.contains("查詢人員"))
        #expect(program.run(["--lang", "en", "plan", "edit", "1", "--note", "x"], as: "stranger").errors.contains("not an operator"))
        #expect(try Self.auditCount(program) == before)
    }

    @Test("operator rules: a clerk needs an agency, others have none, logins are checked, the last staff stays")
    func operatorRules() throws {
        let program = try Self.ledger()
        let cases: [([String], String)] = [
            (["operator", "add", "x1", "--role", "clerk"], "--agency"),
            (["operator", "add", "x2", "--role", "viewer", "--agency", "六龜區"], "clerk"),
            (["operator", "add", "局長（海洋局）", "--role", "staff"], "帳號名稱"),
            (["operator", "add", "", "--role", "staff"], "帳號名稱"),
            (["operator", "add", "liugui01", "--role", "staff"], "已是操作人員"),
            (["operator", "add", "x3", "--role", "boss"], "staff"),
            (["operator", "remove", "chen"], "最後一位"),
            (["operator", "edit", "chen", "--role", "viewer"], "最後一位"),
            (["operator", "edit", "nobody", "--role", "viewer"], "operator list"),
            (["operator", "add", "x4", "--role", "clerk", "--agency", "經濟部"], "經濟部"),
        ]
        for (command, hint) in cases {
            let result = program.run(command, as: "chen")
            #expect(result.status == 1, "\(command)")
            #expect(result.errors.contains(hint), "\(command): \(result.errors)")
        }
        // Moving the clerk to another agency takes effect at its next write.
        #expect(program.run(["operator", "edit", "liugui01", "--agency", "海洋局"], as: "chen").status == 0)
        #expect(program.run(["plan", "edit", "1", "--note", "x"], as: "liugui01").status == 1)
        #expect(program.run(["plan", "edit", "6", "--note", "海洋局的承辦"], as: "liugui01").status == 0)
        #expect(program.run(["operator", "edit", "liugui01", "--role", "viewer"], as: "chen").status == 0)
        #expect(try program.json(["operator", "list"]).first { $0["login"] as? String == "liugui01" }?["agency"] is NSNull)
        #expect(program.run(["operator", "add", "wang", "--role", "staff"], as: "chen").status == 0)
        #expect(program.run(["operator", "remove", "chen"], as: "wang").status == 0)
        #expect(program.run(["plan", "edit", "1", "--note", "x"], as: "chen").status == 1)
        let audit = try program.json(["audit", "--limit", "3"])
        #expect(audit.first?["action"] as? String == "operator.remove")
        #expect((audit.first?["changes"] as? String)?.contains("chen") == true)
    }

    @Test("a ledger without operators (made before they existed) treats its file's owner as staff")
    func ownerOfOldLedger() throws {
        let program = try ProgramRun()
        #expect(program.run(["plan", "list"], as: "chen").status == 0)
        try DatabaseQueue(path: program.path).write { try $0.execute(sql: "DELETE FROM operator") }
        let owner = try #require(SystemIdentity.ownerLogin(path: program.path))
        #expect(owner == SystemIdentity.currentLogin)
        #expect(program.run(["plan", "edit", "1", "--note", "x"], as: "chen").status == 1)
        #expect(program.run(["plan", "edit", "1", "--note", "x"], as: owner).status == 0)
        #expect(program.run(["operator", "add", "chen", "--role", "staff"], as: owner).status == 0)
        // Once there are operators, the owner is no longer staff by being the owner.
        #expect(program.run(["plan", "edit", "1", "--note", "y"], as: owner).status == 1)
    }

    @Test("the login comes from the password database: the real user id's name, never empty")
    func systemIdentity() throws {
        let id = Process()
        id.executableURL = URL(fileURLWithPath: "/usr/bin/id")
        id.arguments = ["-un"]
        let pipe = Pipe()
        id.standardOutput = pipe
        try id.run()
        id.waitUntilExit()
        let name = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(SystemIdentity.currentLogin == name)
        #expect(SystemIdentity.login(uid: 3_999_999_999) == "uid:3999999999")
        for bad in ["", "局長（海洋局）", "a b", "-x", "seed\n", String(repeating: "a", count: 33)] {
            #expect(!SystemIdentity.isPlausibleLogin(bad), "\(bad)")
        }
        for good in ["chen", "liugui.01", "a_b-c", "host$"] { #expect(SystemIdentity.isPlausibleLogin(good)) }
    }
}

@Suite("Record versions")
struct VersionTests {
    @Test("every edit and status change counts the version up; --if-version from a stale read is refused, naming who and when")
    func ifVersion() throws {
        let program = try ProgramRun()
        func version(_ noun: String, _ id: Int) throws -> Int? {
            let result = program.run([noun, "show", String(id), "--format", "json"])
            return (try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])?["version"] as? Int
        }
        #expect(program.run(["match", "add", "--plan", "1", "--ministry", "經濟部"]).status == 0)
        for noun in ["plan", "match", "proposal", "visit", "subsidy", "case", "event", "agency"] {
            #expect(try version(noun, 1) == 1, "\(noun)")
        }
        #expect(program.run(["operator", "add", "chen", "--role", "staff"]).status == 0)
        #expect(program.run(["plan", "edit", "1", "--note", "a", "--if-version", "1"], as: "chen").status == 0)
        #expect(try version("plan", 1) == 2)
        let stale = program.run(["plan", "edit", "1", "--note", "b", "--if-version", "1"])
        #expect(stale.status == 1)
        #expect(stale.errors.contains("版本 1") && stale.errors.contains("版本 2") && stale.errors.contains("「chen」")
                && stale.errors.contains("plan show 1"), "\(stale.errors)")
        #expect(program.run(["plan", "status", "1", "執行中", "--if-version", "1"]).status == 1)
        #expect(program.run(["plan", "status", "1", "執行中", "--if-version", "2"]).status == 0)
        #expect(try version("plan", 1) == 3)
        #expect(program.run(["agency", "edit", "1", "--alias", "鹽埕埔", "--if-version", "1"]).status == 0)
        #expect(program.run(["case", "edit", "1", "--note", "x", "--if-version", "7"]).errors.contains("公民參與案件 #1"))
        #expect(program.run(["subsidy", "award", "1", "--on", "111/06/30", "--if-version", "9"]).status == 1)
        // Without --if-version an edit applies to whatever version there is, as before.
        #expect(program.run(["plan", "edit", "1", "--note", "c"]).status == 0)
        #expect(try version("plan", 1) == 4)
    }
}
