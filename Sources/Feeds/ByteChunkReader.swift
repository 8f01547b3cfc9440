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

    init(path: String) throws {
        self.path = path
        var fd: Int32
        repeat { fd = open(path, O_RDONLY) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FeedError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FeedError.cannotOpen(path: path, reason: "it is a directory")
        }
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
