#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `CSVFeed` gets its bytes: a file read in fixed-size chunks (POSIX `read`, so memory
/// stays one buffer whatever the file's length), or bytes already in memory (tests, stdin).
protocol ByteChunkReader: AnyObject {
    /// Reads up to `count` bytes at the current position; 0 at the end.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int
    /// The first `count` bytes (fewer at the end), without moving the read position.
    func prefix(_ count: Int) throws -> [UInt8]
}

/// A file descriptor, closed on deinit.
final class FileChunkReader: ByteChunkReader {
    let path: String
    private let fd: Int32

    /// Opens a regular file. Anything else is refused before a byte is read: a directory,
    /// and a FIFO, socket or device, whose reads may block forever or never end (the open
    /// itself is non-blocking, so a FIFO with no writer cannot hang it).
    init(path: String) throws {
        self.path = path
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_NONBLOCK) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FeedError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw FeedError.cannotOpen(path: path, reason: reason)
        }
        if let kind = FileKind.nonRegular(info.st_mode) {
            close(fd)
            throw FeedError.cannotOpen(path: path, reason: "\(kind), not a regular file")
        }
        // Reads of a regular file never block; clear the flag anyway, for plain semantics.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
    }

    deinit { close(fd) }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            #if canImport(Darwin)
            let n = Darwin.read(fd, buffer, count)
            #elseif canImport(Glibc)
            let n = Glibc.read(fd, buffer, count)
            #else
            let n = Musl.read(fd, buffer, count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FeedError.readFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    func prefix(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        try bytes.withUnsafeMutableBytes { b in
            while filled < count {
                let n = pread(fd, b.baseAddress! + filled, count - filled, off_t(filled))
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FeedError.readFailed(path: path, reason: String(cString: strerror(errno)))
                }
                filled += n
            }
        }
        bytes.removeLast(count - filled)
        return bytes
    }
}

/// Bytes in memory, handed out `count` at a time like a file.
final class MemoryChunkReader: ByteChunkReader {
    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        let n = min(count, bytes.count - position)
        if n > 0 {
            bytes.withUnsafeBytes { b in buffer.copyMemory(from: b.baseAddress! + position, byteCount: n) }
            position += n
        }
        return n
    }

    func prefix(_ count: Int) throws -> [UInt8] { Array(bytes.prefix(count)) }
}

/// What a path is when it is not a regular file, in words for messages. Shared by every
/// place that opens a file given on the command line (feeds, plans, outputs): only regular
/// files are read or written, since a FIFO blocks, a device never ends or swallows data,
/// and a rename over either destroys it.
public enum FileKind {
    /// "it is a directory", "it is a FIFO (named pipe)", ... or nil for a regular file.
    public static func nonRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a directory"
        case S_IFIFO: return "it is a FIFO (named pipe)"
        case S_IFCHR: return "it is a character device"
        case S_IFBLK: return "it is a block device"
        case S_IFSOCK: return "it is a socket"
        default: return "it is a special file"
        }
    }

    /// Why `path` is not a regular file that exists, or nil when it is one: "no such
    /// file", "it is a directory", ... (`stat` follows symbolic links).
    public static func problem(at path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? "no such file" : String(cString: strerror(errno))
        }
        return nonRegular(info.st_mode)
    }
}
