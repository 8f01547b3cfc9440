import Foundation

/// The built `hedgeplan` executable as a child process, run as a user runs it: from the
/// repository root, with `HEDGEPLAN_NOW` pinned and colour off, its output in files (never a
/// pipe that could fill and block it). Test targets that run it depend on the `hedgeplan`
/// target, so SwiftPM builds it beside the test bundle.
public struct HedgeplanChild: Sendable {
    public let process: Process
    /// The folder holding the child's `stdout` and `stderr` files.
    public let scratch: URL

    /// A fixed clock, so that outputs do not depend on the day the tests run.
    public static let pinnedNow = "2026-11-25T12:00:00Z"

    /// The note a run interrupted by Ctrl-C after `ticks` ticks prints, as a user reads it:
    /// "after 1 tick", "after 2 ticks". A loaded machine may deliver a single tick before
    /// the signal arrives.
    public static func interruptedNote(ticks: Int) -> String {
        "interrupted (Ctrl-C) after \(ticks) \(ticks == 1 ? "tick" : "ticks"): the figures are the run so far"
    }

    /// Seconds after which a run counts as hung and is killed: a guard, not a speed test,
    /// generous because a debug build may share its cores with other work.
    public static let hangGuard: Double = 600

    public static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("hedgeplan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hedgeplan")
    }

    /// Starts `hedgeplan arguments...`, or `program` (found on PATH: python3, bash...) with
    /// the same environment. `standardOutput` replaces the output file (a device that fails
    /// writes, a pipe nobody reads); `stdin` is written and closed, else input is empty.
    public static func start(
        _ arguments: [String], in directory: URL = PackageRoot.url, environment: [String: String] = [:],
        program: String? = nil, standardOutput: FileHandle? = nil, stdin: Data? = nil
    ) throws -> HedgeplanChild {
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
        let scratch = try ScratchFolder.make("hedgeplan-run")
        for name in ["stdout", "stderr"] { _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil) }
        let out = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        let err = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        if let input, let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        return HedgeplanChild(process: process, scratch: scratch)
    }

    /// Waits for the child to end, killing it after `timeout` seconds. Returns its exit
    /// status, or minus the signal that ended it.
    @discardableResult
    public func wait(timeout: Double = hangGuard) -> Int32 {
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    public func stdout() -> String { read("stdout") }
    public func stderr() -> String { read("stderr") }

    private func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: scratch.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }

    /// Kills the child if it still runs and removes its output files.
    public func cleanUp() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: scratch)
    }
}

/// A whole run of `hedgeplan` (or `program`): started, waited for under the hang guard,
/// its output read and its files removed.
public enum HedgeplanProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var seconds: Double
    }

    public static var packageRoot: URL { PackageRoot.url }
    public static var pinnedNow: String { HedgeplanChild.pinnedNow }
    public static var executable: URL { HedgeplanChild.executable }

    public static func run(
        _ arguments: [String], in directory: URL = PackageRoot.url, environment: [String: String] = [:],
        stdin: Data? = nil, timeout: Double = HedgeplanChild.hangGuard, standardOutput: FileHandle? = nil, program: String? = nil
    ) throws -> Result {
        let start = Date()
        let child = try HedgeplanChild.start(
            arguments, in: directory, environment: environment, program: program, standardOutput: standardOutput, stdin: stdin)
        defer { child.cleanUp() }
        let status = child.wait(timeout: timeout)
        return Result(status: status, stdout: child.stdout(), stderr: child.stderr(), seconds: Date().timeIntervalSince(start))
    }
}
