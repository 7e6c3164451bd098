import Foundation
import Glibc
import Testing
@testable import PlacemakingCLI

/// The README's shared install ("A shared install / 共用安裝"), made for real by root: a new group, new
/// operating-system accounts (a 研考會 staff member, a 六龜區 clerk, a viewer, none of them in the group),
/// the install directory and the set-group-id copy of the built binary, each step taken from the
/// README's own code block with its names replaced by this install's. `close()` removes the accounts,
/// the group and the folder; it is safe to call after any failure, and more than once.
final class SharedInstall {
    /// Root, the account tools, a way to run a command as another user, and the built binary.
    static let isPossible: Bool = {
        let tools = ["useradd", "userdel", "groupadd", "groupdel", "install"]
        return getuid() == 0 && tools.allSatisfy { tool(named: $0) != nil }
            && (tool(named: "setpriv") != nil || tool(named: "runuser") != nil) && TmuxSession.binary != nil
    }()

    static let searchPath = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]

    static func tool(named name: String) -> String? {
        searchPath.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Output {
        let status: Int32
        let output: String
        let errors: String
        var said: String { output + errors }
    }

    /// Unique per install, so that a run killed before `close()` never collides with the next one.
    let tag = String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    var group: String { "pmt_\(tag)" }
    var staff: String { "pmt_\(tag)_staff" }
    var clerk: String { "pmt_\(tag)_clerk" }
    var viewer: String { "pmt_\(tag)_view" }
    var users: [String] { [staff, clerk, viewer] }

    /// The install's folder: `srv/` stands for /srv/placemaking, `bin/` for /usr/local/bin, and each
    /// user has a private folder of its own (its home would be) for the files it names.
    let root: URL
    var directory: String { root.appendingPathComponent("srv").path }
    var installed: String { root.appendingPathComponent("bin/placemaking").path }
    var ledger: String { directory + "/ledger.sqlite" }
    func home(of user: String) -> String { root.appendingPathComponent("home-\(user)").path }

    private var madeUsers: [String] = []
    private var madeGroup = false
    private var closed = false

    /// Makes the accounts and folders, then follows the README's steps (which create the ledger as
    /// the staff login).
    init() throws {
        root = Self.traversableTemporaryDirectory().appendingPathComponent("placemaking-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        do {
            // The other users must reach srv/ and bin/ through it (the temporary folder may be sticky).
            chmod(root.path, 0o711)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: false)
            chmod(root.appendingPathComponent("bin").path, 0o755)
            madeGroup = true  // from here on close() tries groupdel, whichever step fails
            for user in users {
                // -M: no home is made; -N: the usual `users` group, so nothing else needs removing.
                try Self.expectSuccess(Self.runAsRoot(["useradd", "-M", "-N", "-s", "/usr/sbin/nologin", user]), "useradd \(user)")
                madeUsers.append(user)
                try FileManager.default.createDirectory(atPath: home(of: user), withIntermediateDirectories: false)
                guard let entry = getpwnam(user) else { throw POSIXError(.ENOENT) }
                chown(home(of: user), entry.pointee.pw_uid, entry.pointee.pw_gid)
                chmod(home(of: user), 0o700)
            }
            for step in try readmeSteps() {
                let result = try step.user.map { try run(step.command, as: $0) } ?? Self.runAsRoot(step.command)
                try Self.expectSuccess(result, "README step \(step.command.joined(separator: " "))")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// The temporary folder when every folder above it lets other users through (o+x), else /tmp: the
    /// test accounts must reach the install inside it.
    static func traversableTemporaryDirectory() -> URL {
        let temporary = FileManager.default.temporaryDirectory.standardizedFileURL
        var folder = temporary
        while folder.path != "/" {
            guard let mode = mode(folder.path), mode & 0o001 != 0 else { return URL(fileURLWithPath: "/tmp") }
            folder.deleteLastPathComponent()
        }
        return temporary
    }

    /// Removes the accounts, the group and the folder (with the ledger and every file the test made).
    func close() {
        guard !closed else { return }
        closed = true
        // -f: even if a process of the user were still running (each run is waited for or killed).
        for user in madeUsers { _ = try? Self.runAsRoot(["userdel", "-f", user]) }
        if madeGroup { _ = try? Self.runAsRoot(["groupdel", group]) }
        try? FileManager.default.removeItem(at: root)
    }

    /// One command of the README's block: as root (`sudo …`) or as a user (`sudo -u USER …`).
    struct Step {
        let user: String?
        let command: [String]
    }

    /// The `sudo` lines of the ```sh block under "### A shared install", with the README's names
    /// replaced by this install's: the group `placemaking`, /srv/placemaking, /usr/local/bin, the
    /// release binary (the tests' debug build stands for it) and SOMEONE-IN-CHARGE (the staff login).
    func readmeSteps() throws -> [Step] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.hasPrefix("### A shared install") })
        let open = try #require(lines[heading...].firstIndex { $0.hasPrefix("```sh") })
        let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        let binary = try #require(TmuxSession.binary)
        return try lines[(open + 1)..<close].compactMap { line -> Step? in
            var words = try ShellTokenizer.split(line.trimmingCharacters(in: .whitespaces))
            guard words.first == "sudo" else { return nil }
            words.removeFirst()
            var user: String?
            if words.first == "-u", words.count > 2 {
                user = words[1] == "SOMEONE-IN-CHARGE" ? staff : words[1]
                words.removeFirst(2)
            }
            let command = words.enumerated().map { index, word -> String in
                switch word {
                case "placemaking": return index == 0 ? installed : group
                case ".build/release/placemaking": return binary
                case "/usr/local/bin/placemaking": return installed
                default:
                    return word.hasPrefix("/srv/placemaking") ? directory + word.dropFirst("/srv/placemaking".count) : word
                }
            }
            return Step(user: user, command: command)
        }
    }

    /// Runs the installed program as `user`: `--db LEDGER` (or `db`), then `arguments`.
    func placemaking(_ arguments: [String], as user: String, db: String? = nil, environment: [String: String] = [:],
                 input: String? = nil) throws -> Output {
        try run([installed] + ["--db", db ?? ledger] + arguments, as: user, environment: environment, input: input)
    }

    /// Runs `command` as `user`: real and effective user and group ids and the supplementary groups are
    /// the user's (`setpriv`, else `runuser`), so a set-group-id binary gains its group as it would for
    /// someone logged in. The working folder is the user's own.
    func run(_ command: [String], as user: String, environment: [String: String] = [:], input: String? = nil) throws -> Output {
        guard let entry = getpwnam(user) else { throw POSIXError(.ENOENT) }
        let (uid, gid) = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        let wrapped: [String]
        if let setpriv = Self.tool(named: "setpriv") {
            wrapped = [setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"] + command
        } else {
            wrapped = [try #require(Self.tool(named: "runuser")), "-u", user, "--"] + command
        }
        let folder = FileManager.default.fileExists(atPath: home(of: user)) ? home(of: user) : root.path
        return try Self.spawn(wrapped, environment: environment, folder: folder, input: input)
    }

    /// Runs `command` as root, the tools found on the system path.
    static func runAsRoot(_ command: [String]) throws -> Output {
        let resolved = [command[0].hasPrefix("/") ? command[0] : try #require(tool(named: command[0]), "no \(command[0])")]
            + command.dropFirst()
        return try spawn(resolved, environment: [:], folder: "/", input: nil)
    }

    static func expectSuccess(_ result: Output, _ what: String) throws {
        guard result.status == 0 else {
            Issue.record("\(what) failed (\(result.status)): \(result.said)")
            throw POSIXError(.EPERM)
        }
    }

    /// Starts `argv` with a plain environment (LANG, PATH and `environment`, nothing of the test's),
    /// feeds it `input`, collects what it prints, and waits; a child still running after 60 s is killed.
    static func spawn(_ argv: [String], environment: [String: String], folder: String, input: String?) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = ["LANG": "C.UTF-8", "PATH": searchPath.joined(separator: ":")].merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = OutputCollector(), errors = OutputCollector()
        process.standardOutput = output.pipe
        process.standardError = errors.pipe
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { if TmuxSession.isAlive(pid) { kill(pid, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        if let input {
            let data = Data(input.utf8)
            DispatchQueue.global().async {
                try? stdin.fileHandleForWriting.write(contentsOf: data)
                try? stdin.fileHandleForWriting.close()
            }
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: output.finish(), errors: errors.finish())
    }

    /// The mode bits of `path` (permissions with set-id bits), or nil when it cannot be read.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// The group name of `path`'s group.
    static func groupName(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, let entry = getgrgid(info.st_gid) else { return nil }
        return String(cString: entry.pointee.gr_name)
    }

    /// The login of `path`'s owner.
    static func ownerName(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, let entry = getpwuid(info.st_uid) else { return nil }
        return String(cString: entry.pointee.pw_name)
    }
}
