import Foundation
import PackagePlugin

/// Compiles the schema migrations and the seed scripts into `PlacemakingKit` as Swift string literals,
/// so the installed binary needs no resource bundle. The `.sql` files stay the source: the build
/// regenerates the literals whenever one of them changes.
@main
struct EmbedSQLPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = [
            ("migrations", root.appending(path: "Sources/PlacemakingKit/Database/Migrations")),
            ("seeds", root.appending(path: "seeds/sql")),
        ]
        var inputs: [URL] = []
        var arguments: [String] = []
        for (group, folder) in folders {
            let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "sql" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            inputs += files
            arguments += files.map { "\(group)=\($0.path)" }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) SQL files",
            executable: try context.tool(named: "EmbedSQLTool").url,
            arguments: [output.path] + arguments,
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
