#!/usr/bin/env python3
"""Generates the fictitious survey data of samples/sociale-kracht, the
Monitor Sociale Kracht 2024 of Heuvelkamp (GM9970), into its data/ folder:

  areas.csv        the area register: Nederland is absent on purpose (the
                   survey compares with the benchmark of participating
                   gemeenten, BM01), four kernen as wijken, twelve buurten.
  peiling.csv      the seven components of sociale kracht, scored 0-10 (higher
                   is better), in the survey years 2018, 2020, 2022 and 2024:
                   value, n (respondents) and the 95% confidence interval per
                   buurt, kern, gemeente and benchmark. Kern and gemeente are
                   the respondent-weighted means of their buurten, as the
                   survey office delivers them. Veld (every year) and
                   Nieuw-Oost (2018, still being built) have fewer respondents
                   than the catalogue's min-n of 30 and are suppressed.

All figures are invented. Standard library only, no randomness: every run
writes the same bytes.

    python3 tools/gen_sociale_kracht_data.py [samples/sociale-kracht/data]

It also prints the gemeente and benchmark scores that the texts cite.
"""
import math
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

YEARS = [2018, 2020, 2022, 2024]
GM = "GM9970"
BM = "BM01"

# id, sd of the individual answers, gemeente path, benchmark path
COMPONENTS = [
    ("zelfredzaam",  1.5, [7.6, 7.5, 7.4, 7.5], [7.5, 7.4, 7.4, 7.4]),
    ("participatie", 2.0, [6.4, 6.0, 6.2, 6.5], [6.3, 5.9, 6.1, 6.3]),
    ("niet_eenzaam", 2.1, [7.0, 6.6, 6.7, 6.8], [6.9, 6.6, 6.6, 6.7]),
    ("financieel",   2.2, [7.1, 7.2, 6.8, 6.7], [7.0, 7.1, 6.8, 6.8]),
    ("samenhang",    1.8, [6.5, 6.4, 6.4, 6.6], [6.3, 6.3, 6.2, 6.3]),
    ("leefbaarheid", 1.6, [7.4, 7.5, 7.4, 7.3], [7.3, 7.3, 7.2, 7.2]),
    ("veiligheid",   1.7, [7.6, 7.7, 7.6, 7.7], [7.4, 7.5, 7.4, 7.4]),
]

# code, name, wijk, respondents per survey year, offset per component
# (order of COMPONENTS) against the gemeente.
BUURTEN = [
    ("BU99700101", "Dorpshart",        "WK997001", [176, 168, 181, 182], [0.0, 0.3, -0.2, 0.1, -0.3, 0.1, -0.3]),
    ("BU99700102", "De Hoven",         "WK997001", [150, 149, 158, 164], [0.2, 0.3, 0.2, 0.4, 0.2, 0.3, 0.2]),
    ("BU99700103", "Kerkeveld",        "WK997001", [139, 127, 133, 141], [0.1, 0.0, 0.1, 0.2, 0.3, 0.2, 0.2]),
    ("BU99700104", "Molenbuurt",       "WK997001", [121, 109, 114, 118], [-0.2, -0.5, -0.2, -0.6, -0.1, -0.2, 0.0]),
    ("BU99700201", "Oosterbroek-Dorp", "WK997002", [149, 141, 150, 156], [0.1, 0.1, 0.2, 0.2, 0.5, 0.3, 0.3]),
    ("BU99700202", "Brinkzijde",       "WK997002", [92, 88, 95, 97],     [0.0, -0.1, 0.0, 0.0, 0.2, 0.0, 0.1]),
    ("BU99700203", "Nieuw-Oost",       "WK997002", [21, 38, 57, 74],     [0.3, 0.2, -0.1, 0.3, -0.5, 0.2, 0.2]),
    ("BU99700301", "Weide",            "WK997003", [61, 55, 57, 58],     [-0.1, -0.4, 0.2, 0.1, 0.8, 0.3, 0.4]),
    ("BU99700302", "Veld",             "WK997003", [22, 17, 19, 19],     [-0.2, -0.5, 0.1, 0.0, 0.7, 0.2, 0.4]),
    ("BU99700303", "Akkerhoek",        "WK997003", [47, 41, 44, 44],     [0.0, -0.3, 0.1, 0.1, 0.6, 0.2, 0.3]),
    ("BU99700401", "Lage Kamp-Noord",  "WK997004", [128, 122, 130, 133], [-0.1, -0.2, -0.2, -0.3, -0.2, -0.3, -0.2]),
    ("BU99700402", "Lage Kamp-Zuid",   "WK997004", [118, 115, 121, 126], [-0.4, -0.6, -0.6, -0.9, -0.7, -0.8, -0.7]),
]
WIJKEN = [
    ("WK997001", "Heuvelkamp-Dorp"),
    ("WK997002", "Oosterbroek"),
    ("WK997003", "Buitengebied"),
    ("WK997004", "Lage Kamp"),
]
BENCHMARK_N = [18420, 17960, 19110, 19530]


def wobble(*key):
    """A small deterministic deviation in [-0.1, 0.1] per buurt, component and year."""
    h = 0
    for ch in "|".join(map(str, key)):
        h = (h * 131 + ord(ch)) % 1000003
    return (h % 21 - 10) / 100.0


def drift(code, comp, yi):
    """Lage Kamp-Zuid loses ground on leefbaarheid and veiligheid after 2020."""
    if code == "BU99700402" and comp in ("leefbaarheid", "veiligheid") and yi >= 2:
        return -0.15 * (yi - 1)
    return 0.0


def r2(x):
    return Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def interval(value, sd, n):
    half = 1.96 * sd / math.sqrt(n)
    return r2(value - half), r2(value + half)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "samples/sociale-kracht/data"
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(out, "areas.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("code;naam;niveau;ouder\n")
        f.write(f"{BM};Benchmark Sociale Kracht;referentie;\n")
        f.write(f"{GM};Heuvelkamp;gemeente;\n")
        for code, name in WIJKEN:
            f.write(f"{code};{name};wijk;{GM}\n")
        for code, name, wijk, _, _ in BUURTEN:
            f.write(f"{code};{name};buurt;{wijk}\n")

    rows = []
    for ci, (comp, sd, gm_path, bm_path) in enumerate(COMPONENTS):
        for yi, year in enumerate(YEARS):
            buurt_vals = {}
            for code, _, wijk, ns, offs in BUURTEN:
                v = gm_path[yi] + offs[ci] + wobble(code, comp, year) + drift(code, comp, yi)
                v = min(10.0, max(0.0, v))
                buurt_vals[code] = (v, ns[yi], wijk)
            # kernen and gemeente: respondent-weighted means of the buurten
            groups = {w: [] for w, _ in WIJKEN}
            for code, (v, n, wijk) in buurt_vals.items():
                groups[wijk].append((v, n))
            def mean(pairs):
                n = sum(p[1] for p in pairs)
                return sum(p[0] * p[1] for p in pairs) / n, n
            for code, (v, n, _) in buurt_vals.items():
                rows.append((comp, code, year, v, n, sd))
            for wijk, _ in WIJKEN:
                v, n = mean(groups[wijk])
                rows.append((comp, wijk, year, v, n, sd))
            v, n = mean([(v, n) for v, n, _ in buurt_vals.values()])
            rows.append((comp, GM, year, v, n, sd))
            rows.append((comp, BM, year, bm_path[yi], BENCHMARK_N[yi], sd))
            print(f"{comp:13s} {year}  Heuvelkamp {float(r2(v)):.1f}  benchmark {bm_path[yi]:.1f}")

    with open(os.path.join(out, "peiling.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("indicator,area,year,value,n,lower,upper\n")
        for comp, code, year, v, n, sd in rows:
            lo, hi = interval(v, sd, n)
            f.write(f"{comp},{code},{year},{r2(v)},{n},{lo},{hi}\n")


if __name__ == "__main__":
    main()
