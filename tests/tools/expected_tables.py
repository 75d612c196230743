#!/usr/bin/env python3
"""Independent check of the figures in a monitor's tables.

Recomputes, from the project's CSV files and catalogue, every cell of each
years-shaped table block written on one line (`- table: {...}` with an
`areas: [...]` list and `years: A-B` or `years: [..]`) and checks that the
rows appear in the PDF's text (pdftotext -layout) as the engine prints them:
Dutch numbers, rounded half away from zero, '.' when suppressed, flags kept.

    expected_tables.py PROJECT PDF
"""
import csv
import decimal
import io
import os
import re
import subprocess
import sys

project, pdf = sys.argv[1], sys.argv[2]


def read(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return text.replace("\r\n", "\n")


def catalogue():
    cat, cur = {}, None
    for line in read(os.path.join(project, "data/indicators.yaml")).splitlines():
        m = re.match(r"\s*-\s*id:\s*(\S+)", line) or re.match(r"-\s*\{id:\s*([^,}]+)", line)
        if m:
            cur = {"id": m.group(1).strip(), "unit": None, "decimals": None, "ratio": False, "min_n": 0, "name": ""}
            cat[cur["id"]] = cur
        if cur is None:
            continue
        for key, pat in (("unit", r"unit:\s*([\w-]+)"), ("decimals", r"decimals:\s*(\d+)"),
                         ("min_n", r"min-n:\s*(\d+)"), ("name", r"name:\s*([^,}\n]+)")):
            m = re.search(pat, line)
            if m and not (key == "name" and cur["name"]):
                cur[key] = m.group(1).strip()
        if re.search(r"aggregate:\s*ratio", line):
            cur["ratio"] = True
    for c in cat.values():
        if c["decimals"] is None:
            c["decimals"] = 0 if c["unit"] in ("count", "euro") else 1
        c["decimals"] = int(c["decimals"])
        c["min_n"] = int(c["min_n"])
    return cat


def number(s, delim):
    s = s.strip()
    if s in ("", ".", "-"):
        return None
    if delim == ",":
        return decimal.Decimal(s)
    return decimal.Decimal(s.replace(".", "").replace(",", "."))


def observations(cat):
    mon = read(os.path.join(project, "monitor.yaml"))
    files = re.search(r"observations:\s*\[([^\]]*)\]", mon).group(1).split(",")
    cells = {}
    for f in files:
        text = read(os.path.join(project, f.strip()))
        lines = text.split("\n")
        delim = None
        if lines[0].lower().startswith("sep="):
            delim = lines[0][4]
            lines = lines[1:]
        head = lines[0]
        if delim is None:
            delim = max([";", "\t", ","], key=lambda d: head.count(d))
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delim))
        names = [h.strip().lower() for h in rows[0]]
        alias = {"gebied": "area", "jaar": "year", "waarde": "value", "teller": "numerator",
                 "noemer": "denominator", "status": "flag"}
        names = [alias.get(n, n) for n in names]
        for r in rows[1:]:
            if not r or len(r) != len(names):
                continue
            d = dict(zip(names, r))
            ind = d["indicator"]
            if ind not in cat:
                continue
            get = lambda k: number(d.get(k, ""), delim)
            cells[(ind, d["area"], d["year"])] = {
                "value": get("value"), "num": get("numerator"), "den": get("denominator"),
                "n": get("n"), "flag": d.get("flag", "").strip()}
    return cells


def areas():
    rows = list(csv.reader(io.StringIO(read(os.path.join(project, "data/areas.csv"))), delimiter=";"))
    out = {}
    for r in rows[1:]:
        if len(r) >= 3:
            out[r[0]] = {"name": r[1], "level": r[2], "parent": r[3] if len(r) > 3 else ""}
    return out


FACTOR = {"percent": 100, "per-1000": 1000, "per-10000": 10000}


def value(cat, cells, ar, ind, area, year):
    """(number or None, flag, suppressed)"""
    c = cat[ind]
    got = cells.get((ind, area, year))
    factor = decimal.Decimal(FACTOR.get(c["unit"], 1))

    def small(cell):
        return c["min_n"] and cell["n"] is not None and cell["n"] < c["min_n"]

    if got and (got["value"] is not None or (got["num"] is not None and got["den"])):
        v = got["value"] if got["value"] is not None else got["num"] / got["den"] * factor
        return v, got["flag"], small(got) or got["flag"] == "."
    if not c["ratio"]:
        return None, "", False
    level = ar.get(area, {}).get("level")
    if level == "wijk":
        buurten = [b for b, a in ar.items() if a["level"] == "buurt" and a["parent"] == area]
    elif level == "gemeente":
        wijken = [w for w, a in ar.items() if a["level"] == "wijk" and a["parent"] == area]
        buurten = [b for b, a in ar.items() if a["level"] == "buurt" and a["parent"] in wijken]
    else:
        return None, "", False
    num = den = decimal.Decimal(0)
    flag, suppressed = "", 0
    for b in buurten:
        cell = cells.get((ind, b, year))
        if not cell or cell["num"] is None or cell["den"] is None:
            return None, "", False
        num += cell["num"]
        den += cell["den"]
        suppressed += bool(small(cell))
        if cell["flag"] == "*" or (cell["flag"] == "**" and flag != "*"):
            flag = cell["flag"]
    return num / den * factor, flag, suppressed == 1


def dutch(v, decimals):
    q = decimal.Decimal(1).scaleb(-decimals)
    v = decimal.Decimal(str(round(float(v), 12))).quantize(q, rounding=decimal.ROUND_HALF_UP)
    neg = v < 0
    s = f"{abs(v):.{decimals}f}"
    whole, _, frac = s.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups) + ("," + frac if decimals else "")
    return ("\u2212" if neg and v != 0 else "") + out


def main():
    cat, ar = catalogue(), areas()
    cells = observations(cat)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    lines = [re.sub(r"\s+", " ", l).strip() for l in text.splitlines()]
    checked = 0
    chapters = sorted(f for f in os.listdir(os.path.join(project, "chapters")) if f.endswith(".yaml"))
    for ch in chapters:
        for line in read(os.path.join(project, "chapters", ch)).splitlines():
            m = re.match(r"\s*- table: \{(.*)\}\s*$", line)
            if not m:
                continue
            spec = m.group(1)
            inds = re.search(r"indicators?: (\[[^\]]*\]|[\w]+)", spec).group(1).strip("[]").split(",")
            inds = [i.strip() for i in inds]
            am = re.search(r"areas: \[([^\]]*)\]", spec)
            ym = re.search(r"years: (\d{4})-(\d{4})", spec) or re.search(r"years: \[([^\]]*)\]", spec)
            if not am or not ym:
                continue
            codes = [a.strip() for a in am.group(1).split(",")]
            if ym.re.pattern.startswith("years: (\\d"):
                years = [str(y) for y in range(int(ym.group(1)), int(ym.group(2)) + 1)]
            else:
                years = [y.strip() for y in ym.group(1).split(",")]
            for ind in inds:
                # Only years with data for some area of the table are columns.
                shown = [y for y in years if any(value(cat, cells, ar, ind2, a, y)[0] is not None
                                                 for ind2 in inds for a in codes)]
                for a in codes:
                    expect = []
                    for y in shown:
                        v, flag, secret = value(cat, cells, ar, ind, a, y)
                        if v is None:
                            continue
                        expect.append("." if secret else dutch(v, cat[ind]["decimals"]) + flag)
                    if not expect:
                        continue
                    # One area: the rows are named by their indicator (which
                    # may wrap: its first word starts the row).
                    name = ar[a]["name"] if len(codes) > 1 else cat[ind]["name"].split()[0]
                    want = " ".join(expect)
                    if not any(l.startswith(name + " ") and want in l for l in lines):
                        print(f"{ch}: {ind} for {name}: want a row '{name} ... {want}'")
                        near = [l for l in lines if l.startswith(name + " ")][:3]
                        print("   rows of that area:", near)
                        sys.exit(1)
                    checked += 1
    if checked == 0:
        sys.exit("no table rows checked")
    print(f"{checked} table rows checked")


main()
