import Foundation
import PlacemakingKit

/// The program: reads the global options, opens the database, then runs one command, the commands of
/// `-c`, the lines of a non-terminal standard input, or the interactive shell.
public enum PlacemakingMain {
    /// `login` is who runs the program: the binary passes nothing, and the login of the real user id is
    /// read from the password database. Tests name a login here; no environment variable can.
    public static func run(arguments: [String], environment: [String: String] = ProcessEnvironment.all(),
                           console: Console = .standard(), login: String? = nil) -> Int32 {
        defer { console.flush() }
        Terminal.ensureUTF8Locale()
        // A reader that goes away (`| head`, a pager that quit) gives EPIPE on write, handled where written.
        signal(SIGPIPE, SIG_IGN)
        let invocation: Invocation
        do {
            invocation = try Invocation(arguments: arguments, environment: environment)
        } catch Invocation.Problem.missingValue(let option) {
            console.writeError("用法錯誤：\(option) 後面需要一個值，例如 \(option == "--db" ? "--db data.sqlite" : "\(option) ...")\n")
            return ExitStatus.usage.rawValue
        } catch {
            console.writeError("用法錯誤：--lang 只接受 zh 或 en\n")
            return ExitStatus.usage.rawValue
        }
        if invocation.version {
            console.write("placemaking \(PlacemakingVersion.current), schema \(AppDatabase.schemaVersion)\n")
            return ExitStatus.success.rawValue
        }
        // Help needs no database: asking for it never creates a file.
        if invocation.help || (invocation.commandTexts.isEmpty && CommandRunner.isHelpRequest(invocation.command)) {
            let path = invocation.help ? [] : invocation.command
            let width = isatty(STDOUT_FILENO) == 1 ? Terminal.columns() : environment["COLUMNS"].flatMap(Int.init)
            return CommandRunner.writeHelp(path, language: invocation.language, console: console, width: width).rawValue
        }

        // A one-shot command is parsed once, before the database is opened: one the grammar refuses
        // is answered without creating a file.
        var oneShot: CommandRunner.Parsed?
        if invocation.commandTexts.isEmpty, !invocation.command.isEmpty {
            let parsed = CommandRunner.parse(invocation.command, acting: invocation.actingAgency, language: invocation.language)
            if case .usageError(let problem) = parsed {
                console.writeError(problem + "\n")
                return ExitStatus.usage.rawValue
            }
            oneShot = parsed
        }
        if SystemIdentity.isSetGroupID {
            // A shared install: files it creates are the group's to read and write (0660), never the world's.
            umask(0o007)
            guard SystemIdentity.inInstallDirectory(invocation.databasePath) else {
                console.writeError(invocation.language.pick(
                    "錯誤：共用安裝的程式只開啟安裝目錄中的資料庫（目錄須屬於程式的群組）；請用 --db 指定該目錄中的檔案\n",
                    "error: the shared install opens only ledgers in its directory (owned by the program's group); give --db a file there\n"))
                return ExitStatus.failure.rawValue
            }
        }
        let database: AppDatabase
        do {
            // A new ledger is created 0600, or 0660 under set-group-id (`LedgerPath.createPrivately`).
            database = try AppDatabase.open(path: invocation.databasePath, login: login ?? SystemIdentity.currentLogin)
        } catch let error as PlacemakingError {
            console.writeError(invocation.language.pick("錯誤：", "error: ") + error.message(invocation.language) + "\n")
            return ExitStatus.failure.rawValue
        } catch {
            console.writeError(invocation.language.pick("無法開啟資料庫 \(invocation.databasePath)：\(error)\n",
                                                        "cannot open the database \(invocation.databasePath): \(error)\n"))
            return ExitStatus.failure.rawValue
        }
        let interactive = isatty(STDIN_FILENO) == 1
        let context = CommandContext(database: database, console: console, language: invocation.language,
                                     terminalWidth: isatty(STDOUT_FILENO) == 1 ? Terminal.columns() : environment["COLUMNS"].flatMap(Int.init).map { max(20, $0) },
                                     databasePath: invocation.databasePath)
        context.sqlTimeout = AppDatabase.queryTimeout(in: environment)
        // Also without --as: a clerk works for its agency from the start (prompt, default --agency).
        do { try context.act(for: invocation.actingAgency) } catch let error as PlacemakingError {
            console.writeError(invocation.language.pick("錯誤：", "error: ") + error.message(invocation.language) + "\n")
            return ExitStatus.failure.rawValue
        } catch {
            console.writeError("\(error)\n")
            return ExitStatus.failure.rawValue
        }
        let runner = CommandRunner(context: context)

        if !invocation.commandTexts.isEmpty {
            let shell = Shell(runner: runner, bail: invocation.bail)
            var worst = ExitStatus.success
            for text in invocation.commandTexts {
                let status = shell.runScript(text)
                if status.rawValue > worst.rawValue { worst = status }
                if invocation.bail, status != .success { break }
            }
            return worst.rawValue
        }
        if let oneShot {
            return runner.run(invocation.command, parsed: oneShot).rawValue
        }
        let shell = Shell(runner: runner, bail: invocation.bail)
        if interactive { return shell.runInteractive().rawValue }
        do {
            return shell.runScript(try readAllStandardInput()).rawValue
        } catch {
            console.writeError(invocation.language.pick("錯誤：", "error: ") + error.message(invocation.language) + "\n")
            return ExitStatus.failure.rawValue
        }
    }

    private static func readAllStandardInput() throws(PlacemakingError) -> String {
        try ScriptText.decode(FileHandle.standardInput.readDataToEndOfFile())
    }
}
