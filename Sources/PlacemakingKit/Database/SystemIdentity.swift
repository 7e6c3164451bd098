import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who runs the program, as the operating system knows it: the name of the real user id in the password
/// database. `$USER`, `$LOGNAME` and `$PLACEMAKING_USER` are not read: anyone can set them, and the
/// audit log must name the account that really made a change.
public enum SystemIdentity {
    /// The login of the real user id of this process (not the effective one: under set-group-id the
    /// real ids are the person's).
    public static var currentLogin: String { login(uid: getuid()) }

    /// The login of `uid`, or `uid:N` when the password database has no usable name for it, so an
    /// actor is never empty and never looks like another account or like «name（agency）».
    public static func login(uid: uid_t) -> String {
        name(uid: uid).flatMap { isPlausibleLogin($0) ? $0 : nil } ?? "uid:\(uid)"
    }

    /// Whether the program runs set-group-id (a shared install: the binary's group owns the ledger's
    /// directory). The process then holds a privilege its user does not: nothing the user names (an
    /// environment variable, a file, a pager) may use it beyond the ledger itself.
    public static var isSetGroupID: Bool { getegid() != getgid() }

    /// Whether `path` lies in a directory whose group is the effective group: under set-group-id, the
    /// only ledgers the program opens are the install's (its directory was given to that group).
    public static func inInstallDirectory(_ path: String) -> Bool {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var info = stat()
        return stat(directory, &info) == 0 && info.st_gid == getegid()
    }

    /// Runs `body` with the real group as the effective one, so that a file the user names (an export,
    /// a backup) is created, replaced or removed only where the user could do it without the program:
    /// with the group's privilege a clerk could write over the ledger itself. The group is taken back
    /// afterwards (the saved set-group-id allows it). Outside set-group-id `body` just runs.
    public static func withUserRights<T>(_ body: () throws -> T) throws -> T {
        let privileged = getegid()
        let real = getgid()
        guard privileged != real else { return try body() }
        guard setegid(real) == 0 else {
            throw PlacemakingError.programDefect("setegid(\(real)) failed: \(String(cString: strerror(errno)))")
        }
        defer { setegid(privileged) }
        return try body()
    }

    /// The login of the owner of the file at `path`, or nil when it cannot be read.
    public static func ownerLogin(path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return login(uid: info.st_uid)
    }

    /// Whether `text` can be an operating-system login as `operator add` accepts it: 1–32 characters,
    /// letters, digits, `.`, `_` and `-` (not first), an optional final `$` (Samba machine accounts).
    public static func isPlausibleLogin(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (1...32).contains(scalars.count), scalars.first != "-" else { return false }
        for (index, scalar) in scalars.enumerated() {
            let ordinary = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-")
            let finalDollar = scalar == "$" && index == scalars.count - 1 && index > 0
            guard ordinary || finalDollar else { return false }
        }
        return true
    }

    /// `getpwuid_r`, growing the buffer while the system asks for more.
    private static func name(uid: uid_t) -> String? {
        var size = max(1024, sysconf(Int32(_SC_GETPW_R_SIZE_MAX)))
        while size <= 1 << 20 {
            var entry = passwd()
            var found: UnsafeMutablePointer<passwd>?
            var buffer = [CChar](repeating: 0, count: size)
            let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &found)
            if status == ERANGE { size *= 2; continue }
            guard status == 0, found != nil, let name = entry.pw_name else { return nil }
            return String(validatingCString: name)
        }
        return nil
    }
}
