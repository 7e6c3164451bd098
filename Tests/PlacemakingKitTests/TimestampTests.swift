import Foundation
import Testing
@testable import PlacemakingKit

@Suite("Timestamps")
struct TimestampTests {
    @Test("stored UTC, shown in Taiwan's time and the ROC calendar, crossing midnight and years")
    func local() {
        #expect(Timestamp.local("2026-11-27T16:30:00Z") == "115/11/28 00:30")
        #expect(Timestamp.local("2022-12-31T15:59:59Z") == "111/12/31 23:59")
        #expect(Timestamp.local("2022-12-31T16:00:00Z") == "112/01/01 00:00")
        #expect(Timestamp.local("2024-02-28T20:00:00Z") == "113/02/29 04:00")
    }

    @Test("the stored form round-trips through Date", arguments: [0.0, 1_669_852_800, 1_795_000_000.9])
    func roundTrip(_ seconds: Double) throws {
        let stamp = Timestamp.string(Date(timeIntervalSince1970: seconds))
        #expect(Timestamp.parse(stamp) == Int(seconds.rounded(.down)), "\(stamp)")
    }

    @Test("anything but the stored form is not a timestamp", arguments: ["", "2026-11-27 16:30:00", "2026-13-01T00:00:00Z", "２026-11-27T16:30:00Z", "2026-11-27T16:30:00"])
    func rejects(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
        #expect(Timestamp.local(text) == nil)
    }
}
