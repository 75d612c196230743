#!/usr/bin/env python3
"""Generates the fictitious observation data of the default monitor, the
Sociale Monitor 2024 of Lindeveld (GM1999), into content/data/:

  cbs.csv           CBS and other national sources, 2014-2023: bijstand,
                    kind_bijstand, jeugdhulp, wmo_maatwerk, probl_schulden,
                    laag_inkomen and sociaal_minimum_120 as numerator and
                    denominator per buurt (the engine sums them to wijk and
                    gemeente) plus values for NL01 and G40; jeugdbescherming,
                    jeugdreclassering, werkloze_jongeren, reintegratie and
                    arbeidsparticipatie as values for GM1999, NL01 and G40.
                    Delimiter ';', Dutch numbers, Dutch header.
  ggd.csv           GGD Gezondheidsmonitor Volwassenen en Ouderen, survey
                    years 2016, 2020 and 2022: value, n and 95% interval per
                    buurt, wijk, gemeente, NL01 and G40 (mantelzorg_belast
                    from wijk upwards). Delimiter ',', English numbers. The two
                    small rural buurten (and Kazerneterrein in 2016) have
                    fewer respondents than the catalogue's min-n.
  registraties.csv  municipal registrations: schuldhulp_aanmeldingen
                    (2014-2023) and the Wmo client survey wmo_ceo_kwaliteit
                    (2016-2023), as Dutch Excel saves a CSV: ';', decimal
                    comma, thousands point, UTF-8 BOM and CRLF.

All figures are invented, but follow the ranges of DOMAIN.md §5 and the
profile of the buurten (Molenbeek and Zuiderpark are aandachtsbuurten,
Beekhuizen is well-off, Kazerneterrein is new-build that grew from 2014 on).
Standard library only; seeded, so every run writes the same bytes.

    python3 tools/gen_lindeveld_data.py [content/data]

It also prints the gemeente figures that the texts of the monitor cite.
"""
import os
import random
import sys
from decimal import Decimal, ROUND_HALF_UP

rnd = random.Random(1999)

YEARS = list(range(2014, 2024))
SURVEY_YEARS = [2016, 2020, 2022]
WIJKEN = {
    "WK199901": "Centrum",
    "WK199902": "Noord",
    "WK199903": "Zuid",
    "WK199904": "Oosterwold",
    "WK199905": "Beekhuizen",
}

# code, name, wijk, inhabitants 2023, yearly growth, share 0-17, share 18 to
# AOW age, household size, deprivation score d (0 = average), 67+ share
BUURTEN = [
    ("BU19990101", "Stadshart", "WK199901", 6400, 0.004, 0.12, 0.70, 1.60, 0.5),
    ("BU19990102", "Stationskwartier", "WK199901", 4900, 0.012, 0.10, 0.80, 1.50, 0.3),
    ("BU19990201", "Molenbeek", "WK199902", 9800, 0.002, 0.24, 0.60, 2.10, 1.0),
    ("BU19990202", "De Akkers", "WK199902", 11200, 0.003, 0.27, 0.61, 2.50, 0.4),
    ("BU19990203", "Vogelbuurt", "WK199902", 7300, -0.002, 0.14, 0.54, 1.90, 0.2),
    ("BU19990301", "Zuiderpark", "WK199903", 12600, 0.003, 0.23, 0.62, 2.20, 0.9),
    ("BU19990302", "Kazerneterrein", "WK199903", 5100, None, 0.30, 0.64, 2.60, -0.5),
    ("BU19990303", "Heidezoom", "WK199903", 8700, 0.002, 0.21, 0.61, 2.40, -0.3),
    ("BU19990401", "Oosterwold-dorp", "WK199904", 14300, 0.004, 0.21, 0.59, 2.30, -0.4),
    ("BU19990409", "Verspreide huizen Oosterwold", "WK199904", 2100, -0.003, 0.19, 0.59, 2.50, -0.4),
    ("BU19990501", "Beekhuizen", "WK199905", 16900, 0.003, 0.22, 0.58, 2.40, -0.7),
    ("BU19990509", "Buitengebied Beekhuizen", "WK199905", 1800, -0.004, 0.14, 0.52, 2.20, -0.3),
]
CODES = [b[0] for b in BUURTEN]
B = {b[0]: b for b in BUURTEN}
# Kazerneterrein is built from 2012 on: inhabitants per year
KAZERNE = dict(zip(YEARS, [1650, 1900, 2350, 2850, 3300, 3750, 4150, 4550, 4850, 5100]))


def pop(code, year):
    b = B[code]
    if b[4] is None:
        return KAZERNE[year]
    return round(b[3] / (1 + b[4]) ** (2023 - year))


def youth(code, year):          # 0-17
    return round(pop(code, year) * B[code][5])


def adults_aow(code, year):     # 18 to AOW age
    return round(pop(code, year) * B[code][6])


def adults(code, year):         # 18+
    return pop(code, year) - youth(code, year)


def elderly_share(code):
    return 1 - B[code][5] - B[code][6]


def households(code, year):
    return round(pop(code, year) / B[code][7])


def households_income(code, year):  # private households with a known income
    return round(households(code, year) * 0.955)


def d1(x):
    """A number rounded half away from zero at one decimal, as Decimal."""
    return Decimal(repr(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def ratio(num, den, factor, places="0.1"):
    return (Decimal(num) * factor / Decimal(den)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def series(first, values):
    return dict(zip(range(first, first + len(values)), values))


# ---------------------------------------------------------------------------
# Ratio indicators: gemeente trajectory (what the sum of the buurten comes
# close to), relative level per buurt, NL01 and G40.
# ---------------------------------------------------------------------------
RATIO = {
    "bijstand": dict(
        unit=100, denom=adults_aow,
        gem=series(2014, [3.9, 4.2, 4.4, 4.4, 4.3, 4.1, 4.1, 3.9, 3.7, 3.6]),
        nl=series(2014, [4.1, 4.3, 4.5, 4.5, 4.4, 4.2, 4.2, 4.0, 3.6, 3.6]),
        g40=series(2014, [5.4, 5.6, 5.8, 5.9, 5.8, 5.5, 5.5, 5.2, 4.8, 4.8]),
        rel=[4.3, 3.2, 8.6, 5.2, 3.4, 7.4, 1.1, 2.0, 1.9, 0.9, 1.0, 0.8],
        # Molenbeek and Zuiderpark fall more slowly than the rest
        trend={"BU19990201": 0.012, "BU19990301": 0.010},
        flag={}),
    "kind_bijstand": dict(
        unit=100, denom=youth,
        gem=series(2014, [6.7, 6.8, 7.0, 6.8, 6.4, 5.9, 5.9, 5.6, 5.3, 5.1]),
        nl=series(2014, [6.9, 7.0, 7.0, 6.8, 6.5, 6.1, 6.0, 5.9, 5.7, 5.6]),
        g40=series(2014, [9.4, 9.5, 9.5, 9.3, 9.0, 8.6, 8.4, 8.2, 8.0, 7.8]),
        rel=[7.5, 6.0, 13.5, 8.0, 4.5, 12.0, 1.2, 2.5, 2.2, 1.0, 1.0, 1.5],
        trend={"BU19990201": 0.015, "BU19990301": 0.012},
        flag={2023: "*"}),
    "jeugdhulp": dict(
        unit=100, denom=youth,
        gem=series(2015, [9.2, 9.6, 10.1, 10.8, 11.1, 10.8, 11.6, 12.2, 12.4]),
        nl=series(2015, [9.7, 10.4, 10.9, 11.6, 12.2, 12.0, 12.6, 12.9, 13.2]),
        g40=series(2015, [10.8, 11.5, 12.0, 12.7, 13.3, 13.1, 13.6, 13.9, 14.3]),
        rel=[1.25, 1.10, 1.60, 1.15, 0.95, 1.35, 0.75, 0.85, 0.75, 0.60, 0.72, 0.65],
        trend={"BU19990201": 0.020, "BU19990301": 0.008},
        flag={2022: "**", 2023: "*"}),
    "wmo_maatwerk": dict(
        unit=1000, denom=pop,
        gem=series(2015, [47, 48, 49, 50, 53, 55, 56, 57, 60]),
        nl=series(2015, [46, 48, 49, 51, 55, 57, 59, 61, 62]),
        g40=series(2015, [50, 52, 53, 55, 59, 61, 63, 65, 66]),
        rel=[1.20, 0.70, 1.35, 0.85, 1.70, 1.15, 0.45, 0.85, 0.95, 0.90, 0.80, 1.50],
        trend={"BU19990203": 0.010},
        flag={2023: "*"}),
    "probl_schulden": dict(
        unit=100, denom=households,
        gem=series(2015, [8.0, 7.9, 7.5, 7.2, 6.8, 6.3, 5.6, 5.9, 6.4]),
        nl=series(2015, [9.3, 9.1, 8.8, 8.4, 8.0, 7.6, 6.9, 7.2, 7.6]),
        g40=series(2015, [11.6, 11.4, 11.1, 10.7, 10.3, 9.9, 9.2, 9.5, 9.9]),
        rel=[1.4, 1.3, 2.1, 1.3, 0.8, 1.8, 0.6, 0.6, 0.55, 0.4, 0.35, 0.4],
        trend={"BU19990201": 0.010},
        flag={}),
    "laag_inkomen": dict(
        unit=100, denom=households_income,
        gem=series(2014, [10.4, 10.2, 9.8, 9.3, 8.9, 8.4, 7.6, 7.3, 7.7]),
        nl=series(2014, [10.0, 9.7, 9.4, 9.0, 8.5, 8.1, 7.3, 7.0, 7.5]),
        g40=series(2014, [12.8, 12.5, 12.2, 11.8, 11.3, 10.9, 10.0, 9.7, 10.3]),
        rel=[11, 10, 16, 11, 8, 15, 4, 5, 6, 5, 4, 6],
        trend={},
        flag={2022: "*"}),
    "sociaal_minimum_120": dict(
        unit=100, denom=households_income,
        gem=series(2014, [13.9, 13.5, 13.2, 12.7, 12.0, 11.4, 10.4, 10.1, 10.6]),
        nl=series(2014, [13.4, 13.0, 12.6, 12.1, 11.5, 11.0, 10.0, 9.6, 10.2]),
        g40=series(2014, [16.9, 16.5, 16.1, 15.6, 15.0, 14.5, 13.5, 13.1, 13.7]),
        rel=[11 ** 0.85, 10 ** 0.85, 16 ** 0.85, 11 ** 0.85, 8 ** 0.85, 15 ** 0.85,
             4 ** 0.85, 5 ** 0.85, 6 ** 0.85, 5 ** 0.85, 4 ** 0.85, 6 ** 0.85],
        trend={},
        flag={2022: "*"}),
}

# Indicators given as values for the gemeente and the references only.
DIRECT = {
    "jeugdbescherming": dict(
        gem=series(2015, [1.1, 1.1, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7]),
        nl=series(2015, [1.2, 1.2, 1.1, 1.1, 1.0, 1.0, 0.9, 0.9, 0.8]),
        g40=series(2015, [1.4, 1.4, 1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.0]),
        flag={2022: "**", 2023: "*"}),
    "jeugdreclassering": dict(
        gem=series(2015, [0.5, 0.5, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3]),
        nl=series(2015, [0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3]),
        g40=series(2015, [0.7, 0.7, 0.6, 0.6, 0.5, 0.5, 0.5, 0.4, 0.4]),
        flag={2022: "**", 2023: "*"}),
    "werkloze_jongeren": dict(
        gem=series(2014, [1.8, 1.7, 1.5, 1.3, 1.1, 1.0, 1.3, 1.0, 0.8, 0.9]),
        nl=series(2014, [1.9, 1.8, 1.6, 1.4, 1.2, 1.1, 1.4, 1.1, 0.9, 1.0]),
        g40=series(2014, [2.3, 2.2, 2.0, 1.8, 1.5, 1.4, 1.7, 1.4, 1.2, 1.3]),
        flag={}),
    "reintegratie": dict(
        gem=series(2014, [13.1, 14.0, 15.2, 15.8, 15.1, 14.6, 13.2, 13.8, 14.9, 15.6]),
        nl=series(2014, [19.8, 20.6, 21.4, 21.9, 21.2, 20.5, 18.9, 19.4, 20.3, 20.8]),
        g40=series(2014, [25.1, 26.0, 27.2, 27.6, 26.9, 26.1, 24.2, 24.8, 25.9, 26.4]),
        flag={2023: "*"}),
    "arbeidsparticipatie": dict(
        gem=series(2014, [64.6, 65.0, 65.5, 66.4, 67.2, 68.0, 67.6, 68.7, 70.1, 70.4]),
        nl=series(2014, [64.8, 65.1, 65.6, 66.3, 67.4, 68.3, 67.8, 68.9, 70.6, 71.2]),
        g40=series(2014, [63.1, 63.5, 64.0, 64.8, 65.9, 66.8, 66.3, 67.4, 69.1, 69.7]),
        flag={2023: "*"}),
}

# ---------------------------------------------------------------------------
# GGD survey: gemeente value per survey year, NL01, G40, and how a buurt
# departs from the gemeente: pp per unit of deprivation d and per unit of
# 67+ share above the average.
# ---------------------------------------------------------------------------
GGD = {
    "ervaren_gezondheid": dict(gem=[77.5, 80.2, 72.4], nl=[76.0, 79.1, 70.0], g40=[74.4, 77.6, 68.3], kd=-8, ke=-20),
    "overgewicht": dict(gem=[48.6, 49.8, 50.9], nl=[48.7, 49.4, 50.0], g40=[48.1, 48.9, 49.6], kd=5, ke=10),
    "angst_depressie": dict(gem=[5.8, 6.3, 9.6], nl=[6.4, 6.0, 10.1], g40=[7.4, 7.1, 11.4], kd=4, ke=-3),
    "eenzaam": dict(gem=[42.1, 45.3, 48.7], nl=[43.0, 47.0, 49.2], g40=[44.6, 48.3, 50.6], kd=9, ke=15),
    "eenzaam_ernstig": dict(gem=[9.4, 10.2, 11.8], nl=[10.0, 11.0, 12.2], g40=[11.2, 12.1, 13.3], kd=5, ke=5),
    "mantelzorger": dict(gem=[15.1, 14.2, 15.6], nl=[14.2, 13.5, 14.6], g40=[13.1, 12.6, 13.7], kd=-1, ke=15),
    "moeite_rondkomen": dict(gem=[17.8, 15.4, 18.9], nl=[18.4, 16.1, 19.6], g40=[20.3, 18.0, 21.5], kd=12, ke=-4),
    "mantelzorg_belast": dict(gem=[9.4, 10.2, 12.1], nl=[9.6, 10.1, 11.4], g40=[10.0, 10.6, 11.9], kd=3, ke=4,
                              wijk_only=True),
}
RESPONSE = {2016: 0.026, 2020: 0.029, 2022: 0.024}   # respondents per adult
NL_N = {2016: 457000, 2020: 539000, 2022: 412000}
G40_N = {2016: 148000, 2020: 171000, 2022: 133000}
CARER_SHARE = 0.15                                     # mantelzorgers among respondents

# ---------------------------------------------------------------------------
# Municipal registrations
# ---------------------------------------------------------------------------
SCHULDHULP = series(2014, [612, 668, 701, 689, 664, 637, 571, 598, 803, 1046])
CEO = series(2016, [81.2, 80.6, 81.9, 80.3, 80.8, 78.9, 76.3, 77.0])
CEO_N = series(2016, [412, 398, 436, 405, 377, 421, 389, 402])


def nl_num(x):
    """Dutch number: decimal comma, thousands point."""
    s = str(x)
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    whole, _, frac = s.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return ("-" if neg else "") + out


def nl_plain(x):
    """Dutch number without grouping (as CBS downloads write them)."""
    return str(x).replace(".", ",")


def gen_ratio(rows, figures):
    for ind, spec in RATIO.items():
        years = sorted(spec["gem"])
        for y in years:
            dens = {c: spec["denom"](c, y) for c in CODES}
            rel = {}
            for i, c in enumerate(CODES):
                t = spec["trend"].get(c, 0.0)
                rel[c] = spec["rel"][i] * (1 + t * (y - 2019))
            wmean = sum(rel[c] * dens[c] for c in CODES) / sum(dens.values())
            nums = {}
            for c in CODES:
                noise = rnd.gauss(0, 0.02 if dens[c] > 1500 else 0.05)
                rate = spec["gem"][y] * rel[c] / wmean * (1 + noise)
                nums[c] = max(0, round(rate * dens[c] / spec["unit"]))
            # Calibrate: spread the difference with the gemeente trajectory
            # over the buurten in proportion to their counts, so that the
            # gemeente's exact value lies next to the one-decimal figure the
            # texts cite (and no change is thrown by rounding).
            target = round(spec["gem"][y] * sum(dens.values()) / spec["unit"])
            diff, total = target - sum(nums.values()), sum(nums.values())
            shares = {c: diff * nums[c] / total for c in CODES}
            adds = {c: int(shares[c]) for c in CODES}
            rest = diff - sum(adds.values())
            order = sorted(CODES, key=lambda c: -abs(shares[c] - adds[c]))
            for c in order[:abs(rest)]:
                adds[c] += 1 if rest > 0 else -1
            for c in CODES:
                nums[c] += adds[c]
            flag = spec["flag"].get(y, "")
            for c in CODES:
                rows.append((ind, c, y, "", nums[c], dens[c], flag))
            rows.append((ind, "NL01", y, spec["nl"][y], "", "", flag))
            rows.append((ind, "G40", y, spec["g40"][y], "", "", flag))
            places = "1" if spec["unit"] == 1000 else "0.1"
            figures[(ind, "GM1999", y)] = ratio(sum(nums.values()), sum(dens.values()), spec["unit"], places)
            for c in CODES:
                figures[(ind, c, y)] = ratio(nums[c], dens[c], spec["unit"], places)
            for w in WIJKEN:
                cs = [c for c in CODES if B[c][2] == w]
                figures[(ind, w, y)] = ratio(sum(nums[c] for c in cs), sum(dens[c] for c in cs),
                                             spec["unit"], places)
            figures[(ind, "den", y)] = sum(dens.values())
            figures[(ind, "num", y)] = sum(nums.values())


def gen_direct(rows, figures):
    for ind, spec in DIRECT.items():
        for y in sorted(spec["gem"]):
            flag = spec["flag"].get(y, "")
            for area, key in (("GM1999", "gem"), ("NL01", "nl"), ("G40", "g40")):
                rows.append((ind, area, y, spec[key][y], "", "", flag))
            figures[(ind, "GM1999", y)] = d1(spec["gem"][y])


def interval(p, n, deff=1.5):
    """95% Wilson interval in percent, with a design effect for weighting."""
    z, q, m = 1.96, p / 100, n / deff
    centre = (q + z * z / (2 * m)) / (1 + z * z / m)
    half = z * (q * (1 - q) / m + z * z / (4 * m * m)) ** 0.5 / (1 + z * z / m)
    return d1((centre - half) * 100), d1((centre + half) * 100)


def gen_ggd(rows, figures):
    mean_e = sum(elderly_share(c) * adults(c, 2020) for c in CODES) / sum(adults(c, 2020) for c in CODES)
    for ind, spec in GGD.items():
        for k, y in enumerate(SURVEY_YEARS):
            g = spec["gem"][k]
            ad = {c: adults(c, y) for c in CODES}
            resp = {c: round(ad[c] * RESPONSE[y] * rnd.uniform(0.93, 1.03)) for c in CODES}
            raw = {}
            for c in CODES:
                dev = spec["kd"] * B[c][8] + spec["ke"] * (elderly_share(c) - mean_e)
                raw[c] = g + dev + rnd.gauss(0, 0.8 if g > 20 else 0.4)
            # centre on the gemeente value, weighted by adults
            shift = g - sum(raw[c] * ad[c] for c in CODES) / sum(ad.values())
            val = {c: d1(max(0.5, raw[c] + shift)) for c in CODES}
            if spec.get("wijk_only"):
                nn = {c: resp[c] * CARER_SHARE * (1 + 0.8 * (elderly_share(c) - mean_e)) for c in CODES}
            else:
                nn = {c: resp[c] * rnd.uniform(0.95, 1.0) for c in CODES}
            if not spec.get("wijk_only"):
                for c in CODES:
                    n = round(nn[c])
                    lo, hi = interval(float(val[c]), n)
                    rows.append((ind, c, y, val[c], n, lo, hi))
                    figures[(ind, c, y)] = (val[c], n)
            for w in WIJKEN:
                cs = [c for c in CODES if B[c][2] == w]
                v = d1(sum(float(raw[c] + shift) * ad[c] for c in cs) / sum(ad[c] for c in cs))
                n = round(sum(nn[c] for c in cs))
                lo, hi = interval(float(v), n)
                rows.append((ind, w, y, v, n, lo, hi))
                figures[(ind, w, y)] = (v, n)
            n = round(sum(nn.values()))
            lo, hi = interval(g, n)
            rows.append((ind, "GM1999", y, d1(g), n, lo, hi))
            figures[(ind, "GM1999", y)] = (d1(g), n)
            for area, key, ntot in (("NL01", "nl", NL_N), ("G40", "g40", G40_N)):
                p = spec[key][k]
                n = round(ntot[y] * (CARER_SHARE if spec.get("wijk_only") else 0.97))
                lo, hi = interval(p, n)
                rows.append((ind, area, y, d1(p), n, lo, hi))


def write(path, text, bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "wb") as f:
        if bom:
            f.write(b"\xef\xbb\xbf")
        f.write(text.encode("utf-8"))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "content", "data")
    os.makedirs(out, exist_ok=True)
    figures = {}

    cbs = []
    gen_ratio(cbs, figures)
    gen_direct(cbs, figures)
    lines = ["indicator;gebied;jaar;waarde;teller;noemer;status"]
    for ind, area, y, v, num, den, flag in cbs:
        vs = nl_plain(d1(v)) if v != "" and ind != "wmo_maatwerk" else (str(v) if v != "" else "")
        lines.append(f"{ind};{area};{y};{vs};{num};{den};{flag}")
    write(os.path.join(out, "cbs.csv"), "\n".join(lines) + "\n")

    ggd = []
    gen_ggd(ggd, figures)
    lines = ["indicator,area,year,value,n,lower,upper"]
    for ind, area, y, v, n, lo, hi in ggd:
        lines.append(f"{ind},{area},{y},{v},{n},{lo},{hi}")
    write(os.path.join(out, "ggd.csv"), "\n".join(lines) + "\n")

    lines = ["indicator;gebied;jaar;waarde;n"]
    for y, v in SCHULDHULP.items():
        lines.append(f"schuldhulp_aanmeldingen;GM1999;{y};{nl_num(v)};")
    for y, v in CEO.items():
        lines.append(f"wmo_ceo_kwaliteit;GM1999;{y};{nl_num(d1(v))};{CEO_N[y]}")
    write(os.path.join(out, "registraties.csv"), "\n".join(lines) + "\n", bom=True, crlf=True)

    # The figures the texts cite.
    print("Gemeente Lindeveld (computed as the engine does):")
    for ind in RATIO:
        ys = sorted(RATIO[ind]["gem"])
        print(f"  {ind:20s}", " ".join(f"{y}:{figures[(ind, 'GM1999', y)]}" for y in ys))
    print("Buurten and wijken, latest year:")
    for ind in RATIO:
        y = max(RATIO[ind]["gem"])
        print(f"  {ind} {y}:", ", ".join(f"{B[c][1]} {figures[(ind, c, y)]}" for c in CODES))
        print("     wijken:", ", ".join(f"{WIJKEN[w]} {figures[(ind, w, y)]}" for w in WIJKEN))
        print(f"     num/den gemeente: {figures[(ind, 'num', y)]}/{figures[(ind, 'den', y)]}")
    print("GGD:")
    for ind in GGD:
        print(f"  {ind:20s}", " ".join(f"{y}:{figures[(ind, 'GM1999', y)]}" for y in SURVEY_YEARS))
        for y in (2022,):
            if not GGD[ind].get("wijk_only"):
                print("     buurten 2022:", ", ".join(f"{B[c][1]} {figures[(ind, c, y)][0]} (n={figures[(ind, c, y)][1]})"
                                                     for c in CODES))
            print("     wijken 2022:", ", ".join(f"{WIJKEN[w]} {figures[(ind, w, y)][0]} (n={figures[(ind, w, y)][1]})"
                                                for w in WIJKEN))
    print("Population 2023:", sum(pop(c, 2023) for c in CODES), " 2014:", sum(pop(c, 2014) for c in CODES),
          " households 2023:", sum(households(c, 2023) for c in CODES),
          " youth 2023:", sum(youth(c, 2023) for c in CODES))


if __name__ == "__main__":
    main()
