import Foundation
import GRDB
import Testing
@testable import PlacemakingCLI
@testable import PlacemakingKit

/// Mutated input for the shell tokenizer and for whole commands against a real ledger file. Each run
/// must end with a result (never a trap), and a command that fails must change nothing. Seeded, so a
/// failure reproduces.
@Suite("Command fuzzing")
struct CommandFuzzTests {
    /// Pieces lines are made of: the shell's own syntax, CJK and full-width text, and what breaks naive code.
    static let fragments: [String] = ["'", "\"", "\\", "#", " ", "\t", "\n", "\u{3000}", "\\\n", "''", "\"\"", "\\\"", "\\'",
                                      "plan", "add", "--agency", "六龜區", "創生", "111/06/30", "500萬", "-", "--", "=",
                                      "\u{0}", "\u{1B}", "\u{7F}", "\u{FFFD}", "\u{0301}", "\u{200D}", "👩‍👩‍👧", "a", "1", "，", "＃"]

    @Test("the shell tokenizer: 100,000 mutated lines split or say which quote is open, and words round-trip")
    func tokenizer() {
        var random = FuzzRandom(seed: 0x70C_E41E)
        var split = 0
        for _ in 0..<100_000 {
            let line = (0..<random.next(below: 16)).map { _ in Self.fragments[random.next(below: Self.fragments.count)] }.joined()
            do {
                let words = try ShellTokenizer.split(line)
                split += 1
                // Quoting every word again gives the same words back.
                let quoted = words.map(Self.singleQuoted).joined(separator: " ")
                #expect((try? ShellTokenizer.split(quoted)) == words, "\(line.debugDescription) → \(words)")
            } catch ShellTokenizer.Problem.unclosedQuote(let quote) {
                #expect(quote == "'" || quote == "\"")
            } catch {
                Issue.record("\(line.debugDescription): \(error)")
            }
        }
        #expect(split > 10_000)
    }

    @Test("a combining mark or a joiner after a quote, a space or a backslash does not hide it")
    func combiningMarks() throws {
        #expect(try ShellTokenizer.split("'\u{0301}x' y") == ["\u{0301}x", "y"])
        #expect(try ShellTokenizer.split("a \u{0301}b") == ["a", "\u{0301}b"])
        #expect(try ShellTokenizer.split("\\'\u{200D}") == ["'\u{200D}"])
        #expect(throws: ShellTokenizer.Problem.unclosedQuote("\"")) { try ShellTokenizer.split("\"\u{0301}") }
    }

    /// `word` in single quotes, a quote in it written '\'' (scalar by scalar: a quote followed by a
    /// combining mark is still a quote).
    static func singleQuoted(_ word: String) -> String {
        var quoted = String.UnicodeScalarView("'".unicodeScalars)
        for scalar in word.unicodeScalars {
            if scalar == "'" { quoted.append(contentsOf: "'\\''".unicodeScalars) } else { quoted.append(scalar) }
        }
        quoted.append("'")
        return String(quoted)
    }

    /// Real commands (no `--out`, `sql`, `backup` or `restore`, which would write files or run long, and
    /// no `check`, which builds a reference ledger each time).
    static let commands: [[String]] = [
        ["plan", "list"], ["plan", "list", "--year", "111", "--phase", "approved", "--format", "json"],
        ["plan", "list", "--phase", "approved", "--as-of", "111/06/30"], ["plan", "show", "1"],
        ["plan", "add", "--agency", "六龜區", "--title", "六龜山城創生", "--submitted", "112/03/15", "--budget", "1,968萬"],
        ["plan", "status", "7", "輔導中", "--on", "112/04/01", "--note", "南區輔導中心協助"],
        ["plan", "edit", "7", "--budget", "2,000萬"],
        ["match", "add", "--plan", "1", "--ministry", "經濟部", "--subsidy", "1,245萬", "--investment", "723萬", "--on", "111/05/20"],
        ["proposal", "add", "--plan", "1", "--title", "山城旅宿整備", "--submitted", "112/05/02"],
        ["visit", "add", "--agency", "燕巢區", "--partner", "南區輔導中心", "--on", "112/08/10", "--purpose", "計畫提報"],
        ["subsidy", "add", "--agency", "都發局", "--title", "空間整備", "--year", "112", "--round", "1", "--requested", "800萬"],
        ["subsidy", "award", "1", "--on", "111/06/30"], ["case", "list", "--year", "111", "--subsidized", "yes"],
        ["case", "status", "3", "撤案"], ["event", "status", "1", "已排定", "--on", "111/09/01"],
        ["agency", "list", "--kind", "district"], ["agency", "show", "六龜區"], ["statuses", "plan"], ["history", "plan", "1"],
        ["history", "fix", "plan", "1", "1", "--on", "111/06/29"], ["audit", "--table", "plan", "--id", "1"],
        ["summary", "--year", "111", "--as-of", "111/06/30", "--format", "report"],
    ]

    /// Words that mutations put in: flags, numbers at the edges, dates, amounts, names, and odd text.
    static let words: [String] = ["--agency", "--title", "--on", "--budget", "--format", "--year", "--phase", "--amount", "--as-of",
                                  "--wide", "--columns", "--note", "--limit", "--", "-", "-h", "--help", "--format=json", "--on=",
                                  "0", "-1", "9223372036854775807", "99999999999999999999", "1.5", "111/02/29", "0000/00/00",
                                  "1兆", "37.8億", "-5", "海洋局", "臺北區", "核定補助", "執行中", "json", "csv", "box", "",
                                  " ", "\u{0}", "\u{1B}[2J", "\n", "'", "\"", "\u{FFFD}", String(repeating: "長", count: 300), "plan", "list"]

    /// Answers that name an agency or a status are looked up in the ledger, and a miss ranks every
    /// agency's names for suggestions (milliseconds in a debug build): one run in 100 asks those, the
    /// rest the parsers of dates, amounts, years, ids and yes/no.
    @Test("form answers: 100,000 mutated answers to the options of every add form are taken in the command's form or refused with a message, and nothing is written")
    func formAnswers() throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let database = try AppDatabase.open(path: program.path, login: "tester")
        let before = try Self.rowCounts(database)
        let forms: [(path: [String], options: [CommandGrammar.Argument])] = ["plan", "proposal", "visit", "subsidy", "case", "match", "event"].compactMap { noun in
            guard let add = CommandGrammar.root.subcommand(noun)?.subcommand("add") else { return nil }
            return ([noun, "add"], add.options.filter { $0.takesValue })
        }
        #expect(forms.count == 7)
        // Answers of every kind the forms ask for, to be mutated.
        let answers = ["111/06/30", "1110630", "112年3月15日", "2023-03-15", "1,968萬", "37.8億", "500", "112", "民國111年", "六龜區",
                       "高雄市六龜區公所", "經濟部", "南區輔導中心", "構想盤點", "輔導中", "核定補助", "7", "1", "yes", "否", "山城創生",
                       "地方創生公有建築空間整備活化補助"]
        var random = FuzzRandom(seed: 0xF0_2A45)
        var accepted = 0, refused = 0
        for run in 0..<100_000 {
            let form = forms[run % forms.count]
            let looksUp: Set<String> = ["--agency", "--partner", "--ministry", "--organiser", "--status"]
            let lookups = form.options.filter { looksUp.contains($0.spelled) }
            let parsed = form.options.filter { !looksUp.contains($0.spelled) }
            let pool = run % 100 == 0 || parsed.isEmpty ? lookups : parsed
            let option = pool[random.next(below: pool.count)]
            var answer = Array(answers[random.next(below: answers.count)].unicodeScalars)
            for _ in 0..<random.next(below: 3) {
                let fragment = Array(Self.fragments[random.next(below: Self.fragments.count)].unicodeScalars)
                switch random.next(below: 3) {
                case 0 where !answer.isEmpty: answer.remove(at: random.next(below: answer.count))
                case 1: answer.insert(contentsOf: fragment, at: random.next(below: answer.count + 1))
                default: if !answer.isEmpty { answer.replaceSubrange(random.next(below: answer.count)..<answer.count, with: fragment) }
                }
            }
            let text = String(String.UnicodeScalarView(answer))
            let context = CommandContext(database: database, console: Console.capturing(), language: run % 4 == 0 ? .english : .chinese)
            do {
                _ = try FormAnswerCheck(path: form.path, context: context).validate(text, for: option)
                accepted += 1
            } catch let error as PlacemakingError {
                #expect(!error.message(context.language).isEmpty)
                refused += 1
            } catch {
                Issue.record("\(form.path) \(option.spelled) \(text.debugDescription): \(error)")
            }
        }
        #expect(accepted > 10_000 && refused > 10_000, "accepted \(accepted), refused \(refused)")
        #expect(try Self.rowCounts(database) == before)
    }

    @Test("whole commands: 400 (PLACEMAKING_FUZZ_RUNS) mutated command lines on a ledger file each end with a status, and failures write nothing")
    func commands() throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let database = try AppDatabase.open(path: program.path, login: "tester")
        var random = FuzzRandom(seed: 0xC0_44A2D)
        var outcomes: [PlacemakingCLI.ExitStatus: Int] = [:]
        var before = try Self.rowCounts(database)
        for _ in 0..<Self.commandRuns {
            let arguments = Self.mutate(Self.commands[random.next(below: Self.commands.count)], &random)
            let console = Console.capturing()
            let context = CommandContext(database: database, console: console, language: random.next(below: 4) == 0 ? .english : .chinese)
            context.sqlTimeout = 1
            let status = CommandRunner(context: context).run(arguments)
            outcomes[status, default: 0] += 1
            let after = try Self.rowCounts(database)
            if status != .success {
                #expect(after == before, "\(arguments) failed (\(status)) but changed the file: \(console.errors)")
                #expect(!console.errors.isEmpty, "\(arguments) failed without a message")
            }
            before = after
        }
        #expect(try database.check().isEmpty)
        // The mutations reach success, refusals and usage errors alike.
        #expect(outcomes[.success, default: 0] > Self.commandRuns / 20, "\(outcomes)")
        #expect(outcomes[.failure, default: 0] > Self.commandRuns / 20, "\(outcomes)")
        #expect(outcomes[.usage, default: 0] > Self.commandRuns / 20, "\(outcomes)")
    }

    /// Runs of `commands()`: in a debug build ArgumentParser validates the whole command tree at every
    /// parse (about 20 ms a command), so 400 fit the ~10 s a test may take; PLACEMAKING_FUZZ_RUNS asks
    /// for more (a release build, without that validation, is much faster).
    static let commandRuns = ProcessInfo.processInfo.environment["PLACEMAKING_FUZZ_RUNS"].flatMap(Int.init).map { max($0, 100) } ?? 400

    /// Up to three changes to a real command: a value replaced by an odd one (half of all changes, so
    /// that many commands still parse and reach the rules), a word dropped, repeated, replaced, cut, or
    /// spliced with odd text.
    static func mutate(_ command: [String], _ random: inout FuzzRandom) -> [String] {
        var words = command
        for _ in 0..<random.next(below: 4) {
            let values = words.indices.filter { $0 >= 2 && !words[$0].hasPrefix("-") }
            if random.next(below: 2) == 0, !values.isEmpty {
                words[values[random.next(below: values.count)]] = Self.words[random.next(below: Self.words.count)]
                continue
            }
            let index = words.isEmpty ? 0 : random.next(below: words.count)
            switch random.next(below: 7) {
            case 0 where !words.isEmpty: words.remove(at: index)
            case 1 where !words.isEmpty: words.insert(words[index], at: index)
            case 2: words.insert(words[random.next(below: max(words.count, 1))...].first ?? "", at: index)
            case 3 where !words.isEmpty: words[index] = Self.words[random.next(below: Self.words.count)]
            case 4 where !words.isEmpty: words[index] = String(words[index].prefix(random.next(below: words[index].count + 1)))
            case 5 where !words.isEmpty: words[index] += Self.fragments[random.next(below: Self.fragments.count)]
            default: words.insert(Self.words[random.next(below: Self.words.count)], at: min(index + 1, words.count))
            }
        }
        return words
    }

    /// The number of rows of every table, plus the last audit entry: what any committed write changes.
    static func rowCounts(_ database: AppDatabase) throws -> [Int] {
        let tables = ["plan", "plan_match", "business_proposal", "counseling_visit", "subsidy_application", "participation_case",
                      "event", "agency", "agency_name", "call_round", "status_history", "audit_log"]
        let sql = "SELECT " + tables.map { "(SELECT count(*) FROM \($0))" }.joined(separator: ", ")
            + ", (SELECT coalesce(max(id), 0) FROM audit_log)"
        return try database.read { db in
            guard let row = try Row.fetchOne(db, sql: sql) else { return [] }
            return (0..<row.count).map { row[$0] as Int }
        }
    }
}

/// A seeded pseudo-random generator (SplitMix64), so every fuzz run is the same run.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
