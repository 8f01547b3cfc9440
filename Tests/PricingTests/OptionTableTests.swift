import Testing
@testable import Pricing

@Suite struct OptionTableTests {
    static let header = "id,type,spot,strike,r,q,vol,T,note"

    @Test func pricesRowsAndPassesOtherColumnsThrough() throws {
        let csv = Self.header + "\nA,call,60,65,0.08,0,0.3,0.25,\"x,y\"\r\nB,put,100,95,0.1,0.05,0.2,0.5,plain\n"
        let out = try OptionTable.price(csv, model: .blackScholes).get()
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == Self.header + ",price,delta,gamma,vega,theta,rho")
        #expect(lines[1].hasPrefix("A,call,60,65,0.08,0,0.3,0.25,\"x,y\","))
        // Haug's values (also in the reference table): 2.1334 and 2.4648.
        let p1 = Double(lines[1].split(separator: ",")[10])!
        let p2 = Double(lines[2].split(separator: ",")[9])!
        #expect(abs(p1 - 2.1334) < 1e-4 && abs(p2 - 2.4648) < 1e-4)
        #expect(lines.count == 3)
    }

    /// A put with no volatility whose forward (100 e^0.05) is above its strike never pays:
    /// price, delta, gamma, vega and rho are all zero, written without a sign.
    @Test func aZeroIsWrittenWithoutASign() throws {
        let out = try OptionTable.price("type,spot,strike,r,q,vol,T\nput,100,100,0.05,0,0,1\n", model: .blackScholes).get()
        #expect(out.split(separator: "\n")[1] == "put,100,100,0.05,0,0,1,0.0,0.0,0.0,0.0,0.0,0.0")
    }

    @Test func mertonNeedsItsColumns() throws {
        let result = OptionTable.price(Self.header + "\nA,call,100,80,0.08,0,0.25,0.1,\n", model: .merton)
        guard case .failure(let failure) = result else { Issue.record("expected failure"); return }
        #expect(failure.issues == [OptionTable.Issue(line: 1, column: 1,
            message: "missing columns 'jump_intensity', 'jump_mean_log', 'jump_vol' for the merton model")])
        let ok = try OptionTable.price(
            "type,spot,strike,r,q,vol,T,jump_intensity,jump_mean_log,jump_vol\ncall,100,80,0.08,0,0.21650635094610965,0.1,1,-0.0078125,0.125\n",
            model: .merton).get()
        let price = Double(ok.split(separator: "\n")[1].split(separator: ",")[10])!
        #expect(abs(price - 20.67) < 0.01)  // Haug's Merton table, first row
    }

    @Test(arguments: [
        ("type,spot\ncall,1\n", 1, 1, "missing columns 'strike', 'r', 'q', 'vol', 'T' for the black-scholes model"),
        ("type,spot,strike,r,q,vol,T\ncall,100,abc,0,0,0.2,1\n", 2, 10, "strike: 'abc' is not a finite number"),
        ("type,spot,strike,r,q,vol,T\ncall,100,100,0,0,0.2\n", 2, 1, "expected 7 fields, found 6"),
        ("type,spot,strike,r,q,vol,T\nbinary,100,100,0,0,0.2,1\n", 2, 1, "type: 'binary' is not 'call' or 'put'"),
        ("type,spot,strike,r,q,vol,T\ncall,-5,100,0,0,0.2,1\n", 2, 6, "spot = -5.0 must be a finite number > 0"),
        ("type,spot,strike,r,q,vol,T\ncall,100,100,0,0,nan,1\n", 2, 18, "vol: 'nan' is not a finite number"),
        ("type,spot,strike,r,q,vol,T\ncall,\"100,100,0,0,0.2,1\n", 2, 6, "unterminated quoted field"),
        ("", 1, 1, "empty input: expected a header row"),
    ])
    func badInputIsReportedWithLineAndColumn(_ input: String, _ line: Int, _ column: Int, _ message: String) {
        guard case .failure(let failure) = OptionTable.price(input, model: .blackScholes) else {
            Issue.record("expected failure for \(input)"); return
        }
        #expect(failure.issues.first == OptionTable.Issue(line: line, column: column, message: message))
    }

    /// Implied volatilities of quoted prices. References: scipy's `brentq` on the textbook
    /// Black-Scholes-Merton formula (scipy.stats.norm), xtol 1e-15, independent of this
    /// package's solver. Row A is the textbook at-the-money call priced at 20%.
    @Test(arguments: [
        ("A,call,100,100,0.05,0,1,10.450583572185565", 0.20000000000000007),
        ("B,put,100,110,0.05,0.01,0.5,9.0", 0.13542462970385052),
        ("C,call,3000,3600,0.04,0,0.0833,25.0", 0.5034441777625894),
    ])
    func impliedVolatilityMatchesAnIndependentSolve(_ row: String, _ expected: Double) throws {
        let out = try OptionTable.impliedVolatilities("id,type,spot,strike,r,q,T,price\n" + row + "\n").get()
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,type,spot,strike,r,q,T,price,implied_vol,delta,gamma,vega,theta,rho")
        let fields = lines[1].split(separator: ",")
        let sigma = Double(fields[8])!
        #expect(abs(sigma - expected) < 1e-12)
        // The greeks are Black-Scholes' at that volatility: re-pricing gives the quote back.
        let repriced = try OptionTable.price(
            "type,spot,strike,r,q,vol,T\n" + [fields[1], fields[2], fields[3], fields[4], fields[5], fields[8], fields[6]].joined(separator: ",") + "\n",
            model: .blackScholes).get()
        let price = Double(repriced.split(separator: "\n")[1].split(separator: ",")[7])!
        #expect(abs(price - Double(fields[7])!) < 1e-9)
    }

    @Test(arguments: [
        // Discounted intrinsic of the put: 110 e^(-0.05 x 0.5) - 100 = 7.2841.
        ("put,100,110,0.05,0,0.5,1.0", 2, 24, "price 1.0 is below the option's discounted intrinsic value 7.284090323116587: no volatility gives it"),
        // A call is worth at most the spot (no carry): 100.
        ("call,100,100,0,0,1,100", 2, 20, "price 100.0 reaches the most any volatility gives (100.0): no volatility gives it"),
        ("call,100,100,0,0,1,-3", 2, 20, "price -3.0 cannot be an option's price here (negative, or time value at T = 0)"),
    ])
    func pricesNoVolatilityGivesAreErrorsAtTheirField(_ row: String, _ line: Int, _ column: Int, _ message: String) {
        guard case .failure(let failure) = OptionTable.impliedVolatilities("type,spot,strike,r,q,T,price\n" + row + "\n") else {
            Issue.record("accepted \(row)")
            return
        }
        #expect(failure.issues == [OptionTable.Issue(line: line, column: column, message: message)])
    }

    @Test func impliedVolatilityNeedsAPriceNotAVol() {
        guard case .failure(let failure) = OptionTable.impliedVolatilities("type,spot,strike,r,q,vol,T\ncall,1,1,0,0,0.2,1\n") else {
            Issue.record("accepted a table without prices")
            return
        }
        #expect(failure.issues.map(\.message) == ["missing column 'price' for --implied-vol"])
    }
}
