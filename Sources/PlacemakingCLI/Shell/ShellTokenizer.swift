/// Splits a shell line into words as a POSIX shell would for quoting: spaces separate words, single
/// quotes (and ‘…’) keep everything, double quotes (and “…”) keep everything but `\"` and `\\`, a
/// backslash escapes the next character, and a `#` that begins a word starts a comment to the end of
/// the line. No variables, globbing or command substitution: nothing is ever executed.
/// It reads Unicode scalars, not characters: a combining mark or a joiner after a quote, a space or a
/// backslash would otherwise merge with it into one character and hide it (found by fuzzing).
enum ShellTokenizer {
    enum Problem: Error, Equatable { case unclosedQuote(Character) }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inWord = false
        var quote: Unicode.Scalar?
        var escaping = false
        var commentUntilNewline = false
        for c in line.unicodeScalars {
            if !escaping, quote == nil, !inWord, c == "#" {
                // A comment runs to the end of its line; a quoted newline never reaches here.
                commentUntilNewline = true
            }
            if commentUntilNewline {
                if c == "\n" { commentUntilNewline = false }
                continue
            }
            if escaping {
                // Inside double quotes a backslash escapes only " and \ (as in POSIX shells).
                if quote == "\"", c != "\"", c != "\\" { current.append("\\") }
                current.append(c)
                escaping = false
                continue
            }
            switch (quote, c) {
            case (nil, "\\"), ("\"", "\\"):
                escaping = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = c
                inWord = true
            case (nil, "“"), (nil, "‘"):
                // A Chinese input method types curly quotes; they quote as their ASCII forms do, closed by
                // their right-hand partner.
                quote = c
                inWord = true
            case (let q?, _) where c == q || (q == "“" && c == "”") || (q == "‘" && c == "’"):
                quote = nil
            case (nil, _) where c == " " || c == "\t" || c == "\n" || c == "\u{3000}":
                if inWord { words.append(String(current)) }
                current = String.UnicodeScalarView()
                inWord = false
            default:
                current.append(c)
                inWord = true
            }
        }
        if let quote { throw Problem.unclosedQuote(Character(quote)) }
        if escaping { current.append("\\") }
        if inWord { words.append(String(current)) }
        return words
    }
}
