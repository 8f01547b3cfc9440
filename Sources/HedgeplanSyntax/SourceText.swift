import Foundation
import HedgeplanDiagnostics

/// A source file's text, once it is known to be UTF-8 text within the size limit.
public struct SourceText: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads a file, reading at most `limits.maxBytes + 1` bytes whatever its size.
    /// Failures are diagnostics: `io` for unreadable files, `size-limit`, `encoding`.
    public static func load(path: String, limits: ParseLimits = .standard) -> Result<SourceText, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.error(.io, "no such file", at: .wholeFile(path)))
        }
        if isDirectory.boolValue {
            return .failure(.error(.io, "is a directory, not a strategy file", at: .wholeFile(path)))
        }
        // A FIFO, socket or device would block the read or never end: refused unread.
        if let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType,
            type != .typeRegular
        {
            let kind: String = switch type {
            case .typeCharacterSpecial: "a character device"
            case .typeBlockSpecial: "a block device"
            case .typeSocket: "a socket"
            default: "not a regular file (a FIFO or another special file)"
            }
            return .failure(.error(.io, "is \(kind), not a strategy file", at: .wholeFile(path)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.error(.io, "cannot open the file for reading (permission?)", at: .wholeFile(path)))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data()
        } catch {
            return .failure(.error(.io, "cannot read the file: \(error.localizedDescription)", at: .wholeFile(path)))
        }
        return decode([UInt8](data), path: path, limits: limits)
    }

    /// Checks that bytes are UTF-8 text within the size limit; reports the first bad byte
    /// with its line and column.
    ///
    /// A leading UTF-8 byte order mark (what some Windows editors write) is dropped from the
    /// text, as YAML allows: libyaml, told the encoding, would otherwise count it as a
    /// column of line 1 and refuse line 2's keys as mis-indented. Columns are then an
    /// editor's. The plan's source hash is of the file's bytes, mark included.
    public static func decode(_ bytes: [UInt8], path: String, limits: ParseLimits = .standard) -> Result<SourceText, Diagnostic> {
        if bytes.count > limits.maxBytes {
            return .failure(.error(
                .sizeLimit,
                "file is larger than the \(limits.maxBytes / 1024) KiB limit for strategy files",
                at: SourceLocation(file: path, line: 1, column: 1)))
        }
        let mark = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let body = bytes[mark...]
        if let text = String(validating: body, as: UTF8.self), !body.contains(0) {
            return .success(SourceText(path: path, text: text))
        }
        return .failure(firstBadByte(body, path: path))
    }

    /// EF BB BF: U+FEFF in UTF-8.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `bytes` is the file after any byte order mark: offsets are the file's.
    private static func firstBadByte(_ bytes: ArraySlice<UInt8>, path: String) -> Diagnostic {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    return .error(
                        .encoding, "file contains a NUL byte (offset \(offset)): it is binary, not YAML text",
                        at: SourceLocation(file: path, line: line, column: column))
                }
                offset += encoded.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error:
                return .error(
                    .encoding, "file is not valid UTF-8 (bad byte at offset \(offset)); save it as UTF-8",
                    at: SourceLocation(file: path, line: line, column: column))
            case .emptyInput:
                return .error(.encoding, "file is not valid UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
    }
}
