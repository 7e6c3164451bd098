import ArgumentParser

/// A command that runs against an open database. The one-shot command line and the shell parse the
/// same command types and call this, so every command behaves the same in both places.
protocol RunnableCommand: ParsableCommand {
    func run(in context: CommandContext) throws
}
