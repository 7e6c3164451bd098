import Foundation
import PlacemakingKit

/// What a command runs against: the open database, the console, and the settings of the session
/// (language, terminal width). The shell keeps one for its whole life; a one-shot command makes one.
public final class CommandContext: @unchecked Sendable {
    public let database: AppDatabase
    public let console: Console
    public var language: Language
    /// Terminal width to fit tables into, nil when output is not a terminal.
    public var terminalWidth: Int?
    /// Where the database file is, for the banner and the prompt.
    public let databasePath: String

    public init(database: AppDatabase, console: Console, language: Language = .chinese, terminalWidth: Int? = nil,
                databasePath: String = ":memory:") {
        self.database = database
        self.console = console
        self.language = language
        self.terminalWidth = terminalWidth
        self.databasePath = databasePath
    }

    /// The output format a command asked for, with the session's settings.
    func format(_ style: OutputFormat.Style) -> OutputFormat {
        OutputFormat(style: style, language: language, maxWidth: terminalWidth)
    }

    func say(_ chinese: String, _ english: String) {
        console.write(language.pick(chinese, english) + "\n")
    }
}
