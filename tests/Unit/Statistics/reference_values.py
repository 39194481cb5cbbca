"""Independent reference values for the Statistics tests (pure Python 3, standard library only).

Run: python3 tests/Unit/Statistics/reference_values.py
- Summary statistics come from the standard library's `statistics` module; its
  quantiles(method="inclusive") is Hyndman-Fan type 7 (R and numpy defaults).
- Wilcoxon p-values are brute force: every one of the 2^n sign assignments of the average ranks is
  enumerated (no dynamic programming, unlike the C# code), or the textbook normal approximation.
"""
import itertools
import math
import statistics


def summary(values):
    q = statistics.quantiles(values, n=20, method="inclusive")
    return dict(mean=statistics.fmean(values), median=statistics.median(values),
                sd=statistics.stdev(values), p5=q[0], p95=q[-1])


def ranks(abs_values):
    order = sorted(range(len(abs_values)), key=lambda i: abs_values[i])
    r = [0.0] * len(abs_values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and abs_values[order[j + 1]] == abs_values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + 1 + j + 1) / 2
        i = j + 1
    return r


def wilcoxon_brute(d):
    d = [x for x in d if x != 0]
    r = ranks([abs(x) for x in d])
    w_plus = sum(rk for rk, x in zip(r, d) if x > 0)
    below = above = 0
    for signs in itertools.product((0, 1), repeat=len(r)):
        w = sum(rk for rk, s in zip(r, signs) if s)
        below += w <= w_plus
        above += w >= w_plus
    return w_plus, min(1.0, 2 * min(below, above) / 2 ** len(r))


def wilcoxon_exact_untied(d):
    """Two-sided exact p of untied differences from the generating function prod_k (1 + x^k) (2^n too many)."""
    n = len(d)
    counts = [1]
    for k in range(1, n + 1):
        grown = counts + [0] * k
        for s, v in enumerate(counts):
            grown[s + k] += v
        counts = grown
    r = ranks([abs(x) for x in d])
    w_minus = int(sum(rk for rk, x in zip(r, d) if x < 0))
    w_plus = n * (n + 1) // 2 - w_minus
    return w_plus, min(1.0, 2 * sum(counts[:min(w_minus, w_plus) + 1]) / 2 ** n)


def wilcoxon_normal(d):
    d = [x for x in d if x != 0]
    n = len(d)
    r = ranks([abs(x) for x in d])
    w_plus = sum(rk for rk, x in zip(r, d) if x > 0)
    ties = {}
    for x in d:
        ties[abs(x)] = ties.get(abs(x), 0) + 1
    var = n * (n + 1) * (2 * n + 1) / 24 - sum(t ** 3 - t for t in ties.values()) / 48
    z = max(abs(w_plus - n * (n + 1) / 4) - 0.5, 0) / math.sqrt(var)
    return w_plus, math.erfc(z / math.sqrt(2))


if __name__ == "__main__":
    print("summary", summary([12.5, 3.1, 7.7, 9.0, 15.2, 4.4, 8.8, 6.1, 11.3, 2.9, 10.0, 5.6]))
    x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
    y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    print("hollander-wolfe", wilcoxon_brute([a - b for a, b in zip(x, y)]))
    after = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135]
    before = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145]
    print("wikipedia", wilcoxon_brute([a - b for a, b in zip(after, before)]))
    ties = [1.5, -1.5, 2, 0, 3, 3, 3, -0.5, 4, 2, 5, -6, 7, 0.5, 8, 0, -2.5, 9, 3, 10]
    print("ties-zeros", wilcoxon_brute(ties))
    large = [((i * 37) % 23 - 8) / 4 for i in range(1, 61)]
    print("large", wilcoxon_normal(large), "zeros", sum(1 for v in large if v == 0))
    shifted = [0.1 + ((i * 7919) % 101) / 1000 - 0.05 for i in range(256)]
    print("shifted", wilcoxon_normal(shifted))
    print("limit-25", wilcoxon_exact_untied([-i if i % 3 == 0 else i for i in range(1, 26)]))
    print("limit-26", wilcoxon_normal([-i if i % 3 == 0 else i for i in range(1, 27)]))
    for v in [0.0, 0.3, 1.4999, 1.5, 1.0, 2.0, 2.4999, 2.5, 3.0, 5.0, 10.0, 20.0, -1.5]:
        print("erfc", repr(v), repr(math.erfc(v)))
