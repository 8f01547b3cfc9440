import Testing
@testable import Feeds

/// Reads every tick of a CSV given as text, with the given options.
func readAll(_ text: String, options: CSVFeedOptions = CSVFeedOptions()) throws -> (ticks: [Tick], feed: CSVFeed) {
    let feed = try CSVFeed(text: text, name: "test.csv", options: options)
    var ticks: [Tick] = []
    while let t = try feed.next() { ticks.append(t) }
    return (ticks, feed)
}

/// Reads every tick of any source (at most `limit`).
func drain<S: TickSource>(_ source: inout S, limit: Int = .max) throws -> [Tick] {
    var ticks: [Tick] = []
    while ticks.count < limit, let t = try source.next() { ticks.append(t) }
    return ticks
}

/// Milliseconds of an ISO instant (test helper; the parser itself is tested separately).
func ms(_ iso: String) -> Int64 { TimestampParser.parseText(iso)! }

/// The repository root, from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)   // Tests/FeedsTests/TestSupport.swift
    return parts.joined(separator: "/")
}()
