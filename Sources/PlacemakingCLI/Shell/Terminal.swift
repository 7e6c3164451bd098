import Foundation
import PlacemakingKit

/// Facts about the terminal the program runs in.
enum Terminal {
    /// The width of the terminal in columns, from the tty, else $COLUMNS, else 80.
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessEnvironment.value("COLUMNS").flatMap(Int.init) ?? 80
    }

    /// The height of the terminal in rows, else $LINES, else 24.
    static func rows() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return ProcessEnvironment.value("LINES").flatMap(Int.init) ?? 24
    }

    /// Makes sure the C library runs in a UTF-8 locale, without which readline garbles Chinese: keeps
    /// the environment's locale when it is UTF-8, else falls back to C.UTF-8 (present on every Debian).
    /// The fallback is also put in the environment, because readline sets its locale again from
    /// LC_ALL, LC_CTYPE or LANG when it starts, and `LANG=C` would undo it.
    /// Only the character type is set: it is all that readline and the C library's multibyte functions
    /// read, and loading every category of the locale cost a dozen files at each start.
    static func ensureUTF8Locale() {
        if let current = setlocale(LC_CTYPE, ""), String(cString: current).uppercased().filter({ $0 != "-" }).contains("UTF8") {
            return
        }
        setlocale(LC_CTYPE, "C.UTF-8")
        if let all = getenv("LC_ALL"), !String(cString: all).isEmpty { setenv("LC_ALL", "C.UTF-8", 1) }
        setenv("LC_CTYPE", "C.UTF-8", 1)
    }
}
