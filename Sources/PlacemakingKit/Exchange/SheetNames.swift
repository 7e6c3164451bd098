/// Sheet names both Calc and Excel accept: no `[ ] * ? : / \`, no `'` at either end, at most 31
/// characters (Excel's limit), not empty, and unique ignoring case (both compare names that way).
struct SheetNames {
    private var taken: Set<String> = []

    static let limit = 31

    /// A valid, unused name as close to `proposed` as possible; `工作表1`, `工作表2` … when empty.
    mutating func name(for proposed: String) -> String {
        var base = String(proposed.map { "[]*?:/\\".contains($0) || $0.isNewline ? "_" : $0 })
            .trimmingCharacters(in: .whitespaces)
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "工作表\(taken.count + 1)" }
        var candidate = String(base.prefix(Self.limit))
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(Self.limit - suffix.count)) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
