import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

@Suite("The shell")
struct ShellTests {
    @Test("words split like a POSIX shell, without executing anything")
    func tokenizer() throws {
        #expect(try ShellTokenizer.split("plan add --agency 六龜區 --title '山城 創生'") == ["plan", "add", "--agency", "六龜區", "--title", "山城 創生"])
        #expect(try ShellTokenizer.split(#"a "b \"c\" \n" d\ e"#) == ["a", #"b "c" \n"#, "d e"])
        #expect(try ShellTokenizer.split("  ") == [])
        #expect(try ShellTokenizer.split("a ''") == ["a", ""])
        #expect(try ShellTokenizer.split("$(rm -rf /) `x`") == ["$(rm", "-rf", "/)", "`x`"])
        #expect(throws: ShellTokenizer.Problem.unclosedQuote("'")) { try ShellTokenizer.split("a 'b") }
    }

    @Test("a script runs every line and exits non-zero when one failed; --bail stops at the first")
    func scripts() throws {
        let program = try ProgramRun()
        let script = """
            # a comment
            plan add --agency 六龜區 --title 第一案
            plan add --agency 不存在 --title 壞的

            plan add --agency 六龜區 --title '跨行的
            標題'
            plan add --agency 甲仙區 \\
              --title 續行
            """
        let result = program.run(["-c", script])
        #expect(result.status == 1)
        #expect(result.errors.contains("找不到機關「不存在」"))
        let titles = try program.json(["plan", "list"]).compactMap { $0["title"] as? String }
        #expect(titles == ["第一案", "跨行的\n標題", "續行"])

        let bailed = program.run(["--bail", "-c", "plan add --agency 不存在 --title x\nplan add --agency 六龜區 --title 不會執行"])
        #expect(bailed.status == 1)
        #expect(try program.json(["plan", "list"]).count == 9)
    }

    @Test("output is the same from the shell and as a one-shot command")
    func sameOutput() throws {
        let program = try ProgramRun()
        for command in ["plan list", "case list --year 111 --format csv", "plan show 1 --format json", "agency list"] {
            let oneShot = program.run(command.split(separator: " ").map(String.init))
            let shell = program.run(["-c", command])
            #expect(oneShot.output == shell.output)
            #expect(!oneShot.output.isEmpty)
        }
    }

    @Test("blank lines, lone semicolons, comments and help never fail")
    func harmlessLines() throws {
        let program = try ProgramRun()
        let result = program.run(["-c", "\n;\n   \n-- comment\nhelp\nhelp plan\nplan\nquit\nplan add --agency 六龜區 --title 不會執行"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("plan"))
        #expect(try program.json(["plan", "list"]).count == 6)
    }
}
