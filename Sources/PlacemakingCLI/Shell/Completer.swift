import PlacemakingKit

/// Decides what may come next at the cursor, from the grammar and the vocabulary: command words first,
/// then option names, then the values that fit the option before the cursor (agency names, statuses
/// valid for that record, ids with their titles, ministries, phases, formats).
struct Completer {
    var grammar: CommandGrammar = .root
    var vocabulary: Vocabulary

    /// Words the shell itself understands besides the commands.
    static let shellWords = ["help", "quit", "exit", "sql", ".tables", ".schema", ".mode", ".headers", ".timer", ".read",
                             ".output", ".once", ".as", ".ambiguous"]

    enum Result: Equatable {
        case words([String])
        /// Record ids, listed with their labels (`2  那瑪夏區`) when Tab is pressed twice.
        case records([String], labels: [String: String])
        /// Complete a file name (after `--out`, `.read`, `.output`, `.once`).
        case fileName
    }

    /// Candidates for `word`, the partial word at the cursor, given the text of the line before it.
    func complete(before line: String, word: String) -> Result {
        var words = (try? ShellTokenizer.split(line)) ?? line.split(separator: " ").map(String.init)
        if !word.isEmpty, words.last == word { words.removeLast() }
        guard let first = words.first else {
            return .words(filter((grammar.subcommands ?? []).map(\.commandName) + Self.shellWords, word))
        }
        if [".read", ".output", ".once"].contains(first) { return .fileName }
        if first == ".mode" { return .words(filter(OutputFormat.Style.allCases.map(\.rawValue), word)) }
        if first == ".headers" || first == ".timer" { return .words(filter(["on", "off"], word)) }
        if first == ".ambiguous" { return .words(filter(["wide", "narrow"], word)) }
        if first == ".as" { return .words(filter(agencyNames([.district, .bureau]), word)) }
        let (command, path) = grammar.resolve(first == "help" ? Array(words.dropFirst()) : words)
        let rest = Array(words.dropFirst(path.count + (first == "help" ? 1 : 0)))

        if let subcommands = command.subcommands, !subcommands.isEmpty, rest.isEmpty {
            return .words(filter(subcommands.map(\.commandName), word))
        }
        if let previous = rest.last, let option = command.option(previous), option.takesValue {
            if option.spelled == "--out" { return .fileName }
            return .words(filter(values(for: option.spelled, path: path), word))
        }
        if word.hasPrefix("-") {
            let used = Set(rest)
            return .words(filter(command.options.map(\.spelled).filter { !used.contains($0) }, word))
        }
        // A positional argument: which one is it?
        let positionalIndex = countPositionals(rest, in: command)
        if let noun = recordNoun(path: path, index: positionalIndex, rest: rest) {
            let records = (vocabulary.records[noun] ?? []).filter { String($0.id).hasPrefix(word) }
            return .records(records.map { String($0.id) }, labels: Dictionary(records.map { (String($0.id), $0.label) }) { a, _ in a })
        }
        return .words(filter(positionalValues(path: path, index: positionalIndex, rest: rest), word))
    }

    /// The noun whose record id is expected at this positional argument, if one is.
    private func recordNoun(path: [String], index: Int, rest: [String]) -> String? {
        guard let noun = path.first else { return nil }
        if noun == "history", index == 1 { return rest.first.flatMap(RecordKind.init(rawValue:))?.rawValue }
        if path.count == 2, index == 0, ["show", "edit", "status", "award"].contains(path[1]) { return noun }
        return nil
    }

    private func countPositionals(_ words: [String], in command: CommandGrammar) -> Int {
        var count = 0
        var skipNext = false
        for word in words {
            if skipNext { skipNext = false; continue }
            if let option = command.option(word) { skipNext = option.takesValue; continue }
            count += 1
        }
        return count
    }

    private func positionalValues(path: [String], index: Int, rest: [String]) -> [String] {
        guard let noun = path.first else { return [] }
        if noun == "history" || noun == "statuses" {
            let verbs = noun == "history" && path.count == 1 ? ["fix"] : []
            return index == 0 ? RecordKind.allCases.map(\.rawValue) + verbs : []
        }
        guard path.count == 2 else { return [] }
        switch (path[1], index) {
        case ("status", 1):
            // The statuses this record may move to.
            guard let kind = RecordKind(rawValue: noun), let id = rest.first.flatMap(Int64.init),
                  let current = vocabulary.records[noun]?.first(where: { $0.id == id })?.status else {
                return RecordKind(rawValue: noun).flatMap { vocabulary.statuses[$0] } ?? []
            }
            return vocabulary.transitions[kind]?[current] ?? []
        default: return []
        }
    }

    private func values(for option: String, path: [String]) -> [String] {
        OptionValue.of(option, noun: path.first).candidates(vocabulary, kind: path.first.flatMap(RecordKind.init(rawValue:)))
    }

    private func agencyNames(_ kinds: Set<AgencyKind>) -> [String] {
        vocabulary.agencies.filter { kinds.contains($0.kind) }.map(\.name)
    }

    private func ids(_ noun: String) -> [String] {
        (vocabulary.records[noun] ?? []).map { String($0.id) }
    }

    private func filter(_ candidates: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        let folded = prefix.replacingOccurrences(of: "臺", with: "台")
        return candidates.filter { candidate in
            (candidate.hasPrefix(prefix) || candidate.replacingOccurrences(of: "臺", with: "台").hasPrefix(folded)) && seen.insert(candidate).inserted
        }
    }
}
