import Foundation

/// Writes bytes to a file descriptor with `write(2)`, retrying short writes and EINTR. A closed reader
/// (EPIPE: `| head`, a pager that quit) is reported, never a crash: Foundation's `FileHandle.write`
/// traps on it.
enum FileDescriptorWriter {
    /// Whether every byte was written.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
