import Foundation

/// The process's environment variables, read from the C library. Foundation's
/// `ProcessInfo.processInfo.environment` builds a whole dictionary on every call (after setting up
/// ProcessInfo itself), and a start asked it for one variable several times.
public enum ProcessEnvironment {
    /// One variable, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every variable (a name given twice keeps its first value, as `getenv` does).
    public static func all() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }
}
