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
        let command: ParsableCommand
        do {
            command = try RootCommand.parseAsRoot(arguments)
        } catch {
            let code = RootCommand.exitCode(for: error)
            let message = RootCommand.fullMessage(for: error)
            if code == .success {
                context.console.write(message + "\n")
                return .success
            }
            context.console.writeError(usageMessage(message, arguments: arguments) + "\n")
            return .usage
        }
        guard let runnable = command as? RunnableCommand else {
            // A command group without a verb (`plan`): show what it offers.
            context.console.write(RootCommand.helpMessage(for: type(of: command)) + "\n")
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

    private func usageMessage(_ message: String, arguments: [String]) -> String {
        let hint = context.language.pick("（輸入 help 或 --help 查看用法）", "(type help or --help for usage)")
        return context.language.pick("用法錯誤：", "usage error: ") + message + "\n" + hint
    }
}
