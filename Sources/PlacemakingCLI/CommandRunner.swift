import ArgumentParser
import Foundation
import PlacemakingKit

/// Exit statuses: 0 success, 1 the command failed (bad input, refused change), 2 usage error.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 2
}

/// Parses one command's words with the shared grammar and runs it, turning every error into a message
/// and an exit status. Nothing a user types can crash it.
public struct CommandRunner {
    public let context: CommandContext

    public init(context: CommandContext) { self.context = context }

    /// What the grammar makes of a command's words: the command, or the message to print instead.
    enum Parsed {
        case command(ParsableCommand)
        /// The parser's own output that ends the command successfully (`--help` in English).
        case message(String)
        case usageError(String)
    }

    /// Parses `arguments` as typed (full-width option names folded; an acting agency as the default
    /// `--agency` of an add).
    static func parse(_ arguments: [String], acting: String?, language: Language) -> Parsed {
        let words = withActingAgency(foldedOptionNames(arguments), acting: acting)
        // The command the first words name is parsed on its own: parsing from the root costs twice as
        // much (a script's 1,000 adds spent half their time there). Anything but a clean parse goes the
        // whole way below, so help and every message come out as the full grammar gives them.
        if let leaf = leafCommand(words), let command = try? leaf.type.parseAsRoot(Array(words.dropFirst(leaf.depth))) {
            return .command(command)
        }
        do {
            return .command(try RootCommand.parseAsRoot(words))
        } catch {
            if RootCommand.exitCode(for: error) == .success { return .message(RootCommand.fullMessage(for: error)) }
            return .usageError(UsageMessage.explain(RootCommand.message(for: error), arguments: arguments, language: language))
        }
    }

    /// The command without subcommands that the first words name (`plan add` → `PlanCommand.Add`),
    /// with how many words named it; nil when the words stop at a group or name nothing.
    static func leafCommand(_ words: [String]) -> (type: ParsableCommand.Type, depth: Int)? {
        var type: ParsableCommand.Type = RootCommand.self
        var depth = 0
        while depth < words.count,
              let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == words[depth] }) {
            type = next
            depth += 1
        }
        guard depth > 0, type.configuration.subcommands.isEmpty else { return nil }
        return (type, depth)
    }

    @discardableResult
    public func run(_ arguments: [String]) -> ExitStatus {
        if Self.isHelpRequest(arguments) {
            return Self.writeHelp(arguments, language: context.language, console: context.console, width: context.terminalWidth)
        }
        return run(arguments, parsed: Self.parse(arguments, acting: context.actingAgency, language: context.language))
    }

    /// Runs words already parsed (a one-shot command is parsed before the database is opened).
    func run(_ arguments: [String], parsed: Parsed) -> ExitStatus {
        defer { context.console.flush() }
        let command: ParsableCommand
        switch parsed {
        case .command(let parsedCommand): command = parsedCommand
        case .message(let text):
            context.console.write(text + "\n")
            return .success
        case .usageError(let text):
            context.console.writeError(text + "\n")
            return .usage
        }
        guard let runnable = command as? RunnableCommand else {
            // A command group without a verb (`plan`): show what it offers.
            context.console.write(HelpText.render(arguments, language: context.language, width: context.terminalWidth) + "\n")
            return .success
        }
        context.lastError = nil
        do {
            try runnable.run(in: context)
            return .success
        } catch let error as PlacemakingError {
            context.lastError = error
            context.console.writeError(context.language.pick("錯誤：", "error: ") + error.message(context.language) + "\n")
        } catch {
            context.console.writeError(context.language.pick("錯誤：", "error: ") + "\(error)\n")
        }
        return .failure
    }

    /// Acting for an agency, the agency a new record needs is that agency unless another is typed
    /// (`--as 六龜區 plan add --title …`); the scope check still refuses another agency.
    static func withActingAgency(_ arguments: [String], acting: String?) -> [String] {
        guard let acting, !arguments.contains("--agency"),
              let option = CommandGrammar.root.resolve(arguments).command.option("--agency"), !option.isOptional else { return arguments }
        return arguments + ["--agency", acting]
    }

    /// Option names as a Chinese input method may type them: full-width `－－ａｇｅｎｃｙ` or a dash that
    /// an editor turned into `—agency` become `--agency`. Values are left as they are.
    static func foldedOptionNames(_ arguments: [String]) -> [String] {
        arguments.map { word in
            let dashes: Set<Character> = ["－", "—", "–", "―"]
            guard let first = word.first, dashes.contains(first) else { return word }
            let name = word.drop { dashes.contains($0) || $0 == "-" }
            let folded = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
            }))
            guard !folded.isEmpty, folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return word }
            return "--" + folded
        }
    }

    /// Whether the words ask for help: `help plan add`, `plan add --help`, `? plan`.
    static func isHelpRequest(_ arguments: [String]) -> Bool { helpPath(arguments) != nil }

    /// Writes the help of the command the words name, from the grammar (no database needed). A path
    /// that names no command says so, with the nearest command, and fails.
    static func writeHelp(_ arguments: [String], language: Language, console: Console, width: Int? = nil) -> ExitStatus {
        defer { console.flush() }
        let path = helpPath(arguments) ?? []
        let resolved = CommandGrammar.root.resolve(path)
        // Words after a command that has no subcommands are its arguments (`plan edit 1 --help`).
        let isLeaf = resolved.command.subcommands?.isEmpty ?? true
        if resolved.path.count < path.count, !path[resolved.path.count].hasPrefix("-"), !(isLeaf && !resolved.path.isEmpty) {
            console.writeError(UsageMessage.unknownCommand(path, resolvedCount: resolved.path.count, language: language) + "\n")
            return .usage
        }
        console.write(HelpText.render(resolved.path, language: language, width: width) + "\n")
        return .success
    }

    /// The command path whose help was asked for: `help plan add` or `plan add --help`; nil otherwise.
    private static func helpPath(_ arguments: [String]) -> [String]? {
        if arguments.first == "help" || arguments.first == "?" { return Array(arguments.dropFirst()) }
        if let index = arguments.firstIndex(where: { $0 == "--help" || $0 == "-h" }) { return Array(arguments[..<index]) }
        return nil
    }
}


extension CommandConfiguration {
    /// The configuration of a command without subcommands, which `CommandRunner.parse` parses on its own
    /// (as the root of its words). Naming the program as its super command makes ArgumentParser skip its
    /// `--generate-completion-script` probe there: two throwaway parses per command, a tenth of each
    /// scripted add. Help, messages and that flag still come from the full grammar, parsed from the real
    /// root, which names no super command.
    var parsedAlone: CommandConfiguration {
        var configuration = self
        configuration._superCommandName = "placemaking"
        return configuration
    }
}
