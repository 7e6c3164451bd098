/// The language of user-facing text: Traditional Chinese by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh-Hant"
    case english = "en"

    /// Reads `zh`, `zh-TW`, `zh-Hant`, `en`, `en_US.UTF-8` …; nil for anything else.
    public init?(code: String) {
        let c = code.lowercased()
        if c.hasPrefix("zh") { self = .chinese } else if c.hasPrefix("en") { self = .english } else { return nil }
    }

    /// Picks the text for this language.
    public func pick(_ chinese: String, _ english: String) -> String {
        self == .chinese ? chinese : english
    }
}
