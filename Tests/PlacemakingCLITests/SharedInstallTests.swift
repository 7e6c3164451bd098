import Foundation
import Glibc
import Testing

/// The shared install of the README, with real accounts: what the set-group-id program lets each
/// login do on the one ledger, and that nobody reaches the file but through it. Root only (CI runs as
/// root); each test makes its own accounts and group and removes them, whatever happens.
@Suite("Shared install (set-group-id, real accounts)", .serialized,
       .enabled(if: SharedInstall.isPossible, "needs root (useradd, groupadd, setpriv or runuser) and the placemaking binary built beside the tests"))
struct SharedInstallTests {
    /// A shared install whose staff has entered a 六龜區 clerk and a viewer.
    static func install() throws -> SharedInstall {
        let install = try SharedInstall()
        for command in [["operator", "add", install.clerk, "--role", "clerk", "--agency", "六龜區"],
                        ["operator", "add", install.viewer, "--role", "viewer"]] {
            try SharedInstall.expectSuccess(install.placemaking(command, as: install.staff), command.joined(separator: " "))
        }
        return install
    }

    /// What the ledger holds, as the staff login sees it: audit count, 海洋局's plan 6 and proposal 2.
    static func state(_ install: SharedInstall) throws -> [String] {
        try [["sql", "SELECT count(*) FROM audit_log", "--format", "csv"], ["plan", "show", "6", "--format", "json"],
             ["proposal", "show", "2", "--format", "json"], ["operator", "list", "--format", "csv"]].map {
            let result = try install.placemaking($0, as: install.staff)
            #expect(result.status == 0, "\($0): \(result.errors)")
            return result.output
        }
    }

    static func lastActor(_ install: SharedInstall) throws -> String {
        let result = try install.placemaking(["sql", "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1", "--format", "csv"],
                                             as: install.staff)
        return result.output.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test("the README's steps work as written: the directory and the program are the group's, the ledger 0660, its creator staff")
    func readmeSteps() throws {
        let install = try SharedInstall()
        defer { install.close() }
        let steps = try install.readmeSteps()
        #expect(steps.count == 4, "\(steps.map(\.command))")
        #expect(SharedInstall.mode(install.directory) == 0o2770)
        #expect(SharedInstall.groupName(install.directory) == install.group)
        #expect(SharedInstall.mode(install.installed) == 0o2755)
        #expect(SharedInstall.groupName(install.installed) == install.group)
        // The staff login's `operator list` created the ledger: the file is the group's, 0660, and its
        // creator is its first staff member.
        #expect(SharedInstall.mode(install.ledger) == 0o660)
        #expect(SharedInstall.groupName(install.ledger) == install.group)
        #expect(SharedInstall.ownerName(install.ledger) == install.staff)
        let operators = try install.placemaking(["operator", "list", "--format", "json"], as: install.staff)
        #expect(operators.output.contains("{\"login\": \"\(install.staff)\", \"role\": \"staff\""),
                "\(operators.said)")
        let checked = try install.placemaking(["check"], as: install.staff)
        #expect(checked.status == 0, "\(checked.said)")
        // None of the users is in the group: the program's group is theirs only while it runs.
        let groups = try install.run(["/usr/bin/id", "-Gn"], as: install.clerk)
        #expect(!groups.output.contains(install.group))
    }

    @Test("the users cannot read or change the file directly; new files are 0660 (-wal and -shm from the start) or 0600, never world-readable")
    func fileAccess() throws {
        let install = try Self.install()
        defer { install.close() }
        for user in install.users {
            let read = try install.run(["/bin/cat", install.ledger], as: user)
            #expect(read.status != 0 && read.output.isEmpty && read.errors.contains("Permission denied"), "\(user): \(read.errors)")
            let write = try install.run(["/bin/sh", "-c", "echo x >> \"$0\"", install.ledger], as: user)
            #expect(write.status != 0 && write.errors.contains("Permission denied"), "\(user): \(write.errors)")
            let list = try install.run(["/bin/ls", install.directory], as: user)
            #expect(list.status != 0, "\(user) listed the install directory")
        }

        // A ledger being created by a process that stays open (a shell, a script still reading): its
        // -wal and -shm are already the group's, so another login can use it at once.
        let second = install.directory + "/second.sqlite"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: try #require(SharedInstall.tool(named: "setpriv") ?? SharedInstall.tool(named: "runuser")))
        let staff = try #require(getpwnam(install.staff)).pointee
        holder.arguments = holder.executableURL?.lastPathComponent == "setpriv"
            ? ["--reuid=\(staff.pw_uid)", "--regid=\(staff.pw_gid)", "--init-groups", "--", install.installed, "--db", second]
            : ["-u", install.staff, "--", install.installed, "--db", second]
        holder.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        holder.currentDirectoryURL = URL(fileURLWithPath: install.home(of: install.staff))
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        // However the test ends, the holder ends: its standard input closed, else killed.
        var inputOpen = true
        defer {
            if inputOpen { try? input.fileHandleForWriting.close() }
            if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
            holder.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: second + "-shm"), holder.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        for file in [second, second + "-wal", second + "-shm"] {
            #expect(SharedInstall.mode(file) == 0o660, "\(file): \(String(SharedInstall.mode(file) ?? 0, radix: 8))")
            #expect(SharedInstall.groupName(file) == install.group, "\(file)")
        }
        let meanwhile = try install.placemaking(["plan", "list", "--format", "csv"], as: install.viewer, db: second)
        #expect(meanwhile.status == 0 && meanwhile.output.contains("六龜區"), "\(meanwhile.errors)")
        inputOpen = false
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)

        // A backup, to a folder of the staff's own: 0600, the staff's.
        let backup = install.home(of: install.staff) + "/ledger-backup.sqlite"
        let made = try install.placemaking(["backup", backup], as: install.staff)
        #expect(made.status == 0, "\(made.errors)")
        #expect(SharedInstall.mode(backup) == 0o600)
        #expect(SharedInstall.ownerName(backup) == install.staff)

        // Nothing in the install is readable by others than its owner and the group.
        let files = try FileManager.default.contentsOfDirectory(atPath: install.directory)
        for name in files {
            let mode = try #require(SharedInstall.mode(install.directory + "/" + name))
            #expect(mode & 0o007 == 0, "\(name) is \(String(mode, radix: 8))")
        }
    }

    /// Every way the 六龜區 clerk could touch 海洋局's records in the shared install: the commands of
    /// `OperatorTests.foreignWrites`, and those that name files, which the program must open with the
    /// clerk's own rights (the group's could replace the ledger or its log).
    static func sharedWrites(_ install: SharedInstall) -> [[String]] {
        let mine = install.home(of: install.clerk)
        return OperatorTests.foreignWrites + [
            ["sql", "UPDATE plan SET note = 'x' WHERE id = 6"],
            ["export", "ndc", "--format", "csv", "--out", install.ledger],
            ["export", "ndc", "--format", "ods", "--out", install.ledger],
            ["summary", "--year", "111", "--format", "markdown", "--out", install.ledger],
            ["summary", "--year", "111", "--format", "html", "--out", install.ledger],
            ["backup", install.ledger + "-wal", "--force"],
            ["backup", install.directory + "/copy.sqlite"],
            ["restore", mine + "/mine.sqlite"],
            ["-c", ".output \(install.ledger)", "-c", "plan list"],
            ["-c", ".read \(mine)/edit.txt"],
            ["import", "plans", mine + "/plans.csv"],
            ["--db", install.ledger + "-wal", "plan", "list"],
            ["--db", mine + "/mine.sqlite", "restore", mine + "/mine.sqlite"],
        ]
    }

    @Test("the 六龜區 clerk cannot change 海洋局's records through any command; the ledger is unchanged and check passes")
    func clerkStaysInItsAgency() throws {
        let install = try Self.install()
        defer { install.close() }
        // Files of the clerk's own that some commands name (made by the clerk, in its folder).
        let mine = install.home(of: install.clerk)
        let prepared = try install.run(["/bin/sh", "-c", """
            printf '機關,計畫名稱,提報日期\\n海洋局,冒名計畫,112/03/01\\n' > "$0/plans.csv"
            printf 'plan edit 6 --note x\\n' > "$0/edit.txt"
            """, mine], as: install.clerk)
        #expect(prepared.status == 0, "\(prepared.errors)")
        let own = try install.placemaking(["backup", mine + "/mine.sqlite"], as: install.clerk)
        #expect(own.status == 0, "\(own.errors)")

        let before = try Self.state(install)
        let files = try FileManager.default.contentsOfDirectory(atPath: install.directory).sorted()
        for command in Self.sharedWrites(install) {
            let result = try install.placemaking(command, as: install.clerk)
            #expect(result.status != 0, "\(command) was accepted: \(result.output)")
            #expect(!result.errors.isEmpty, "\(command) said nothing")
            #expect(!result.said.lowercased().contains("locked"), "\(command): \(result.said)")
        }
        #expect(try Self.state(install) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: install.directory).sorted() == files)
        let checked = try install.placemaking(["check"], as: install.staff)
        #expect(checked.status == 0, "\(checked.said)")

        // Its own records it changes, logged as its real login and agency, whatever the environment claims.
        let forged = ["USER": install.staff, "LOGNAME": install.staff, "PLACEMAKING_USER": "局長（海洋局）"]
        let edited = try install.placemaking(["plan", "edit", "1", "--note", "六龜更新"], as: install.clerk, environment: forged)
        #expect(edited.status == 0, "\(edited.errors)")
        #expect(try Self.lastActor(install) == "\(install.clerk)（六龜區）")
        // And files it names are written where it may write: its own folder.
        let exported = try install.placemaking(["export", "ndc", "--format", "ods", "--out", mine + "/ndc.ods"], as: install.clerk)
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(SharedInstall.ownerName(mine + "/ndc.ods") == install.clerk)
    }

    @Test("a viewer cannot write, --as by the clerk is refused, and audit entries name the real logins")
    func rolesAndLogins() throws {
        let install = try Self.install()
        defer { install.close() }
        let before = try Self.state(install)
        for command in [["plan", "edit", "1", "--note", "x"], ["plan", "add", "--agency", "六龜區", "--title", "x"],
                        ["plan", "status", "1", "撤案"], ["operator", "add", install.viewer + "x", "--role", "staff"],
                        ["sql", "DELETE FROM plan"]] {
            let result = try install.placemaking(command, as: install.viewer)
            #expect(result.status == 1, "viewer: \(command)")
            #expect(!result.errors.isEmpty)
        }
        #expect(try install.placemaking(["plan", "edit", "1", "--note", "x"], as: install.viewer).errors.contains("查詢人員"))
        #expect(try install.placemaking(["plan", "list"], as: install.viewer).status == 0)
        for agency in ["海洋局", "研考會"] {
            let acting = try install.placemaking(["--as", agency, "plan", "edit", "6", "--note", "x"], as: install.clerk)
            #expect(acting.status == 1)
            #expect(acting.errors.contains("--as"), "\(acting.errors)")
        }
        #expect(try Self.state(install) == before)

        // Staff acting for 海洋局, and the clerk for itself: each entry names the login the system knows.
        #expect(try install.placemaking(["--as", "海洋局", "plan", "edit", "6", "--note", "代登"], as: install.staff).status == 0)
        #expect(try Self.lastActor(install) == "\(install.staff)（海洋局）")
        #expect(try install.placemaking(["plan", "status", "1", "執行中", "--on", "111/07/01"], as: install.clerk).status == 0)
        #expect(try Self.lastActor(install) == "\(install.clerk)（六龜區）")
        let history = try install.placemaking(["sql", "SELECT recorded_by FROM status_history WHERE entity = 'plan' AND entity_id = 1 ORDER BY id DESC LIMIT 1",
                                               "--format", "csv"], as: install.staff)
        #expect(history.output.hasSuffix("\(install.clerk)（六龜區）\n"), "\(history.said)")
        let actors = try install.placemaking(["sql", "SELECT DISTINCT actor FROM audit_log WHERE actor <> 'seed' ORDER BY actor", "--format", "csv"],
                                             as: install.staff)
        #expect(actors.output == "actor\n\(install.clerk)（六龜區）\n\(install.staff)\n\(install.staff)（海洋局）\n", "\(actors.said)")
    }

    @Test("under set-group-id PLACEMAKING_DB outside the install is ignored, --db outside refused, PLACEMAKING_TRACE_SQL ignored")
    func environment() throws {
        let install = try Self.install()
        defer { install.close() }
        let mine = install.home(of: install.clerk)
        // Outside: ignored, so the default ./placemaking.sqlite (in the clerk's folder, also outside) is refused.
        let outside = try install.run([install.installed, "plan", "list"], as: install.clerk,
                                      environment: ["PLACEMAKING_DB": mine + "/elsewhere.sqlite"])
        #expect(outside.status == 1)
        #expect(outside.errors.contains("共用安裝"), "\(outside.errors)")
        let refused = try install.placemaking(["plan", "list"], as: install.clerk, db: mine + "/elsewhere.sqlite")
        #expect(refused.status == 1 && refused.errors.contains("共用安裝"), "\(refused.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine).isEmpty)
        // Inside: used.
        let inside = try install.run([install.installed, "plan", "list", "--format", "csv"], as: install.clerk,
                                     environment: ["PLACEMAKING_DB": install.ledger, "PLACEMAKING_TRACE_SQL": "1"])
        #expect(inside.status == 0 && inside.output.contains("六龜區"), "\(inside.errors)")
        #expect(!inside.errors.contains("SQL>"))
        let english = try install.placemaking(["--lang", "en", "plan", "list"], as: install.clerk, db: mine + "/x.sqlite")
        #expect(english.errors.contains("shared install"), "\(english.errors)")
    }
}
