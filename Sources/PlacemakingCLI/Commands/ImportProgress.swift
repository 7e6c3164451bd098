import Foundation
import PlacemakingKit

/// The progress line of a long import on a terminal: rows read, rows per second and about how many are
/// left, rewritten in place at most a few times a second and only once a file has proved long (5,000
/// rows), so that a short import prints nothing but its result.
struct ImportProgress {
    let language: Language
    /// False when standard error is not a terminal (a log, a pipe, a test): nothing is shown.
    let showing: Bool
    private let start = Date()
    private var lastShown: Date?

    init(language: Language, showing: Bool) {
        self.language = language
        self.showing = showing
    }

    mutating func show(rows: Int, fraction: Double) {
        guard showing, rows >= 5_000 else { return }
        let now = Date()
        if let lastShown, now.timeIntervalSince(lastShown) < 0.25, fraction < 1 { return }
        lastShown = now
        let line = Self.line(rows: rows, fraction: fraction, seconds: now.timeIntervalSince(start), language: language)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    /// Clears the progress line, if one was shown.
    func clear() {
        if lastShown != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// 「已讀 12,000 列（35%），每秒 8,100 列，約剩 22,000 列」: the rows left are estimated from the part
    /// of the file read so far.
    static func line(rows: Int, fraction: Double, seconds: Double, language: Language) -> String {
        let rate = seconds > 0 ? Int((Double(rows) / seconds).rounded()) : 0
        let left = fraction > 0 && fraction < 1 ? Int((Double(rows) * (1 - fraction) / fraction).rounded()) : 0
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        return language.pick("已讀 \(grouped(rows)) 列（\(percent)%），每秒 \(grouped(rate)) 列，約剩 \(grouped(left)) 列",
                             "\(grouped(rows)) rows read (\(percent)%), \(grouped(rate)) rows/s, about \(grouped(left)) left")
    }

    private static func grouped(_ n: Int) -> String { ImportReport.grouped(n) }
}
