import Foundation
import Testing
import PlacemakingKit

/// `summary --format json` is written as the ledger is read (issue 11): the same bytes as the summary
/// value's JSON, in memory that does not grow with the ledger.
@Suite("The summary, written as it is read")
struct SummaryStreamingTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("the JSON written from the database is the summary's JSON, byte for byte, on records of every kind and on several days")
    func sameBytes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        try SyntheticLedger.make(at: path, plans: 600)
        let database = try AppDatabase.open(path: path)
        for (year, asOf) in [(111, "111/03/31"), (111, "111/06/30"), (111, nil), (110, nil), (112, "112/02/01")] {
            let day = try asOf.map { try ROCDate.parse($0) }
            var streamed = ""
            try database.writeSummaryJSON(year: year, asOf: day, to: &streamed)
            #expect(streamed == (try database.programmeSummary(year: year, asOf: day)).json, "\(year) \(asOf ?? "")")
        }
        // The records cover what the figures distinguish, so the comparison means something.
        let s = try database.programmeSummary(year: 111)
        #expect(s.plans.matched.count > 300 && s.plans.matched.contains { $0.matchedOnOrBefore } && s.plans.matched.contains { $0.title == nil })
        #expect(s.plans.byPhase.first { $0.phase == .withdrawn }?.count ?? 0 > 0)
        #expect(s.plans.matchesByMinistry.contains { $0.ministry == "農委會" })
        #expect(s.proposals.submitted.contains { $0.submittedOnOrBefore })
        #expect(s.visits.visits.contains { $0.visitedOn == nil } && s.visits.visits.contains { $0.partner == "南區輔導中心" })
        #expect(s.subsidies.applications.contains { !$0.awarded && $0.status == "撤案" } && s.subsidies.approvedCount > 10)
        #expect(s.cases.byAgency.last?.agency == nil && s.cases.subsidized > 0 && s.cases.subsidized < s.cases.total)

        // The command writes the same bytes to the screen and, with --out, to a file.
        let program = ProgramRun(existing: path)
        let shown = program.run(["summary", "--year", "111", "--format", "json"])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output == s.json)
        let file = folder.appendingPathComponent("summary-111.json").path
        let written = program.run(["summary", "--year", "111", "--format", "json", "--out", file])
        #expect(written.output.contains("已寫入") && written.output.contains("截至 111/12/31"), "\(written.output) \(written.errors)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == s.json)
    }

    /// A program that held the summary's records, as values or as the text it writes, needs at least the
    /// output's size more memory when the output grows; one that writes each record as it reads it needs
    /// only what SQLite's bounded caches and temporary tables take. From 5,000 to 50,000 plans with long
    /// titles the output grows by about 40 MB: the peak memory may grow by less than a third of that.
    /// (Measured: 3.4 MB here; the program before, which held them, grew by 220 MB and fails this.)
    @Test("summary --format json holds no records: from 5,000 to 50,000 plans its peak memory grows by less than a third of its output",
          .enabled(if: TmuxSession.binary != nil, "needs the placemaking binary built beside the tests"))
    func flatMemory() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [(peak: Int, bytes: Int)] = []
        for plans in [5_000, 50_000] {
            let path = folder.appendingPathComponent("ledger-\(plans).sqlite").path
            try SyntheticLedger.make(at: path, plans: plans, titleLength: 300)
            let output = folder.appendingPathComponent("summary-\(plans).json").path
            let run = try Self.peakMemory(["--db", path, "summary", "--year", "111", "--format", "json"], output: output)
            #expect(run.status == 0)
            let bytes = try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int ?? 0
            runs.append((run.peakKB * 1024, bytes))
        }
        let outputGrowth = runs[1].bytes - runs[0].bytes
        let memoryGrowth = runs[1].peak - runs[0].peak
        #expect(outputGrowth > 30_000_000, "output \(runs[0].bytes) → \(runs[1].bytes) bytes")
        #expect(runs[0].peak > 0 && memoryGrowth < outputGrowth / 3,
                "peak \(runs[0].peak) → \(runs[1].peak) bytes for output \(runs[0].bytes) → \(runs[1].bytes)")
    }

    /// Runs the binary with standard output to `output`, and returns its exit status and peak resident
    /// memory (kB): its `VmHWM`, read every 2 ms until it exits. Not `wait4`'s or
    /// `getrusage(RUSAGE_CHILDREN)`'s maximum: Linux counts in it the memory of the process that
    /// spawned the child (this test runner) as it was at the `exec`.
    static func peakMemory(_ arguments: [String], output: String) throws -> (status: Int32, peakKB: Int) {
        let argv = [TmuxSession.binary ?? "/nonexistent"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ) == 0 else { throw POSIXError(.ENOENT) }
        var peak = 0
        var status: Int32 = 0
        while true {
            // Read before asking whether it ended: the last reading is then at most 2 ms before the end.
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kB = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) }) {
                peak = max(peak, kB)
            }
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid || (ended == -1 && errno != EINTR) { break }
            usleep(2_000)
        }
        return ((status >> 8) & 0xFF, peak)
    }
}
