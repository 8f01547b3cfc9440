#!/usr/bin/env python3
"""Writes uint256_vectors.json: UInt256 arithmetic cases with the expected results computed by
Python's arbitrary-precision integers (independent of the Swift code under test).

Run from this folder: python3 make_uint256_vectors.py  (deterministic: fixed seed).

Operands are built from limb patterns that stress carry and borrow chains (0, 1, 2^63,
2^64-1, 2^64-2, random) and include divisions where Knuth's Algorithm D must correct its
quotient estimate or add the divisor back; `knuth_events` simulates the algorithm on 64-bit
limbs only to *select* such operands, the expected quotients are Python's `divmod`.
"""
import json
import random

M64 = (1 << 64) - 1
M256 = (1 << 256) - 1
random.seed(20261130)

def limbs(x, n):
    return [(x >> (64 * i)) & M64 for i in range(n)]

def from_limbs(ls):
    return sum(l << (64 * i) for i, l in enumerate(ls))

PATTERNS = [0, 1, 2, 1 << 63, M64, M64 - 1, (1 << 63) - 1, 0xFFFFFFFF]

def pattern_word(count=4):
    ls = []
    for _ in range(count):
        r = random.random()
        ls.append(random.choice(PATTERNS) if r < 0.6 else random.getrandbits(64))
    return from_limbs(ls)

def knuth_events(u, v):
    """(correction steps, add-backs) of Algorithm D for u (8 limbs) / v (n >= 2 limbs)."""
    n = (v.bit_length() + 63) // 64
    if n < 2 or u < v:
        return (0, 0)
    s = 64 - (v >> (64 * (n - 1))).bit_length()
    vn = limbs(v << s, n)
    un = limbs(u << s, 9)
    m = 8
    while m > 0 and (u >> (64 * (m - 1))) == 0:
        m -= 1
    corrections = addbacks = 0
    b = 1 << 64
    for j in range(m - n, -1, -1):
        num = un[j + n] * b + un[j + n - 1]
        qhat, rhat = divmod(num, vn[n - 1])
        while qhat >= b or qhat * vn[n - 2] > b * rhat + un[j + n - 2]:
            qhat -= 1; rhat += vn[n - 1]; corrections += 1
            if rhat >= b:
                break
        seg = from_limbs(un[j:j + n + 1])
        diff = seg - qhat * from_limbs(vn)
        if diff < 0:
            addbacks += 1
            qhat -= 1
            diff += from_limbs(vn)
        for i, l in enumerate(limbs(diff, n + 1)):
            un[j + i] = l
    return (corrections, addbacks)

def hx(x):
    return format(x, "x")

cases = {"add": [], "sub": [], "mul": [], "mulDiv": [], "div": [], "shift": []}

specials = [0, 1, M64, 1 << 64, M256, M256 - 1, 1 << 255, (1 << 128) - 1, 1 << 128, (1 << 192) + M64]
for a in specials:
    for b in [0, 1, M64, M256, 1 << 255]:
        cases["add"].append({"a": hx(a), "b": hx(b), "sum": hx((a + b) & M256), "overflow": a + b > M256})
        cases["sub"].append({"a": hx(a), "b": hx(b), "difference": hx((a - b) & M256), "overflow": a < b})
for _ in range(40):
    a, b = pattern_word(), pattern_word()
    cases["add"].append({"a": hx(a), "b": hx(b), "sum": hx((a + b) & M256), "overflow": a + b > M256})
    cases["sub"].append({"a": hx(a), "b": hx(b), "difference": hx((a - b) & M256), "overflow": a < b})
for a, b in [(M256, M256), (M256, 1), (1 << 128, 1 << 128), (M64, M64)] + [(pattern_word(), pattern_word()) for _ in range(40)]:
    p = a * b
    cases["mul"].append({"a": hx(a), "b": hx(b), "high": hx(p >> 256), "low": hx(p & M256)})

def mul_div(a, b, d, why):
    p = a * b
    row = {"a": hx(a), "b": hx(b), "d": hx(d), "why": why}
    if d == 0 or p // d > M256:
        row["overflow"] = True
    else:
        q, r = divmod(p, d)
        row.update({"overflow": False, "quotient": hx(q), "remainder": hx(r)})
    cases["mulDiv"].append(row)

mul_div(M256, M256, M256, "max*max/max = max")
mul_div(M256, M256, M256 - 1, "quotient just above 2^256-1")
mul_div(M256, 2, 1 << 255, "(2^256-1)*2/2^255: quotient 3, remainder 2^255-2")
mul_div(1 << 255, 2, 1, "2^256 does not fit")
mul_div(5, 7, 0, "zero denominator")
mul_div(1 << 128, 1 << 128, (1 << 128) + 1, "prod1 = 1 < denominator")
mul_div(M256, 1 << 64, 1 << 64, "prod1 = 2^64-1, exact")
mul_div(123456789, 987654321, 3, "one limb, fits 64 bits")
# Random operands by divisor length, keeping those where Algorithm D corrects or adds back.
# One-limb divisors use short division (no estimate); with two limbs the estimate test is
# exact, so add-backs need three or four.
found = {(1, "plain"): 0, (2, "plain"): 0, (2, "correction"): 0}
found.update({(n, kind): 0 for n in (3, 4) for kind in ("plain", "correction", "addback")})
tries = 0
while tries < 400000 and any(v < 3 for v in found.values()):
    tries += 1
    n = random.choice((1, 2, 3, 4))
    d = pattern_word(n)
    if d >> (64 * (n - 1)) == 0:
        continue
    a, b = pattern_word(), pattern_word(random.choice((1, 2, 3, 4)))
    if (a * b) >> 256 >= d:  # keep quotients that fit; overflow rows are above
        a >>= random.randrange(1, 200)
        if (a * b) >> 256 >= d:
            continue
    corrections, addbacks = knuth_events(a * b, d) if n >= 2 else (0, 0)
    kind = "addback" if addbacks else ("correction" if corrections else "plain")
    if found.get((n, kind), 3) >= 3:
        continue
    found[(n, kind)] += 1
    mul_div(a, b, d, f"{n}-limb divisor, {kind}")

for a, d in [(0, 1), (M256, 1), (M256, M256), (M256 - 1, M256), (M256, 1 << 64), (M256, M64), (1 << 255, 3)] + [(pattern_word(), pattern_word(random.choice((1, 2, 3, 4)))) for _ in range(30)]:
    if d == 0:
        continue
    q, r = divmod(a, d)
    cases["div"].append({"a": hx(a), "d": hx(d), "quotient": hx(q), "remainder": hx(r)})

for a in [M256, 1, (1 << 200) + 12345, pattern_word()]:
    for s in [0, 1, 63, 64, 65, 127, 128, 191, 200, 255, 256]:
        cases["shift"].append({"a": hx(a), "shift": s, "left": hx((a << s) & M256), "right": hx(a >> s)})

with open("uint256_vectors.json", "w") as f:
    json.dump(cases, f, indent=1)
print({k: len(v) for k, v in cases.items()}, found)
