import Testing

@testable import hedgeplan

/// The progress line: when it is shown and what it says.
@Suite struct ProgressBarTests {
    @Test func shownOnlyOnATerminalThatCanRedrawALine() {
        #expect(ProgressBar.isWanted(isTerminal: true, environment: ["TERM": "xterm-256color"]))
        #expect(ProgressBar.isWanted(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!ProgressBar.isWanted(isTerminal: false, environment: ["TERM": "xterm"]))
        #expect(!ProgressBar.isWanted(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func aLineShowsTicksRateDateAndEquity() {
        let bar = ProgressBar(expectedTicks: 1_000_000, color: false, write: { _ in })
        let line = bar.line(ticks: 250_000, time: 1_704_067_200_000, equity: -1234.4, seconds: 0.5)
        #expect(line == "█████░░░░░░░░░░░░░░░  25%  250,000 ticks  500 k ticks/s  2024-01-01  equity -1,234")
        #expect(!line.contains("\u{1B}"), "no colour without a colour terminal")
        let colored = ProgressBar(expectedTicks: 10, color: true, phase: { "verifying journal" }, write: { _ in })
        let text = colored.line(ticks: 10, time: 0, equity: 5, seconds: 2)
        #expect(text.hasPrefix("verifying journal  \u{1B}[32m"))
        #expect(text.contains("100%"))
    }

    /// `stress` and `tune` count paths; `merge` counts the partial results it has read.
    @Test func aPathLineShowsCountRateAndTimeLeftInItsUnit() {
        #expect(PathProgress.line(done: 2_500, total: 10_000, seconds: 0.5)
            == "█████░░░░░░░░░░░░░░░  2,500/10,000 paths  5,000 paths/s  ETA 2 s")
        #expect(PathProgress.line(done: 250, total: 1_000, seconds: 50, unit: "partial results")
            == "█████░░░░░░░░░░░░░░░  250/1,000 partial results  5.0 partial results/s  ETA 2 min")
        #expect(PathProgress.line(done: 0, total: 1_000, seconds: 0, unit: "partial results")
            == "░░░░░░░░░░░░░░░░░░░░  0/1,000 partial results")
    }

    @Test func endClearsTheLineOnlyIfOneWasDrawn() {
        final class Sink: @unchecked Sendable { var text = "" }
        let sink = Sink()
        let bar = ProgressBar(expectedTicks: nil, color: false, write: { sink.text += $0 })
        bar.end()
        #expect(sink.text.isEmpty)
        #expect(ProgressBar.rate(5_230_000) == "5.2 M ticks/s")
        let plain = ProgressBar(expectedTicks: nil, color: false, write: { _ in })
        #expect(plain.line(ticks: 1_036_801, time: 0, equity: -2_500.4, seconds: 0).contains("1,036,801 ticks"))
        #expect(plain.line(ticks: 1, time: 0, equity: -2_500.4, seconds: 0).hasSuffix("equity -2,500"))
    }
}
