import Foundation

/// Runs the built `hedgeplan` executable as a user would, with a watchdog so that a hang
/// fails the test instead of stalling it (`timeout`, seconds: a guard, not a speed test;
/// generous because the cores may be busy with other work).
struct HedgeplanProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle (SwiftPM builds it because the tests depend on it).
    static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("hedgeplan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hedgeplan")
    }

    /// A fixed clock, so goldens do not depend on the day they run.
    static let pinnedNow = "2026-11-25T12:00:00Z"

    /// Runs `hedgeplan`, or `program` (found on PATH, such as python3 or bash, for the
    /// scripts that drive it) with the same watchdog and output capture.
    static func run(
        _ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:],
        stdin: Data? = nil, timeout: Double = 600, standardOutput: FileHandle? = nil, program: String? = nil
    ) throws -> Result {
        let process = Process()
        if let program {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["HEDGEPLAN_NOW"] = pinnedNow
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hedgeplan-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let input = Pipe()
        // A caller's handle (a device that fails writes, a pipe nobody reads) replaces the file.
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = input
        let start = Date()
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return Result(
            status: process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            seconds: Date().timeIntervalSince(start))
    }
}

/// Golden files: the exact expected output beside the input. `HEDGEPLAN_RECORD=1 swift test`
/// re-records them; review the diff before committing.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["HEDGEPLAN_RECORD"] == "1" }

    /// Returns nil when `actual` matches the golden (or was recorded), else a readable mismatch.
    static func mismatch(_ actual: String, golden: URL) -> String? {
        if recording {
            try? actual.write(to: golden, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            return "no golden file \(golden.lastPathComponent); record it with HEDGEPLAN_RECORD=1 swift test"
        }
        guard expected != actual else { return nil }
        return "output differs from \(golden.lastPathComponent):\n--- expected\n\(expected)\n--- actual\n\(actual)"
    }
}
