/// How many terminal columns text takes: CJK ideographs, kana, Hangul, Bopomofo, fullwidth forms and
/// emoji take 2; combining marks, zero-width joiners and other format characters take 0; East Asian
/// "ambiguous" characters (─, ○, ①, Greek, Cyrillic) take 1, or 2 when `ambiguousIsWide` (as some CJK
/// terminals draw them).
///
/// Wide ranges follow Unicode's EastAsianWidth.txt (W and F) by binary search over sorted ranges, as
/// SQLite's shell does; marks come from the scalar's general category.
public struct DisplayWidth: Sendable {
    public var ambiguousIsWide: Bool

    public init(ambiguousIsWide: Bool = false) { self.ambiguousIsWide = ambiguousIsWide }

    /// Columns taken by `text`, counted per grapheme cluster so that 👩‍👩‍👧 or 🇹🇼 count once.
    public func of(_ text: String) -> Int {
        // Most cells are ASCII, Chinese, or both: scalars that never join a neighbour into one
        // character are summed one by one; only other text pays for grapheme breaking.
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20, v < 0x7F { total += ambiguousIsWide ? of(scalar) : 1 }
            else if Self.isWideStandalone(v) { total += 2 }
            else { return text.reduce(0) { $0 + of($1) } }
        }
        return total
    }

    /// Common wide scalars that are never marks nor joined to others: CJK ideographs (with extension A),
    /// kana, CJK punctuation (not its tone marks U+302A–302F) and fullwidth forms.
    private static func isWideStandalone(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3000...0x3029).contains(v)
            || (0x3030...0x303E).contains(v) || (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v)
            || (0xFF01...0xFF60).contains(v)
    }

    /// Columns taken by one character (grapheme cluster).
    public func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1, first.properties.isEmoji,
           scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) || first.properties.isEmojiPresentation {
            return 2
        }
        if scalars.count > 1, (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }  // a flag
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// Columns taken by one scalar on its own.
    public func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return ambiguousIsWide && Self.contains(Self.ambiguous, v) ? 2 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        case .unassigned:
            // EastAsianWidth.txt makes the ideograph blocks wide even where unassigned; elsewhere 1.
            let ideographic: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD]
            return ideographic.contains { $0.contains(v) } ? 2 : 1
        default: break
        }
        // Hangul medial vowels and final consonants join the syllable; Hangul tone marks and fillers take no room.
        if (0x1160...0x11FF).contains(v) || (0x302A...0x302F).contains(v) || v == 0x3164 || v == 0xFFA0 { return 0 }
        if Self.contains(Self.wide, v) || scalar.properties.isEmojiPresentation { return 2 }
        if ambiguousIsWide && Self.contains(Self.ambiguous, v) { return 2 }
        return 1
    }

    static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < ranges[mid].lowerBound { high = mid - 1 } else if v > ranges[mid].upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F), sorted.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2630...0x2637, 0x2648...0x2653, 0x267F...0x267F, 0x268A...0x268F,
        0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,          // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x3247,          // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes, enclosed CJK
        0x3250...0x33FF,          // enclosed CJK (after the ambiguous ㉈–㉏) and CJK compatibility
        0x3400...0x4DBF,          // CJK extension A
        0x4DC0...0x4DFF,          // Yijing hexagrams
        0x4E00...0x9FFF,          // CJK unified ideographs
        0xA000...0xA4CF,          // Yi
        0xA960...0xA97F,          // Hangul jamo extended A
        0xAC00...0xD7A3,          // Hangul syllables
        0xF900...0xFAFF,          // CJK compatibility ideographs
        0xFE10...0xFE19,          // vertical forms
        0xFE30...0xFE6F,          // CJK compatibility forms, small form variants
        0xFF00...0xFF60,          // fullwidth forms
        0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,  // Tangut, Khitan, kana supplements
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FAFF,
        0x20000...0x2FFFD,        // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,        // CJK extensions G–H
    ]

    /// East Asian Ambiguous (A), the common part: Latin-1 signs, Greek, Cyrillic, punctuation, box
    /// drawing, circled numbers, geometric shapes. Sorted.
    static let ambiguous: [ClosedRange<UInt32>] = [
        0x00A1...0x00A1, 0x00A4...0x00A4, 0x00A7...0x00A8, 0x00AA...0x00AA, 0x00AD...0x00AE, 0x00B0...0x00B4,
        0x00B6...0x00BA, 0x00BC...0x00BF, 0x00C6...0x00C6, 0x00D0...0x00D0, 0x00D7...0x00D8, 0x00DE...0x00E1,
        0x00E6...0x00E6, 0x00E8...0x00EA, 0x00EC...0x00ED, 0x00F0...0x00F0, 0x00F2...0x00F3, 0x00F7...0x00FA,
        0x00FC...0x00FC, 0x00FE...0x00FE,
        0x0391...0x03A9, 0x03B1...0x03C9, 0x0401...0x0401, 0x0410...0x044F, 0x0451...0x0451,
        0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2024...0x2027,
        0x2030...0x2030, 0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B, 0x203E...0x203E,
        0x2103...0x2103, 0x2105...0x2105, 0x2109...0x2109, 0x2113...0x2113, 0x2116...0x2116, 0x2121...0x2122,
        0x2160...0x216B, 0x2170...0x2179, 0x2190...0x2199, 0x21D2...0x21D2, 0x21D4...0x21D4,
        0x2200...0x2200, 0x2202...0x2203, 0x2207...0x2208, 0x220B...0x220B, 0x220F...0x220F, 0x2211...0x2211,
        0x221A...0x221A, 0x221D...0x2220, 0x2223...0x2223, 0x2225...0x2225, 0x2227...0x222C, 0x2234...0x2237,
        0x2248...0x2248, 0x2260...0x2261, 0x2264...0x2267, 0x2282...0x2283, 0x2295...0x2295, 0x2299...0x2299,
        0x2460...0x24E9, 0x24EB...0x254B, 0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595,
        0x25A0...0x25A1, 0x25A3...0x25A9, 0x25B2...0x25B3, 0x25B6...0x25B7, 0x25BC...0x25BD, 0x25C0...0x25C1,
        0x25C6...0x25C8, 0x25CB...0x25CB, 0x25CE...0x25D1, 0x25E2...0x25E5, 0x25EF...0x25EF,
        0x2605...0x2606, 0x2609...0x2609, 0x260E...0x260F, 0x261C...0x261C, 0x261E...0x261E, 0x2640...0x2640,
        0x2642...0x2642, 0x2660...0x2661, 0x2663...0x2665, 0x2667...0x266A, 0x266C...0x266D, 0x266F...0x266F,
        0x273D...0x273D, 0x2776...0x277F, 0x3248...0x324F, 0xE000...0xF8FF, 0xFFFD...0xFFFD,
    ]
}
