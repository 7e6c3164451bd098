import Foundation
import PlacemakingKit

/// What a command runs against: the open database, the console, and the settings of the session
/// (language, output mode, terminal width, acting agency). The shell keeps one for its whole life and
/// its dot commands change it; a one-shot command makes one.
public final class CommandContext: @unchecked Sendable {
    public private(set) var database: AppDatabase
    public let console: Console
    public var language: Language
    /// Terminal width to fit tables into, nil when output is not a terminal.
    public var terminalWidth: Int?
    /// Where the database file is, for the banner and the prompt.
    public let databasePath: String
    /// The output style when a command gives no `--format` (`.mode`).
    var defaultStyle: OutputFormat.Style = .table
    /// Whether tables and CSV print a header row (`.headers`).
    var headers = true
    /// Count East Asian ambiguous characters (─ ○ ① Greek Cyrillic) as two columns, as CJK terminal
    /// fonts often draw them (`.ambiguous wide`, or PLACEMAKING_AMBIGUOUS_WIDE=1).
    var ambiguousIsWide = ProcessEnvironment.value("PLACEMAKING_AMBIGUOUS_WIDE") == "1"
    /// The agency the user works for (`--as`, `.as`): shown in the prompt, offered first in forms,
    /// written with the user's name in the audit log, and the only agency whose records may be changed.
    private(set) var actingAgency: String?
    /// Seconds `sql` may run (PLACEMAKING_SQL_TIMEOUT, else 10).
    var sqlTimeout = AppDatabase.defaultQueryTimeout
    /// The error of the last command that failed, for the shell to offer what fits (a form whose
    /// record changed meanwhile starts again).
    var lastError: PlacemakingError?

    public init(database: AppDatabase, console: Console, language: Language = .chinese, terminalWidth: Int? = nil,
                databasePath: String = ":memory:") {
        self.database = database
        self.console = console
        self.language = language
        self.terminalWidth = terminalWidth
        self.databasePath = databasePath
    }

    /// Acts for `agency` (checked to exist; 研考會's staff only): later changes are logged as made by
    /// «login（agency）». Nil stops acting; a clerk then works for its own agency, as always.
    func act(for agency: String?) throws {
        guard let agency else {
            database = try database.acting(for: nil)
            actingAgency = try database.standing().agencyName
            return
        }
        let resolved = try database.agency(named: agency)
        // 研考會's own staff see and change everything: acting "for" it is no limit at all. Anyone else
        // claiming to act for 研考會 is refused, as for any agency not its own.
        if resolved.name == "研考會" {
            let standing = try database.standing()
            guard standing == .staff else {
                throw PlacemakingError.actingNotAllowed(login: database.login, ownAgency: standing.agencyName)
            }
            database = try database.acting(for: nil)
            actingAgency = nil
            return
        }
        database = try database.acting(for: resolved.id)
        actingAgency = resolved.name
    }

    /// The output format a command asked for, with the session's settings.
    func format(_ style: OutputFormat.Style?) -> OutputFormat {
        OutputFormat(style: style ?? defaultStyle, language: language, headers: headers,
                     maxWidth: console.isRedirected ? nil : terminalWidth, ambiguousIsWide: ambiguousIsWide)
    }

    func say(_ chinese: String, _ english: String) {
        console.write(language.pick(chinese, english) + "\n")
    }
}
