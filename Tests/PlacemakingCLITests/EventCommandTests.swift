import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

@Suite("event add")
struct EventCommandTests {
    @Test("an event entered after it took place keeps the day it was held; a future day is refused")
    func held() throws {
        let program = try ProgramRun()
        let added = program.run(["event", "add", "--title", "地方創生實例講授", "--organiser", "研考會", "--held", "111/10/01",
                                 "--status", "已辦理", "--on", "111/10/01"])
        #expect(added.status == 0, "\(added.errors)")
        let events = try program.json(["event", "list"])
        #expect(events.last?["heldOn"] as? String == "2022-10-01")
        let before = program.bytes
        let future = program.run(["event", "add", "--title", "未來", "--organiser", "研考會", "--held", "\(ROCDate.today.rocYear + 1)/01/01"])
        #expect(future.status == 1)
        #expect(future.errors.contains("晚於今天"))
        #expect(program.bytes == before)
    }
}
