/// "Did you mean" hints: the closest known name within a small edit distance.
public enum DidYouMean {
    /// The candidate closest to `word` (Damerau-Levenshtein with adjacent swaps), if it is
    /// within a third of the word's length, and at least `minimumLimit` edits.
    public static func suggestion(for word: String, among candidates: [String], minimumLimit: Int = 1) -> String? {
        guard !word.isEmpty else { return nil }
        let limit = max(minimumLimit, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(Array(word.lowercased()), Array(candidate.lowercased()))
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// ` (did you mean `x`?)`, or nothing.
    public static func hint(for word: String, among candidates: [String], minimumLimit: Int = 1) -> String {
        suggestion(for: word, among: candidates, minimumLimit: minimumLimit).map { "; did you mean `\($0)`?" } ?? ""
    }
}
