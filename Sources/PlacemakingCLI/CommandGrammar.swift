import ArgumentParser
import Foundation

/// The command grammar as data: every command, its options and arguments with their help text, read
/// from swift-argument-parser's own description of `RootCommand`. Completion, the Chinese help and the
/// interactive forms all read this, so they can never disagree with what the parser accepts.
struct CommandGrammar: Decodable, Sendable {
    struct Name: Decodable, Sendable {
        let kind: String
        let name: String
        /// `--agency` or `-c`.
        var spelled: String { kind == "long" ? "--" + name : "-" + name }
    }

    struct Argument: Decodable, Sendable {
        let kind: String              // "option", "flag" or "positional"
        let names: [Name]?
        let preferredName: Name?
        let valueName: String?
        let abstract: String?
        let isOptional: Bool
        let defaultValue: String?

        var isHelp: Bool { names?.contains { $0.name == "help" } ?? false }
        /// `--agency` for options and flags; the value name for positionals.
        var spelled: String { preferredName?.spelled ?? valueName ?? "" }
        var takesValue: Bool { kind == "option" }
    }

    let commandName: String
    let abstract: String?
    let discussion: String?
    let arguments: [Argument]?
    let subcommands: [CommandGrammar]?

    /// The grammar of the whole program.
    static let root: CommandGrammar = {
        do {
            _ = try RootCommand.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let json = RootCommand.fullMessage(for: error)
            if let grammar = try? JSONDecoder().decode(Wrapper.self, from: Data(json.utf8)).command { return grammar }
        }
        return CommandGrammar(commandName: "placemaking", abstract: nil, discussion: nil, arguments: nil, subcommands: nil)
    }()

    private struct Wrapper: Decodable { let command: CommandGrammar }

    func subcommand(_ name: String) -> CommandGrammar? {
        subcommands?.first { $0.commandName == name }
    }

    /// Options and flags other than `--help`.
    var options: [Argument] { (arguments ?? []).filter { $0.kind != "positional" && !$0.isHelp } }
    var positionals: [Argument] { (arguments ?? []).filter { $0.kind == "positional" } }

    func option(_ spelled: String) -> Argument? {
        options.first { $0.names?.contains { $0.spelled == spelled } ?? false }
    }

    /// Walks `words` down the subcommands; returns the deepest command and how many words named it.
    func resolve(_ words: [String]) -> (command: CommandGrammar, path: [String]) {
        var command = self
        var path: [String] = []
        for word in words {
            guard let next = command.subcommand(word) else { break }
            command = next
            path.append(word)
        }
        return (command, path)
    }
}
