// QuantLib peer: AnalyticEuropeanEngine (price, delta, gamma, vega, theta, rho) and
// JumpDiffusionEngine (price, delta, gamma, vega, theta) over the inputs dumped by PricingBench.
#include <ql/quantlib.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <vector>
using namespace QuantLib;
static std::vector<double> load(const std::string& dir, const std::string& name) {
    std::ifstream f(dir + "/" + name + ".f64", std::ios::binary | std::ios::ate);
    std::vector<double> v(f.tellg() / 8); f.seekg(0); f.read((char*)v.data(), v.size() * 8); return v;
}
int main(int argc, char** argv) {
    std::string dir = argv[1];
    long nBS = argc > 2 ? atol(argv[2]) : 200000, nM = argc > 3 ? atol(argv[3]) : 5000;
    auto kind = load(dir, "bs_kind"), S = load(dir, "bs_spot"), K = load(dir, "bs_strike"), r = load(dir, "bs_r"),
         q = load(dir, "bs_q"), v = load(dir, "bs_vol"), T = load(dir, "bs_t");
    Date today(1, January, 2025); Settings::instance().evaluationDate() = today;
    DayCounter dc = Actual365Fixed();
    auto spot = ext::make_shared<SimpleQuote>(0.0), rq = ext::make_shared<SimpleQuote>(0.0),
         qq = ext::make_shared<SimpleQuote>(0.0), vq = ext::make_shared<SimpleQuote>(0.0);
    Handle<YieldTermStructure> rts(ext::make_shared<FlatForward>(today, Handle<Quote>(rq), dc));
    Handle<YieldTermStructure> qts(ext::make_shared<FlatForward>(today, Handle<Quote>(qq), dc));
    Handle<BlackVolTermStructure> vts(ext::make_shared<BlackConstantVol>(today, NullCalendar(), Handle<Quote>(vq), dc));
    auto process = ext::make_shared<BlackScholesMertonProcess>(Handle<Quote>(spot), qts, rts, vts);
    auto bsEngine = ext::make_shared<AnalyticEuropeanEngine>(process);
    auto jI = ext::make_shared<SimpleQuote>(5.0), jM = ext::make_shared<SimpleQuote>(-0.05), jV = ext::make_shared<SimpleQuote>(0.15);
    auto jprocess = ext::make_shared<Merton76Process>(Handle<Quote>(spot), qts, rts, vts, Handle<Quote>(jI), Handle<Quote>(jM), Handle<Quote>(jV));
    auto jEngine = ext::make_shared<JumpDiffusionEngine>(jprocess, 1e-14);
    auto run = [&](long n, bool merton) {
        double sum = 0; auto t0 = std::chrono::steady_clock::now();
        for (long i = 0; i < n; i++) {
            spot->setValue(S[i]); rq->setValue(r[i]); qq->setValue(q[i]); vq->setValue(v[i]);
            // Whole days: QuantLib's dates are daily (T rounded to a day here).
            Date expiry = today + std::max(1L, (long)std::lround(T[i] * 365));
            auto payoff = ext::make_shared<PlainVanillaPayoff>(kind[i] == 0 ? Option::Call : Option::Put, K[i]);
            EuropeanOption opt(payoff, ext::make_shared<EuropeanExercise>(expiry));
            opt.setPricingEngine(merton ? ext::shared_ptr<PricingEngine>(jEngine) : ext::shared_ptr<PricingEngine>(bsEngine));
            sum += opt.NPV() + opt.delta() + opt.gamma() + opt.vega() + opt.theta();
            if (!merton) sum += opt.rho();
        }
        double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / n;
        return std::make_pair(ns, sum);
    };
    auto a = run(nBS, false);
    printf("quantlib bs_all_greeks %.2f ns/option (%ld options, checksum %.6e)\n", a.first, nBS, a.second);
    auto b = run(nM, true);
    printf("quantlib merton_all_greeks %.2f ns/option (%ld options, checksum %.6e)\n", b.first, nM, b.second);
}
