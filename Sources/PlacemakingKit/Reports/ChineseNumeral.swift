/// Small numbers as official prose writes them: 「兩項計畫」, 「第二次徵案」; larger ones stay in digits
/// (「30件」), as the council report does.
enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// A count before a measure word: 一, 兩, 三 … 十, then digits.
    static func count(_ n: Int) -> String {
        if n == 2 { return "兩" }
        return digits.indices.contains(n) && n > 0 ? digits[n] : String(n)
    }

    /// An ordinal after 第: 一, 二, 三 … 十, then digits.
    static func ordinal(_ n: Int) -> String {
        digits.indices.contains(n) && n > 0 ? digits[n] : String(n)
    }
}
