import Foundation
import PlanFormat
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanIR

/// A portfolio file loaded, its members compiled (strategies) or loaded (plans), and the
/// checks that need the member files: what `validate`, `lint` and the runs start from.
public struct CompiledPortfolio: Sendable {
    public var loaded: LoadedPortfolio
    /// The run's setup, when nothing is in error.
    public var setup: PortfolioSetup?
    /// The portfolio's and its members' diagnostics, in reading order.
    public var diagnostics: [Diagnostic]
    /// Source texts by path (the portfolio's and its strategy members'), for quoting lines.
    public var sources: [String: String]
    /// Member strategy files that compiled (or tried to), by resolved path, for `lint`.
    public var strategyPaths: [String]

    public var hasErrors: Bool { diagnostics.hasErrors }
    /// The portfolio file itself, or a member strategy, could not be read.
    public var isIOFailure: Bool { diagnostics.contains { $0.rule == .io } }
}

/// Checks a portfolio against its member files (simulation.md, "Portfolios"): a member
/// file that does not exist, a shared venue whose kind differs from a member's venue of the
/// same name, a member whose hedge no venue offers once the shared venues replace its own,
/// and members on different pairs.
public enum PortfolioCompiler {
    public static func compile(path: String, now: Instant, history: PriceHistory? = nil) -> CompiledPortfolio {
        compile(PortfolioLoader.load(path: path, now: now), now: now, history: history)
    }

    public static func compile(_ loaded: LoadedPortfolio, now: Instant, history: PriceHistory? = nil) -> CompiledPortfolio {
        var result = CompiledPortfolio(loaded: loaded, setup: nil, diagnostics: loaded.diagnostics, sources: [:], strategyPaths: [])
        result.sources[loaded.path] = loaded.source?.text
        guard let portfolio = loaded.portfolio else { return result }
        var diagnostics: [Diagnostic] = []
        var members: [PortfolioSetup.Member] = []
        var used = Set<String>()
        var pair: (value: String, member: SourceLocation)?
        for member in portfolio.members {
            let resolved = member.resolvedPath(portfolioPath: portfolio.path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
                diagnostics.append(.error(
                    .unresolvedReference,
                    "member file `\(member.source.value.path)` \(isDirectory.boolValue ? "is a directory" : "does not exist")",
                    at: member.source.location,
                    notes: [.init("member paths are relative to the portfolio file's folder: this one is \(resolved)")]))
                continue
            }
            guard let loadedMember = loadMember(member, resolved: resolved, now: now, history: history, &result, &diagnostics) else { continue }
            for own in loadedMember.venues {
                guard let shared = portfolio.venue(named: own.name) else { continue }
                used.insert(own.name)
                if shared.venue.kind.name != own.kind {
                    diagnostics.append(.error(
                        .inconsistent,
                        "shared venue `\(own.name)` is \(shared.venue.kind.name), and member `\(member.source.value.path)` declares `\(own.name)` as \(own.kind)",
                        at: shared.kindLocation, notes: [.init("the member's venue is declared here", at: own.location ?? member.source.location)]))
                }
            }
            if let instrument = loadedMember.hedgeInstrument {
                let kinds = loadedMember.venues.map { portfolio.venue(named: $0.name)?.venue.kind.name ?? $0.kind }
                let offered = instrument == "perp" ? kinds.contains("perp") : kinds.contains { $0 != "perp" }
                if !offered {
                    let needed = instrument == "perp" ? "a perp" : "a constant-product or concentrated-liquidity pool"
                    diagnostics.append(.error(
                        .feasibility,
                        "member `\(member.source.value.path)` hedges with \(instrument), and none of its venues offers it once the shared venues replace its own: it needs \(needed)",
                        at: member.source.location))
                }
            }
            if let first = pair, first.value != loadedMember.pair {
                diagnostics.append(.error(
                    .inconsistent, "member `\(member.source.value.path)` trades \(loadedMember.pair), and the first member trades \(first.value): members share venues, so they trade one pair",
                    at: member.source.location, notes: [.init("the first member", at: first.member)]))
            } else if pair == nil {
                pair = (loadedMember.pair, member.source.location)
            }
            if let plan = loadedMember.plan {
                members.append(PortfolioSetup.Member(
                    name: member.source.value.path, plan: plan, copies: member.copies.value, collateral: member.collateral.value))
            }
        }
        for shared in portfolio.venues where !used.contains(shared.venue.name.value) {
            let marked = portfolio.venues.contains { $0.mark?.value == shared.venue.name.value && used.contains($0.venue.name.value) }
            guard !marked else { continue }
            diagnostics.append(Diagnostic(
                .warning, .inconsistent,
                "no member declares a venue called `\(shared.venue.name.value)`: a shared venue replaces the members' venues of the same name, so nobody trades on this one",
                at: shared.venue.name.location))
        }
        result.diagnostics = (result.diagnostics + diagnostics).sortedByLocation()
        if !result.hasErrors, members.count == portfolio.members.count {
            result.setup = PortfolioSetup(
                name: portfolio.name.value, members: members,
                venues: portfolio.venues.map { shared in
                    PortfolioSetup.Venue(
                        venue: ExecutionLoweringPass.lower(shared.venue), mark: shared.mark?.value,
                        margin: shared.margin.map { PortfolioSetup.Margin(initial: $0.initial, maintenance: $0.maintenance) })
                },
                arbitrage: portfolio.arbitrage.value)
        }
        return result
    }

    /// What the checks need of one member.
    struct LoadedMember {
        var plan: HedgingPlan?
        var venues: [(name: String, kind: String, location: SourceLocation?)]
        /// `spot` or `perp`; nil without a hedge.
        var hedgeInstrument: String?
        /// BASE/QUOTE.
        var pair: String
    }

    private static func loadMember(
        _ member: PortfolioMember, resolved: String, now: Instant, history: PriceHistory?, _ result: inout CompiledPortfolio,
        _ diagnostics: inout [Diagnostic]
    ) -> LoadedMember? {
        switch member.source.value {
        case .strategy:
            // A portfolio named as a member read as a strategy gave "missing key `name`",
            // "unknown key `portfolio`": say what it is instead.
            if PortfolioLoader.isPortfolio(path: resolved) {
                diagnostics.append(.error(
                    .inconsistent,
                    "member `\(member.source.value.path)` is itself a portfolio; a member is a strategy or a plan: list that portfolio's members here instead",
                    at: member.source.location))
                return nil
            }
            let compiled = PlanCompiler.compile(path: resolved, now: now, history: history)
            result.strategyPaths.append(resolved)
            result.sources[resolved] = compiled.checked.loaded.source?.text
            diagnostics += compiled.diagnostics
            guard let strategy = compiled.checked.strategy else { return nil }
            if compiled.plan == nil, !compiled.diagnostics.hasErrors {
                diagnostics.append(.error(.compile, "member `\(member.source.value.path)` does not compile", at: member.source.location))
            }
            return LoadedMember(
                plan: compiled.plan,
                venues: (strategy.execution?.venues ?? []).map { ($0.name.value, $0.kind.name, $0.kind.name.isEmpty ? nil : $0.location) },
                hedgeInstrument: strategy.hedge?.instrument.value.rawValue,
                pair: "\(strategy.underlying.value.base)/\(strategy.underlying.value.quote)")
        case .plan:
            do throws(PlanLoader.Failure) {
                let plan = try PlanLoader.load(path: resolved)
                return LoadedMember(
                    plan: plan, venues: (plan.execution?.venues ?? []).map { ($0.name, $0.kind.rawValue, nil) },
                    hedgeInstrument: plan.hedge?.instrument.rawValue, pair: "\(plan.strategy.base)/\(plan.strategy.quote)")
            } catch {
                switch error {
                case .unreadable(_, let reason):
                    diagnostics.append(.error(.io, "member plan `\(member.source.value.path)`: \(reason)", at: member.source.location))
                case .rejected(_, let problems):
                    for problem in problems {
                        diagnostics.append(.error(
                            .plan, "member plan `\(member.source.value.path)`: \(problem.path): \(problem.message)", at: member.source.location))
                    }
                }
            }
            return nil
        }
    }
}
