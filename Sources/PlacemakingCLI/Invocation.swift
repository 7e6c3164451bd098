import Foundation
import PlacemakingKit

/// The global options that come before a command (`placemaking --db X plan list`), read by hand so
/// that the shell and the one-shot command line share the command grammar unchanged.
struct Invocation: Equatable {
    var databasePath: String
    var language: Language
    /// The commands of `-c`, in order (`-c A -c B` runs both).
    var commandTexts: [String] = []
    var bail = false
    var command: [String] = []
    var help = false
    var version = false
    /// The agency the user acts for (`--as 六龜區`).
    var actingAgency: String?

    static let defaultDatabase = "placemaking.sqlite"

    enum Problem: Error, Equatable { case missingValue(String), badLanguage(String) }

    init(arguments: [String], environment: [String: String]) throws {
        // Under set-group-id, $PLACEMAKING_DB outside the install's directory is ignored (--db is checked
        // by the caller and refused there, with a message).
        databasePath = environment["PLACEMAKING_DB"]
            .flatMap { $0.isEmpty || (SystemIdentity.isSetGroupID && !SystemIdentity.inInstallDirectory($0)) ? nil : $0 }
            ?? Self.defaultDatabase
        language = environment["PLACEMAKING_LANG"].flatMap(Language.init(code:)) ?? .chinese
        var rest = arguments[...]
        func value(_ option: String) throws -> String {
            guard let v = rest.popFirst() else { throw Problem.missingValue(option) }
            return v
        }
        while let word = rest.first, word.hasPrefix("-") {
            rest.removeFirst()
            let (name, inline) = word.contains("=") && word.hasPrefix("--")
                ? (String(word.prefix(while: { $0 != "=" })), String(word.drop(while: { $0 != "=" }).dropFirst()))
                : (word, nil)
            switch name {
            case "--db": databasePath = try inline ?? value(name)
            case "--lang":
                let code = try inline ?? value(name)
                guard let l = Language(code: code) else { throw Problem.badLanguage(code) }
                language = l
            case "-c", "--command": commandTexts.append(try inline ?? value(name))
            case "--bail": bail = true
            case "--as": actingAgency = try inline ?? value(name)
            case "-h", "--help": help = true
            case "--version", "-V": version = true
            default:
                // Not a global option: it belongs to the command grammar (it will say if it is wrong).
                rest.insert(word, at: rest.startIndex)
                command = Array(rest)
                return
            }
        }
        command = Array(rest)
    }
}
