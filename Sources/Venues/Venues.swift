/// Venue math for simulated fills: constant-product and concentrated-liquidity pools and
/// perpetuals. Pure functions and value types; no I/O.
public enum Venues {}
