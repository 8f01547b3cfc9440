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
}
