extension PnLComponents {
    /// Component by component: several runs' P&L added up (Monte Carlo averages them).
    public static func + (a: PnLComponents, b: PnLComponents) -> PnLComponents {
        var c = PnLComponents()
        c.options = a.options + b.options
        c.underlying = a.underlying + b.underlying
        c.hedge = a.hedge + b.hedge
        c.fees = a.fees + b.fees
        c.slippage = a.slippage + b.slippage
        c.gas = a.gas + b.gas
        c.funding = a.funding + b.funding
        c.impermanentLoss = a.impermanentLoss + b.impermanentLoss
        c.lpFees = a.lpFees + b.lpFees
        c.hasLiquidity = a.hasLiquidity || b.hasLiquidity
        return c
    }

    /// Every amount times `factor` (1 / n for a mean).
    public func scaled(by factor: Double) -> PnLComponents {
        var c = self
        c.options *= factor
        c.underlying *= factor
        c.hedge *= factor
        c.fees *= factor
        c.slippage *= factor
        c.gas *= factor
        c.funding *= factor
        c.impermanentLoss *= factor
        c.lpFees *= factor
        return c
    }
}
