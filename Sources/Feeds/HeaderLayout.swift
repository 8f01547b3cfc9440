/// A column of a CSV file, by header name (compared case-insensitively, ignoring spaces,
/// `_`, `-` and other punctuation: `Open time` = `open_time` = `OpenTime`) or by 1-based
/// position (`.position(1)` is the first column), as people count columns.
public enum ColumnReference: Equatable, Sendable, CustomStringConvertible {
    case name(String)
    case position(Int)

    public var description: String {
        switch self {
        case .name(let n): "`\(n)`"
        case .position(let p): "column \(p)"
        }
    }

    /// `"4"` is a position, anything else a name.
    public init(parsing text: String) {
        if let n = Int(text), n >= 1 { self = .position(n) } else { self = .name(text) }
    }
}

/// An explicit choice of columns that overrides detection. Any member left nil is detected.
public struct ColumnMapping: Equatable, Sendable {
    public var time: ColumnReference?
    public var price: ColumnReference?
    public var gasGwei: ColumnReference?
    public var impliedVolatility: ColumnReference?
    /// BASE traded per row (lp fee accrual). Naming it reads it; see `detectsVolume`.
    public var volume: ColumnReference?
    /// Looks for a volume column by its usual names (`volume`, `base_volume`, ...) when
    /// `volume` is not named. Off by default: only lp fee accrual needs it, and parsing it
    /// costs about a third more CPU on OHLCV files (BENCHMARKS.md, Feeds).
    public var detectsVolume = false

    public init(time: ColumnReference? = nil, price: ColumnReference? = nil,
                gasGwei: ColumnReference? = nil, impliedVolatility: ColumnReference? = nil, volume: ColumnReference? = nil) {
        self.time = time
        self.price = price
        self.gasGwei = gasGwei
        self.impliedVolatility = impliedVolatility
        self.volume = volume
    }

    public var isEmpty: Bool { time == nil && price == nil && gasGwei == nil && impliedVolatility == nil && volume == nil }
}

/// Which column holds what, in one CSV file: the result of header detection (or of a
/// mapping). Column indices are 0-based here; messages print them 1-based.
///
/// Known headers (names normalised to lower-case letters and digits):
/// - time: `timestamp`, `unix`, `unix_time`, `time`, `datetime`, `date`, `open_time`
///   (Binance klines), `snapped_at` (CoinGecko), `time_open`/`timeOpen` (CoinMarketCap),
///   `time_period_start` (CoinAPI), `ts`, `t`
/// - price: `price`, `close`, `close_price`, `last`, `last_price`, `c`, `rate`, `value`
///   (so OHLCV files use the close; `Adj Close` is not the close)
/// - gas: `gas_gwei`, `gas`, `gas_price_gwei`, `base_fee_gwei`; implied vol: `iv`,
///   `implied_vol`, `implied_volatility`, `mark_iv`; volume (BASE per row, OHLCV files):
///   `volume`, `base_volume`, `volume_base`
/// A file whose first line is data (its first field is a timestamp) has no header: 2 to 4
/// columns read as `time,price,...`; 5 or more as Binance/Kraken klines
/// (`open time, open, high, low, close, ...`): the close is column 5.
public struct HeaderLayout: Equatable, Sendable {
    public var delimiter: UInt8
    public var timeColumn: Int
    public var priceColumn: Int
    public var gasColumn: Int?
    public var impliedVolatilityColumn: Int?
    public var volumeColumn: Int?
    /// Header fields as written (empty for a headerless file).
    public var columnNames: [String]
    /// Whether the layout's first line is a header (false: the first line is data).
    public var hasHeader: Bool
    /// One line for the run's notes: which layout, which columns.
    public var summary: String

    static let timeNames = ["timestamp", "unix", "unixtime", "unixtimestamp", "time", "datetime", "date",
                            "opentime", "snappedat", "timeopen", "timeperiodstart", "ts", "t"]
    static let priceNames = ["price", "close", "closeprice", "last", "lastprice", "c", "rate", "value"]
    static let gasNames = ["gasgwei", "gas", "gaspricegwei", "basefeegwei"]
    static let impliedVolatilityNames = ["iv", "impliedvol", "impliedvolatility", "markiv"]
    static let volumeNames = ["volume", "basevolume", "volumebase"]

    /// Lower-case ASCII letters and digits only: `"Open time"` -> `"opentime"`.
    static func normalise(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.compactMap { s -> Unicode.Scalar? in
            if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32) }
            if (s.value >= 97 && s.value <= 122) || (s.value >= 48 && s.value <= 57) { return s }
            return nil
        }))
    }

    private static func firstIndex(of names: [String], in normalised: [String]) -> Int? {
        for n in names { if let i = normalised.firstIndex(of: n) { return i } }
        return nil
    }

    /// Resolves a reference against header fields; nil when the name is absent or the position
    /// out of range. Positions are valid without a header when `columnCount` allows them.
    static func resolve(_ ref: ColumnReference, names normalised: [String], columnCount: Int) -> Int? {
        switch ref {
        case .position(let p): return p >= 1 && p <= columnCount ? p - 1 : nil
        case .name(let n):
            let key = normalise(n)
            return normalised.firstIndex(of: key)
        }
    }

    /// Detects a layout from a header line's fields, with `mapping` overriding detection.
    /// Nil when the time or price column cannot be found.
    static func detect(header fields: [String], delimiter: UInt8, mapping: ColumnMapping) -> HeaderLayout? {
        let normalised = fields.map(normalise)
        let n = fields.count
        func pick(_ ref: ColumnReference?, _ names: [String]) -> Int?? {
            if let ref { return .some(resolve(ref, names: normalised, columnCount: n)) }
            return .some(firstIndex(of: names, in: normalised))
        }
        guard let time = pick(mapping.time, timeNames) ?? nil,
              let price = pick(mapping.price, priceNames) ?? nil, time != price else { return nil }
        // An explicit optional column that is missing fails the whole mapping (no silent fallback).
        let gas = pick(mapping.gasGwei, gasNames) ?? nil
        if mapping.gasGwei != nil && gas == nil { return nil }
        let iv = pick(mapping.impliedVolatility, impliedVolatilityNames) ?? nil
        if mapping.impliedVolatility != nil && iv == nil { return nil }
        let volume = mapping.volume != nil || mapping.detectsVolume ? pick(mapping.volume, volumeNames) ?? nil : nil
        if mapping.volume != nil && volume == nil { return nil }
        let isOHLC = ["open", "high", "low", "close"].allSatisfy(normalised.contains)
        var summary = isOHLC ? "OHLC layout" : "layout"
        summary += ": time from `\(fields[time])` (column \(time + 1)), price from `\(fields[price])` (column \(price + 1))"
        if let gas { summary += ", gas from `\(fields[gas])`" }
        if let iv { summary += ", implied volatility from `\(fields[iv])`" }
        if let volume { summary += ", volume from `\(fields[volume])`" }
        if !mapping.isEmpty { summary += " (column mapping given)" }
        return HeaderLayout(delimiter: delimiter, timeColumn: time, priceColumn: price, gasColumn: gas,
                            impliedVolatilityColumn: iv, volumeColumn: volume, columnNames: fields, hasHeader: true, summary: summary)
    }

    /// The layout of a file without header whose first line has `columnCount` fields.
    static func headerless(columnCount n: Int, delimiter: UInt8, mapping: ColumnMapping) -> HeaderLayout? {
        func position(_ ref: ColumnReference?) -> Int?? {
            guard let ref else { return .some(nil) }
            if case .position(let p) = ref, p >= 1, p <= n { return .some(p - 1) }
            return .none   // names cannot resolve without a header
        }
        guard n >= 2, let t = position(mapping.time), let pr = position(mapping.price),
              let gas = position(mapping.gasGwei), let iv = position(mapping.impliedVolatility),
              let volume = position(mapping.volume) else { return nil }
        let time = t ?? 0
        let price = pr ?? (n >= 5 ? 4 : 1)
        guard time != price else { return nil }
        var summary: String
        if mapping.isEmpty {
            summary = n >= 5
                ? "no header: \(n) columns read as klines (open time, open, high, low, close, ...), time from column 1, price from column 5 (the close)"
                : "no header: time from column 1, price from column 2"
        } else {
            summary = "no header: time from column \(time + 1), price from column \(price + 1) (column mapping given)"
        }
        if let gas { summary += ", gas from column \(gas + 1)" }
        if let iv { summary += ", implied volatility from column \(iv + 1)" }
        if let volume { summary += ", volume from column \(volume + 1)" }
        return HeaderLayout(delimiter: delimiter, timeColumn: time, priceColumn: price, gasColumn: gas,
                            impliedVolatilityColumn: iv, volumeColumn: volume, columnNames: [], hasHeader: false, summary: summary)
    }
}
