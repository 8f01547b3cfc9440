import Venues

/// BASE and QUOTE in raw token units (wei-like integers, the pools' own), signed, so that a
/// portfolio can account for every token moved through its pools to the smallest unit.
public struct TokenAmounts: Sendable, Equatable {
    public var base: Int256
    public var quote: Int256

    public static let zero = TokenAmounts(base: .zero, quote: .zero)

    public init(base: Int256, quote: Int256) {
        self.base = base
        self.quote = quote
    }

    /// A constant-product pool's reserves.
    init(_ pool: ConstantProductPool) {
        // Reserves are below 2^255 by construction (the exact engine reverts past 2^256-1 on add).
        base = Int256(exactly: pool.reserveBaseRaw) ?? .max
        quote = Int256(exactly: pool.reserveQuoteRaw) ?? .max
    }

    /// A concentrated-liquidity pool's token balances (BASE is token0): what its positions
    /// hold plus the fees paid into it.
    init(_ pool: ConcentratedLiquidityPool) {
        base = Int256(exactly: pool.engine.balance0) ?? .max
        quote = Int256(exactly: pool.engine.balance1) ?? .max
    }

    public static func + (lhs: TokenAmounts, rhs: TokenAmounts) -> TokenAmounts {
        TokenAmounts(base: lhs.base + rhs.base, quote: lhs.quote + rhs.quote)
    }

    public static func - (lhs: TokenAmounts, rhs: TokenAmounts) -> TokenAmounts {
        TokenAmounts(base: lhs.base - rhs.base, quote: lhs.quote - rhs.quote)
    }
}
