import Foundation
import Testing

#if canImport(Glibc)
import Glibc
import HedgeplanTestSupport
#endif

/// Regression tests for the fuzzing findings of issue 14 (docs/fuzzing.md lists each with
/// the command that reproduced it). Each test is built from the input that failed.
struct FuzzFindingTests {
    static let strategy = "strategies/eth-iron-condor-perp-hedged.yaml"
    static let shortFeed = "gbm:spot=3000,vol=0.6,days=2,step=1h,seed=7"

    /// A private folder, removed by the caller.
    static func scratch() throws -> URL {
        try ScratchFolder.make("hedgeplan-fuzz")
    }

    /// A character device like /dev/full (1, 7) made in `folder`: writes fail with ENOSPC.
    static func fullDevice(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("full").path
        try #require(mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0, "mknod needs root: \(String(cString: strerror(errno)))")
        return path
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    // MARK: 1. Output paths that are not regular files

    @Test func reportOnADeviceIsRefusedBeforeTheRunAndTheDeviceSurvives() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try Self.fullDevice(in: folder)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", Self.shortFeed, "--report", device])
        #expect(result.status == 74)
        #expect(result.stderr == "\(device): error: cannot write the report: it is a character device, not a regular file; give the path of a file [io]\n")
        #expect(result.stdout.isEmpty, "refused before the run: nothing printed")
        #expect(Self.isCharacterDevice(device), "the device must not be replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["full"], "no stray file")
    }

    @Test func plotOnADeviceIsRefusedAndTheDeviceSurvives() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try Self.fullDevice(in: folder)
        let result = try HedgeplanProcess.run(["analyze", Self.strategy, "--plot", device])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write the plot: it is a character device"))
        #expect(result.stdout.isEmpty)
        #expect(Self.isCharacterDevice(device))
    }

    /// `regimes --plot` wrote with an atomic `Data.write`, which renamed a regular file over
    /// the device (found 2026-12-01: as root, `--plot /dev/null` replaced /dev/null).
    @Test func regimesPlotOnADeviceIsRefusedBeforeTheFitAndTheDeviceSurvives() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try Self.fullDevice(in: folder)
        let result = try HedgeplanProcess.run(["regimes", "Examples/feeds/ethereum.csv", "--plot", device])
        #expect(result.status == 74)
        #expect(result.stderr.hasSuffix("\(device): error: cannot write the plot: it is a character device, not a regular file; give the path of a file [io]\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "refused before the fit: nothing printed")
        #expect(Self.isCharacterDevice(device), "the device must not be replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["full"], "no stray file")
    }

    @Test func journalOnADeviceExits74AndLeavesNoStrayFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try Self.fullDevice(in: folder)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", Self.shortFeed, "--journal", device])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write the journal: it is a character device"))
        #expect(Self.isCharacterDevice(device))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["full"])
    }

    @Test func outputUnderAFileNamesTheFileInPlainWords() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let result = try HedgeplanProcess.run(["compile", Self.strategy, "-o", file + "/plan.json"])
        #expect(result.status == 74)
        #expect(result.stderr == "\(file)/plan.json: error: cannot write the plan: \(file) is a file, not a folder [io]\n")
    }

    @Test func outputInAMissingFolderSaysTheFolderDoesNotExist() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("no-such-folder/report.html").path
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", Self.shortFeed, "--report", target])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write the report: the folder \(folder.path)/no-such-folder does not exist [io]"))
        #expect(result.stdout.isEmpty)
    }

    @Test func outputOnADirectoryIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HedgeplanProcess.run(["compile", Self.strategy, "-o", folder.path])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write the plan: it is a directory, not a regular file"))
    }

    @Test func writtenOutputsReplaceRegularFilesAndLeaveNoTemporaryFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json")
        try Data("old".utf8).write(to: plan)
        let result = try HedgeplanProcess.run(["compile", Self.strategy, "-o", plan.path])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: plan, encoding: .utf8)
        #expect(written.hasPrefix("{"))
        let viaStdout = try HedgeplanProcess.run(["compile", Self.strategy])
        #expect(written == viaStdout.stdout, "the file holds exactly what standard output gets")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
    }

    @Test func commandFailuresHonourFormatJSON() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try Self.fullDevice(in: folder)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", Self.shortFeed, "--report", device, "--format", "json"])
        #expect(result.status == 74)
        #expect(result.stderr.isEmpty)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["file"] as? String == device)
        #expect(rows.first?["rule"] as? String == "io")
        #expect(rows.first?["severity"] as? String == "error")

        let missingPlan = try HedgeplanProcess.run(["dry-run", "no-such-plan.json", "--feed", Self.shortFeed, "--format", "json"])
        #expect(missingPlan.status == 74)
        let planRows = try #require(try JSONSerialization.jsonObject(with: Data(missingPlan.stdout.utf8)) as? [[String: Any]])
        #expect(planRows.first?["message"] as? String == "cannot read the plan: no such file")

        let missingStrategy = try HedgeplanProcess.run(["dry-run", "no-such-strategy.yaml", "--feed", Self.shortFeed, "--format", "json"])
        #expect(missingStrategy.status == 74)
        #expect(missingStrategy.stderr.isEmpty)
        let strategyRows = try #require(try JSONSerialization.jsonObject(with: Data(missingStrategy.stdout.utf8)) as? [[String: Any]])
        #expect(strategyRows.first?["message"] as? String == "no such file")
        let analyze = try HedgeplanProcess.run(["analyze", "no-such-strategy.yaml", "--format", "json"])
        #expect(analyze.status == 74)
        #expect(try JSONSerialization.jsonObject(with: Data(analyze.stdout.utf8)) is [[String: Any]])
    }

    // MARK: 2. Write errors on standard output

    /// Runs with standard output on a device that fails every write (ENOSPC).
    static func runIntoFullDevice(_ arguments: [String]) throws -> HedgeplanProcess.Result {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try fullDevice(in: folder)
        let handle = try #require(FileHandle(forWritingAtPath: device))
        defer { try? handle.close() }
        return try HedgeplanProcess.run(arguments, standardOutput: handle)
    }

    @Test(arguments: [
        ["compile", "strategies/eth-iron-condor-perp-hedged.yaml"],
        ["validate", "Tests/HedgeplanCLITests/Corpus/duplicate-keys.yaml", "--format", "json"],
        ["schema"],
    ])
    func aFullStandardOutputExits74WithOneLine(_ arguments: [String]) throws {
        let result = try Self.runIntoFullDevice(arguments)
        #expect(result.status == 74, "a crash is a negative status: \(result.status)")
        #expect(result.stderr == "hedgeplan: error: cannot write to standard output: no space left on device [io]\n")
    }

    @Test func aBrokenPipeEndsQuietlyWithTheUsualStatus() throws {
        let pipe = Pipe()
        // Nobody will read: the first write fails with EPIPE.
        try pipe.fileHandleForReading.close()
        let ok = try HedgeplanProcess.run(["schema"], standardOutput: pipe.fileHandleForWriting)
        #expect(ok.status == 0)
        #expect(ok.stderr.isEmpty)
        let failing = try HedgeplanProcess.run(
            ["validate", "Tests/HedgeplanCLITests/Corpus/duplicate-keys.yaml", "--format", "json"], standardOutput: pipe.fileHandleForWriting)
        #expect(failing.status == 1, "the input's errors still decide the status")
        #expect(failing.stderr.isEmpty)
    }

    @Test func aClosedStandardOutputExits74() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec 1>&-; exec \"$0\" schema", HedgeplanProcess.executable.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 74)
        #expect(stderr == "hedgeplan: error: cannot write to standard output: bad file descriptor [io]\n")
    }

    // MARK: 3. Many diagnostics

    /// 5,000 duplicate `name:` keys: 23 s in text before (quadratic), now linear and capped.
    @Test func thousandsOfDiagnosticsArePrintedUpToTheCapAndAllCounted() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "hedgeplan: 1\n" + String(repeating: "name: x\n", count: 5_001)
        try Data(text.utf8).write(to: folder.appendingPathComponent("dup.yaml"))
        let result = try HedgeplanProcess.run(["validate", "dup.yaml"], in: folder, timeout: 60)
        #expect(result.status == 1)
        let headlines = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(headlines.count == 50)
        let json = try HedgeplanProcess.run(["validate", "dup.yaml", "--format", "json"], in: folder, timeout: 60)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(all.filter { $0["rule"] as? String == "duplicate-key" }.count == 5_000)
        let errors = all.filter { $0["severity"] as? String == "error" }.count
        #expect(result.stderr.contains("... and \(Self.grouped(all.count - 50)) more (--format json lists every one)\n"))
        #expect(result.stderr.contains("1 file checked: \(errors) errors"))
    }

    static func grouped(_ n: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: n))!
    }

    @Test func aLargePlainDocumentIsNotCalledAnAliasBomb() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fuzzer's input: 12,845 legs, no aliases, under the 1 MiB limit.
        let leg = "  - { side: long, type: call, strike: 3000, expiry: 30d, quantity: 1 }\n"
        let text = "hedgeplan: 1\nname: big\nlegs:\n" + String(repeating: leg, count: 12_845)
        #expect(text.utf8.count < 1 << 20)
        try Data(text.utf8).write(to: folder.appendingPathComponent("big.yaml"))
        let result = try HedgeplanProcess.run(["validate", "big.yaml"], in: folder, timeout: 60)
        #expect(result.status == 1)
        #expect(!result.stderr.contains("alias bomb"))
        #expect(result.stderr.contains("the document has more than 100000 nodes (keys, values and list items), the limit for a strategy file [size-limit]"))
    }

    // MARK: 6. Smaller findings

    @Test func aControlCharacterInYAMLIsReportedWhereItIs() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("hedgeplan: 1\nname: ok\nmarket: { spot: 3\u{07}000 }\n".utf8).write(to: folder.appendingPathComponent("bel.yaml"))
        let result = try HedgeplanProcess.run(["validate", "bel.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bel.yaml:3:18: error: control characters are not allowed [yaml-syntax]\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{07}"), "the control character itself is escaped")
        #expect(result.stderr.contains("market: { spot: 3\\x07000 }"))
    }

    @Test func escapeSequencesFromACSVHeaderAreNotSentToTheTerminal() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("evil.csv")
        try Data("\u{1B}[2J\u{1B}]0;pwned\u{07}when,what\n1,2\n3,4\n".utf8).write(to: feed)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", feed.path])
        #expect(result.status == 1)
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result.stderr)")
        #expect(result.stderr.contains("\\e[2J\\e]0;pwned\\x07when,what"))
    }

    @Test func escapeSequencesInAPlansNameAreNotSentToTheTerminal() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiled = try HedgeplanProcess.run(["compile", Self.strategy])
        try #require(compiled.status == 0)
        let name = "\"eth-iron-condor-perp-hedged\""
        try #require(compiled.stdout.contains(name))
        let edited = compiled.stdout.replacingOccurrences(of: name, with: "\"\\u001b]0;pwned\\u0007condor\"")
        let plan = folder.appendingPathComponent("plan.json")
        try Data(edited.utf8).write(to: plan)
        let result = try HedgeplanProcess.run(["dry-run", plan.path, "--feed", Self.shortFeed])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(result.stdout.contains("\\e]0;pwned\\x07condor"))
    }

    @Test func aFIFOAsFeedIsRefusedWithoutBlocking() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("ticks.csv").path
        try #require(mkfifo(fifo, 0o644) == 0)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", fifo], timeout: 60)
        #expect(result.status == 74)
        #expect(result.stderr.contains("\(fifo): error: cannot read the feed: cannot open: it is a FIFO (named pipe), not a regular file [io]"))
    }

    @Test func aDirectoryAsFeedExits74() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("feed.csv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", directory.path])
        #expect(result.status == 74)
        #expect(result.stderr.contains("it is a directory, not a regular file [io]"))
    }

    @Test func aUTF16FeedIsNamed() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("utf16.csv")
        let text = "timestamp,price\n2024-01-01T00:00:00Z,3000\n2024-01-01T00:01:00Z,3001\n"
        try #require(text.data(using: .utf16LittleEndian)).write(to: feed)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", feed.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the file is UTF-16LE text; feeds must be UTF-8"))
    }

    /// A feed whose every row is rejected points at the first one and says why, instead of
    /// a bare "no usable ticks" (found by hand, 2026-12-01, on a `;` export with decimal commas).
    @Test func aFeedWithNoUsableRowPointsAtTheFirstRejectedRow() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("europe.csv")
        try "timestamp;price\n2026-11-27T08:00:00Z;3000,5\n2026-11-27T09:00:00Z;3010,25\n".write(to: feed, atomically: true, encoding: .utf8)
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", feed.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(
            "\(feed.path):2:2: error: the feed has no usable ticks: all 2 data rows were rejected; the first: malformed row: price `3000,5` is not a number (a decimal comma? write `3000.5`) [feed]\n"),
            "\(result.stderr)")
        let headerOnly = folder.appendingPathComponent("header.csv")
        try "timestamp,price\n".write(to: headerOnly, atomically: true, encoding: .utf8)
        let empty = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", headerOnly.path])
        #expect(empty.status == 1)
        #expect(empty.stderr.hasPrefix("\(headerOnly.path): error: the feed has no usable ticks [feed]\n"), "\(empty.stderr)")
    }

    @Test func aFeedOutOfRangeNamesTheParameter() throws {
        let drift = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", "gbm:spot=3000,vol=0.6,days=2,step=1h,drift=1e6"])
        #expect(drift.status == 64)
        #expect(drift.stderr.contains("`drift=1e6`: must be at most 10 (10 is 1000%)"))
        let jumps = try HedgeplanProcess.run(
            ["dry-run", Self.strategy, "--feed", "merton:spot=3000,vol=0.6,days=2,step=1h,intensity=1e9,mean=-0.04,jumpvol=0.1"])
        #expect(jumps.status == 64)
        #expect(jumps.stderr.contains("`intensity=1e9`: must be at most 1000 jumps per year"))
    }

    // Needs the live feed: built with `--traits LiveFeed` (.ci/run runs the suite both ways).
    #if LiveFeed
    @Test func anUnreachableWebSocketSaysSoWhileRetrying() throws {
        // Port 9 (discard) on the loopback: nothing listens, the connect is refused at once.
        let result = try HedgeplanProcess.run(["dry-run", Self.strategy, "--feed", "ws://127.0.0.1:9/ticks"], timeout: 120)
        #expect(result.stderr.contains(
            "ws://127.0.0.1:9/ticks: warning: cannot connect to 127.0.0.1:9: connection refused (nothing listens on that port); retrying in "))
        #expect(result.stderr.contains("(attempt 1 of "))
        #expect(result.status == 1)
    }
    #endif

    // MARK: 5. A damaged finished journal

    @Test func aFlippedDigitInAFinishedJournalIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("run.sqlite").path
        let arguments = ["dry-run", Self.strategy, "--feed", Self.shortFeed, "--format", "json", "--journal", journal]
        let first = try HedgeplanProcess.run(arguments)
        try #require(first.status == 0, "\(first.stderr)")
        let resumed = try HedgeplanProcess.run(arguments + ["--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.stdout == first.stdout, "an intact journal prints its stored result")

        // One digit of the stored JSON's total, changed in place in the SQLite file.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal)))
        let key = Array("\"total\" : ".utf8)
        let at = try #require((0...(bytes.count - key.count)).first { Array(bytes[$0..<($0 + key.count)]) == key })
        let digit = try #require((at + key.count..<bytes.count).first { (48...57).contains(bytes[$0]) })
        bytes[digit] = bytes[digit] == 57 ? 48 : bytes[digit] + 1
        try Data(bytes).write(to: URL(fileURLWithPath: journal))

        let damaged = try HedgeplanProcess.run(arguments + ["--resume"])
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("\"rule\" : \"journal\""))
        #expect(damaged.stdout.contains("journal \(journal) is damaged: the finished run's stored result does not match its SHA-256 checksum"))
    }
}
