import HedgeplanTestSupport

/// Damages a strategy file the way a hurried edit or a broken tool would: one to three
/// line-level edits, hostile scalars in place of values, or a cut-off file. Deterministic
/// for a given generator state.
struct StrategyMutator {
    /// Values that have broken parsers before: empty, negative, overflowing, not-a-number,
    /// YAML null, zero, subnormal, unclosed flow, a map where a scalar belongs, an anchor,
    /// an undefined alias, a control character, and a long string.
    static let hostileScalars: [String] = [
        "", "-1", "1e400", "nan", "~", "0", "1e-320", "[", "{a: b}", "&x", "*x", "\u{07}", String(repeating: "9", count: 4_000),
        "-1e400", ".inf", "1e-9", "\"\"", "true", "2026-02-30T00:00:00Z", "-100%", "1e12", "-0",
    ]

    enum Edit: CustomStringConvertible {
        case deleteLine(Int)
        case duplicateLine(Int)
        case swapLines(Int, Int)
        case replaceScalar(line: Int, column: Int, with: String)
        case indent(line: Int, by: Int)
        case truncate(characters: Int)

        var description: String {
            switch self {
            case .deleteLine(let l): return "delete line \(l + 1)"
            case .duplicateLine(let l): return "duplicate line \(l + 1)"
            case .swapLines(let a, let b): return "swap lines \(a + 1) and \(b + 1)"
            case .replaceScalar(let l, let c, let v):
                let shown = v.count > 20 ? "\(v.count) characters" : v.debugDescription
                return "replace the value at \(l + 1):\(c + 1) with \(shown)"
            case .indent(let l, let by): return "indent line \(l + 1) by \(by)"
            case .truncate(let n): return "truncate to \(n) characters"
            }
        }
    }

    struct Mutant {
        var text: String
        var edits: [Edit]
    }

    static func mutate(_ text: String, using rng: inout SeededGenerator) -> Mutant {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edits: [Edit] = []
        let count = Int.random(in: 1...3, using: &rng)
        for _ in 0..<count {
            guard !lines.isEmpty else { break }
            let kind = Int.random(in: 0..<12, using: &rng)
            let line = Int.random(in: 0..<lines.count, using: &rng)
            switch kind {
            case 0, 1:
                lines.remove(at: line)
                edits.append(.deleteLine(line))
            case 2:
                lines.insert(lines[line], at: line)
                edits.append(.duplicateLine(line))
            case 3:
                let other = Int.random(in: 0..<lines.count, using: &rng)
                lines.swapAt(line, other)
                edits.append(.swapLines(line, other))
            case 4, 5, 6, 7, 8:
                if let edit = replaceScalar(&lines, using: &rng) { edits.append(edit) }
            case 9, 10:
                let by = [-4, -2, -1, 1, 2, 4].randomElement(using: &rng)!
                if by < 0 {
                    let spaces = lines[line].prefix { $0 == " " }.count
                    lines[line].removeFirst(min(spaces, -by))
                } else {
                    lines[line] = String(repeating: " ", count: by) + lines[line]
                }
                edits.append(.indent(line: line, by: by))
            default:
                let joined = lines.joined(separator: "\n")
                let cut = Int.random(in: 0...joined.count, using: &rng)
                lines = String(joined.prefix(cut)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                edits.append(.truncate(characters: cut))
            }
        }
        return Mutant(text: lines.joined(separator: "\n"), edits: edits)
    }

    /// Replaces one value (the text after a `: ` up to the end of its flow item, comment or
    /// line) with a hostile scalar.
    static func replaceScalar(_ lines: inout [String], using rng: inout SeededGenerator) -> Edit? {
        var slots: [(line: Int, start: Int, end: Int)] = []
        for (index, line) in lines.enumerated() {
            let characters = Array(line)
            if characters.first(where: { $0 != " " }) == "#" { continue }
            var i = 0
            while i + 1 < characters.count {
                if characters[i] == ":" && characters[i + 1] == " " || characters[i] == "-" && characters[i + 1] == " " {
                    var start = i + 2
                    while start < characters.count, characters[start] == " " { start += 1 }
                    var end = start
                    while end < characters.count, !",}]#".contains(characters[end]) { end += 1 }
                    while end > start, characters[end - 1] == " " { end -= 1 }
                    if end > start { slots.append((index, start, end)) }
                }
                i += 1
            }
        }
        guard let slot = slots.randomElement(using: &rng) else { return nil }
        let value = hostileScalars.randomElement(using: &rng)!
        var characters = Array(lines[slot.line])
        characters.replaceSubrange(slot.start..<slot.end, with: Array(value))
        lines[slot.line] = String(characters)
        return .replaceScalar(line: slot.line, column: slot.start, with: value)
    }
}
