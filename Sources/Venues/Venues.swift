/// Venue math for simulated fills: constant-product and concentrated-liquidity pools and
/// perpetuals. Pure functions and value types; no I/O.
///
/// Two layers:
/// - Exact integer ports of Uniswap's contracts (`ConstantProductMath` for v2; `FullMath`,
///   `TickMath`, `SqrtPriceMath`, `SwapMath`, `TickTable` and `UniswapV3Pool` for v3). They
///   work in raw token units (wei-like integers), agree bit for bit with the contracts, and
///   report every `require` that would revert as a typed `UniswapMathError`. Their words are
///   fixed-width stack values (`UInt256`, `Int256`, and `UInt512` for `FullMath`'s product),
///   so a quote or a swap allocates nothing.
/// - Runtime models in QUOTE and BASE (`ConstantProductPool`, `ConcentratedLiquidityPool`,
///   `PerpVenue`, `Router`, `HedgeSlicer`): `Double`s at the boundary, the exact engines
///   inside, state carried from one trade to the next. The router sizes its children on
///   floating-point models (each venue's `MarginalSizeCurve`, a pool's slippage-cap
///   estimate) and prices every candidate with exact quotes.
public enum Venues {}
