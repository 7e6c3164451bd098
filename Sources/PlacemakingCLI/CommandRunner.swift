import ArgumentParser
import Foundation
import GRDB
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

    @discardableResult
    public func run(_ arguments: [String]) -> ExitStatus {
        // Help in Chinese comes from the grammar; English help is the parser's own.
        if context.language == .chinese, let path = helpPath(arguments) {
            context.console.write(HelpText.render(path, language: context.language) + "\n")
            return .success
        }
        let command: ParsableCommand
        do {
            command = try RootCommand.parseAsRoot(arguments)
        } catch {
            if RootCommand.exitCode(for: error) == .success {
                context.console.write(RootCommand.fullMessage(for: error) + "\n")
                return .success
            }
            context.console.writeError(UsageMessage.explain(RootCommand.message(for: error), arguments: arguments,
                                                            language: context.language) + "\n")
            return .usage
        }
        guard let runnable = command as? RunnableCommand else {
            // A command group without a verb (`plan`): show what it offers.
            context.console.write(HelpText.render(arguments, language: context.language) + "\n")
            return .success
        }
        do {
            try runnable.run(in: context)
            return .success
        } catch let error as PlacemakingError {
            context.console.writeError(context.language.pick("錯誤：", "error: ") + error.message(context.language) + "\n")
        } catch let error as DatabaseError {
            context.console.writeError(context.language.pick("資料庫錯誤：", "database error: ") + (error.message ?? "\(error)") + "\n")
        } catch {
            context.console.writeError(context.language.pick("錯誤：", "error: ") + "\(error)\n")
        }
        return .failure
    }

    /// The command path whose help was asked for: `help plan add` or `plan add --help`; nil otherwise.
    private func helpPath(_ arguments: [String]) -> [String]? {
        if arguments.first == "help" { return Array(arguments.dropFirst()) }
        if let index = arguments.firstIndex(where: { $0 == "--help" || $0 == "-h" }) { return Array(arguments[..<index]) }
        return nil
    }
}
