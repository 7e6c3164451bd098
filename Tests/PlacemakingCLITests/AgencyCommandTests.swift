import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

@Suite("agency add, edit and show on the command line")
struct AgencyCommandTests {
    @Test("研考會 adds and renames; acting for 六龜區 is refused and writes nothing")
    func addAndEdit() throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])  // create and seed the file first
        let before = program.bytes
        let refused = program.run(["--as", "六龜區", "agency", "add", "--name", "中山大學", "--kind", "partner"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("機關名單由研考會維護"))
        #expect(program.bytes == before)

        let added = program.run(["agency", "add", "--name", "中山大學", "--full-name", "國立中山大學", "--kind", "partner",
                                 "--alias", "中山"])
        #expect(added.status == 0, "\(added.errors)")
        let agency = try #require(program.json(["agency", "list", "--kind", "partner"]).first { $0["name"] as? String == "中山大學" })
        let id = try #require(agency["id"] as? Int)
        #expect(agency["aliases"] as? String == "中山")

        let renamed = program.run(["agency", "edit", String(id), "--name", "國立中山大學", "--on", "115/01/01"])
        #expect(renamed.status == 0, "\(renamed.errors)")
        let shown = program.run(["agency", "show", String(id)])
        #expect(shown.output.contains("中山大學") && shown.output.contains("舊稱") && shown.output.contains("115/01/01"))

        let taken = program.run(["agency", "add", "--name", "農委會", "--kind", "ministry"])
        #expect(taken.status == 1)
        #expect(taken.errors.contains("「農業部」"))
    }
}
