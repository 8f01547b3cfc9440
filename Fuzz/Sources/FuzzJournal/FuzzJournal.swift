import Foundation
import PlanFormat
import HedgeplanFuzzing
import HedgeplanJournal

/// Damaged journal files: `--resume` and `inspect` refuse naming the file, or read it
/// (`JournalProperties`). The seeds in `Fuzz/Corpus/journal` are journals of the run
/// `FuzzJournalFixtures.identity` names, so that mutants get past the identity check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let problems = JournalProperties.problems(
        bytes: Data(bytes: data, count: size), path: FuzzJournalFixtures.scratch, identity: FuzzJournalFixtures.identity)
    if !problems.isEmpty { fatalError("broken properties:\n" + problems.joined(separator: "\n")) }
    return 0
}

enum FuzzJournalFixtures {
    /// One scratch file per fuzzing process.
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-journal-\(getpid()).sqlite").path
    /// The run the seed journals hold (see `Fuzz/Corpus/journal/README.md`).
    static let identity: RunIdentity = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = (try? Data(contentsOf: root.appendingPathComponent("Corpus/journal-plan.json"))) ?? Data()
        guard let plan = try? PlanCoding.decode(data) else { fatalError("Fuzz/Corpus/journal-plan.json is missing or not a plan") }
        return RunIdentity(plan: plan, feed: FuzzJournalFixtures.feed)
    }()
    static let feed = "gbm:spot=3000,vol=0.6,days=2,step=1h,seed=3"
}
