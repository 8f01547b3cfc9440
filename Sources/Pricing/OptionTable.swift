/// The `hedgeplan price` table: CSV text in, CSV text out, with no I/O.
///
/// Input: a header naming at least `type` (call|put), `spot`, `strike`, `r`, `q`, `vol`, `T`
/// (years) and, for Merton, `jump_intensity`, `jump_mean_log`, `jump_vol` (any order, case
/// sensitive names, surrounding spaces ignored). Other columns are passed through untouched.
/// Fields may be quoted ("a,b" with "" for a quote). Output: the input rows with `price`,
/// `delta`, `gamma`, `vega`, `theta`, `rho` appended (units of `OptionValuation`).
public struct OptionTable: Sendable {
    public enum Model: String, Sendable, CaseIterable {
        case blackScholes = "black-scholes"
        case merton
    }

    /// A problem in the input, located at a 1-based line and column (column of the field's first character).
    public struct Issue: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): error: \(message)" }
    }

    /// Every issue found in one input (rows are checked independently, so all are reported).
    public struct Failure: Error, Sendable, Hashable {
        public var issues: [Issue]
    }

    public static let outputColumns = ["price", "delta", "gamma", "vega", "theta", "rho"]
    /// What `--implied-vol` appends: the Black-Scholes volatility that reproduces the row's
    /// `price` (annualised fraction), and the greeks at that volatility.
    public static let impliedVolatilityColumns = ["implied_vol", "delta", "gamma", "vega", "theta", "rho"]

    /// What the table computes from each row.
    public enum Mode: Sendable {
        /// Price and greeks from `vol` under the model.
        case price(Model)
        /// Black-Scholes implied volatility from a `price` column (no `vol` needed), and the
        /// greeks at it: a quoted chain in, the volatilities a trader compares, out.
        case impliedVolatility
    }

    /// Prices every row of `csv` under `model` and returns the output CSV, or every issue found.
    public static func price(_ csv: String, model: Model) -> Result<String, Failure> {
        table(csv, mode: .price(model))
    }

    /// Every row's implied volatility from its `price` column (see `Mode.impliedVolatility`).
    public static func impliedVolatilities(_ csv: String) -> Result<String, Failure> {
        table(csv, mode: .impliedVolatility)
    }

    static func table(_ csv: String, mode: Mode) -> Result<String, Failure> {
        let rows: [[Field]]
        switch split(csv) {
        case .failure(let issue): return .failure(Failure(issues: [issue]))
        case .success(let r): rows = r
        }
        guard let header = rows.first else {
            return .failure(Failure(issues: [Issue(line: 1, column: 1, message: "empty input: expected a header row")]))
        }
        // The columns each mode reads, in the order `values` below holds them.
        let required: [String]
        let modeName: String
        switch mode {
        case .price(let model):
            required = ["type", "spot", "strike", "r", "q", "vol", "T"]
                + (model == .merton ? ["jump_intensity", "jump_mean_log", "jump_vol"] : [])
            modeName = "the \(model.rawValue) model"
        case .impliedVolatility:
            required = ["type", "spot", "strike", "r", "q", "T", "price"]
            modeName = "--implied-vol"
        }
        var index: [String: Int] = [:]
        for (i, f) in header.enumerated() {
            let name = f.text.trimmingSpaces
            if required.contains(name), index[name] != nil {
                return .failure(Failure(issues: [Issue(line: f.line, column: f.column, message: "duplicate column '\(name)'")]))
            }
            if index[name] == nil { index[name] = i }
        }
        let missing = required.filter { index[$0] == nil }
        if !missing.isEmpty {
            return .failure(Failure(issues: [Issue(line: 1, column: 1, message: "missing column\(missing.count > 1 ? "s" : "") "
                + missing.map { "'\($0)'" }.joined(separator: ", ") + " for \(modeName)")]))
        }
        var issues: [Issue] = []
        let appended: [String]
        if case .price = mode { appended = outputColumns } else { appended = impliedVolatilityColumns }
        var out = header.map { quote($0.text) } + appended
        var lines = [out.joined(separator: ",")]
        for row in rows.dropFirst() {
            let rowLine = row.first?.line ?? 0
            if row.count != header.count {
                issues.append(Issue(line: rowLine, column: 1, message: "expected \(header.count) fields, found \(row.count)"))
                continue
            }
            func field(_ name: String) -> Field { row[index[name]!] }
            func number(_ name: String) -> Double? {
                let f = field(name)
                let text = f.text.trimmingSpaces
                guard let v = Double(text), v.isFinite else {
                    issues.append(Issue(line: f.line, column: f.column, message: "\(name): '\(text)' is not a finite number"))
                    return nil
                }
                return v
            }
            let typeField = field("type")
            let kind = OptionKind(parsing: Substring(typeField.text.trimmingSpaces))
            if kind == nil {
                issues.append(Issue(line: typeField.line, column: typeField.column,
                                    message: "type: '\(typeField.text)' is not 'call' or 'put'"))
            }
            let values = required.dropFirst().map { number($0) }
            guard let kind, !values.contains(where: { $0 == nil }) else { continue }
            let v = values.map { $0! }
            let computed: [Double]
            do {
                switch mode {
                case .price(let model):
                    let option = try EuropeanOption(kind: kind, spot: v[0], strike: v[1], rate: v[2], carry: v[3],
                                                    volatility: v[4], timeToExpiry: v[5])
                    let valuation: OptionValuation
                    switch model {
                    case .blackScholes: valuation = BlackScholes.valuation(option)
                    case .merton:
                        valuation = try MertonJumpDiffusion.valuation(
                            option, jumps: JumpParameters(intensity: v[6], meanLog: v[7], volatility: v[8]))
                    }
                    computed = [valuation.price, valuation.delta, valuation.gamma, valuation.vega, valuation.theta, valuation.rho]
                case .impliedVolatility:
                    // Validated with a placeholder volatility; the solver ignores it.
                    let option = try EuropeanOption(kind: kind, spot: v[0], strike: v[1], rate: v[2], carry: v[3],
                                                    volatility: 0.2, timeToExpiry: v[4])
                    let priceField = field("price")
                    let solved = ImpliedVolatility.solve(price: v[5], option: option)
                    guard case .success(let sigma) = solved, let atSigma = try? option.with(volatility: sigma) else {
                        var message = "price \(v[5]) implies a volatility above 10 (1000%)"
                        if case .failure(let why) = solved { message = Self.describe(why, price: v[5]) }
                        issues.append(Issue(line: priceField.line, column: priceField.column, message: message))
                        continue
                    }
                    let valuation = BlackScholes.valuation(atSigma)
                    computed = [sigma, valuation.delta, valuation.gamma, valuation.vega, valuation.theta, valuation.rho]
                }
            } catch {
                let name = error.field.split(separator: " ").first.map(String.init) ?? error.field
                let f = index[name].map { row[$0] } ?? row[0]
                issues.append(Issue(line: f.line, column: f.column, message: error.description))
                continue
            }
            // No negative zero: `-0.0` reads as a sign where there is none (the delta of a
            // put that cannot finish in the money).
            out = row.map { quote($0.text) } + computed.map { "\($0 == 0 ? 0 : $0)" }
            lines.append(out.joined(separator: ","))
        }
        if !issues.isEmpty { return .failure(Failure(issues: issues)) }
        return .success(lines.joined(separator: "\n") + "\n")
    }

    /// Why a row's price has no implied volatility, in the row's units (QUOTE per BASE).
    static func describe(_ why: ImpliedVolatilityError, price: Double) -> String {
        switch why {
        case .belowIntrinsic(let intrinsic):
            return "price \(price) is below the option's discounted intrinsic value \(intrinsic): no volatility gives it"
        case .aboveUpperBound(let bound):
            return "price \(price) reaches the most any volatility gives (\(bound)): no volatility gives it"
        case .invalidPrice:
            return "price \(price) cannot be an option's price here (negative, or time value at T = 0)"
        case .notConverged(let last):
            return "the implied volatility did not converge (last estimate \(last))"
        }
    }

    /// One CSV field with the position of its first character.
    struct Field: Sendable {
        var text: String
        var line: Int
        var column: Int
    }

    /// Splits CSV text into rows of fields (RFC 4180 quoting; CRLF or LF; blank lines skipped).
    static func split(_ csv: String) -> Result<[[Field]], Issue> {
        var rows: [[Field]] = []
        var row: [Field] = []
        var field = ""
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var inQuotes = false, quoted = false, atFieldStart = true
        var chars = Array(csv.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endField() {
            row.append(Field(text: field, line: fieldLine, column: fieldColumn))
            field = ""; quoted = false; atFieldStart = true
        }
        while i < chars.count {
            let c = chars[i]
            if atFieldStart { fieldLine = line; fieldColumn = column; atFieldStart = false }
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1; column += 1 }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" { line += 1; column = 0 }
                }
            } else if c == "\"" {
                if !field.isEmpty || quoted {
                    return .failure(Issue(line: line, column: column, message: "unexpected '\"' inside an unquoted field"))
                }
                inQuotes = true; quoted = true
            } else if c == "," {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                if !(row.isEmpty && field.isEmpty && !quoted) { endField(); rows.append(row) }
                row = []; field = ""; quoted = false; atFieldStart = true
                line += 1; column = 0
            } else {
                if quoted { return .failure(Issue(line: line, column: column, message: "text after a closing quote")) }
                field.unicodeScalars.append(c)
            }
            i += 1; column += 1
        }
        if inQuotes { return .failure(Issue(line: fieldLine, column: fieldColumn, message: "unterminated quoted field")) }
        if !row.isEmpty || !field.isEmpty || quoted { endField(); rows.append(row) }
        return .success(rows)
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    func replacingAll(_ a: Character, with b: String) -> String {
        var r = ""
        for c in self { if c == a { r += b } else { r.append(c) } }
        return r
    }
}
