#!/usr/bin/python3
"""The privacy audit: can a reader narrow down a hidden figure?

For every hidden cell (printed as '.'), a linear programme over what the
reader knows finds the least and the most its numerator can be:

- every printed value, as an interval (the rounding of its last decimal),
  times the public denominator;
- every printed change of an area against an earlier period, also rounded;
- parent = sum of children for the gemeente and its wijken, and each wijk
  and its buurten (reference areas such as NL01 are outside the sums);
- numerators are at least 0, and for a percentage at most the denominator.

Indicators named together with --link count the same people (one CBS
column as the numerator of one and the numerator or summed value of the
other): they share one unknown numerator per area and period, bounded by
what each of them prints.

A hidden cell is protected when that interval is at least min-n wide, or,
when its denominator is smaller than min-n, the whole of 0 to the
denominator. The audit prints each hidden cell with its interval and
exits 1 when one is not protected.

What was printed comes from the engine's `--dump=cells` (every figure the
engine may print; the tests check it against the PDF's text), or, with
--from-pdf, from the PDF's text itself: the rows of the tables that list
areas by name, for a project with one indicator (then it also audits a
PDF of an engine that has no dump).

GLPK through Debian's python3-swiglpk.

    privacy_audit.py DUMP [--quiet] [--link IND,IND ...]
    privacy_audit.py DUMP --check-pdf PDFTEXT YEAR INDICATOR
    privacy_audit.py --from-pdf PROJECT PDFTEXT YEAR [--quiet]
    privacy_audit.py DUMP --check-alt FILE...

--check-alt looks for every hidden value of the dump in the alternative
texts a screen reader is given (charts' and images' /Alt): each FILE is a
PDF or the engine's --dump=layout (alt_texts.py reads both).
"""
import csv
import math
import re
import sys

import swiglpk as glp

INF = math.inf


def dutch_number(s):
    s = s.replace("\u2212", "-").replace(".", "").replace(",", ".")
    return float(s)


class Model:
    def __init__(self):
        self.areas = {}        # code -> (level, parent, name)
        self.indicators = {}   # id -> dict(factor, decimals, min_n, percent)
        self.cells = {}        # (ind, area, period) -> dict(state, printed, num, den)


def read_dump(path):
    m = Model()
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "area":
                m.areas[p[1]] = (p[2], None if p[3] == "-" else p[3], p[4])
            elif p[0] == "indicator":
                m.indicators[p[1]] = dict(factor=float(p[2]), decimals=int(p[3]), min_n=int(p[4]),
                                          percent=p[5] == "1", sum=len(p) > 6 and p[6] == "sum")
            elif p[0] == "cell":
                m.cells[(p[1], p[2], p[3])] = dict(
                    state=p[4], printed=p[5],
                    num=None if p[6] == "-" else float(p[6]),
                    den=None if p[7] == "-" else float(p[7]),
                    change=None if p[8] == "-" else p[8], base=p[9])
    return m


def read_csv(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    delim = ";" if text.split("\n", 1)[0].count(";") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delim))
    head = [h.strip().lower() for h in rows[0]]
    return [dict(zip(head, r)) for r in rows[1:] if r]


def from_pdf(project, pdftext, year):
    """What the PDF shows: a value (or '.') per area row, for the one
    indicator of the project, plus the public denominators of the data."""
    m = Model()
    for r in read_csv(project + "/data/areas.csv"):
        code = r.get("code")
        m.areas[code] = (r.get("niveau", r.get("level")), r.get("ouder", r.get("parent")) or None,
                         r.get("naam", r.get("name")))
    cat = open(project + "/data/indicators.yaml", encoding="utf-8").read()
    ind = re.search(r"id:\s*(\S+)", cat).group(1)
    dec = re.search(r"decimals:\s*(\d+)", cat)
    minn = re.search(r"min-n:\s*(\d+)", cat)
    unit = re.search(r"unit:\s*(\S+)", cat).group(1)
    factors = {"percent": 100, "per-1000": 1000, "per-10000": 10000}
    m.indicators[ind] = dict(factor=factors.get(unit, 1), decimals=int(dec.group(1)) if dec else 1,
                             min_n=int(minn.group(1)) if minn else 0, percent=unit == "percent")
    num, den = {}, {}
    for r in read_csv(project + "/data/obs.csv"):
        if r.get("jaar", r.get("year")) != year:
            continue
        t, n = r.get("teller", r.get("numerator")), r.get("noemer", r.get("denominator"))
        if t and n:
            num[r.get("gebied", r.get("area"))] = dutch_number(t)
            den[r.get("gebied", r.get("area"))] = dutch_number(n)
    # Denominators of wijken and the gemeente: the sums (public as well).
    def den_of(code):
        if code in den:
            return den[code], num.get(code)
        kids = [c for c, a in m.areas.items() if a[1] == code]
        if not kids:
            return None, None
        parts = [den_of(k) for k in kids]
        if any(p[0] is None for p in parts):
            return None, None
        return sum(p[0] for p in parts), sum(p[1] for p in parts)
    text = open(pdftext, encoding="utf-8").read()
    for code, (level, parent, name) in m.areas.items():
        if level not in ("gemeente", "wijk", "buurt"):
            continue
        # The first table row of this area: its name, then a number or '.'.
        hit = re.search(r"^\s*" + re.escape(name) + r"\s{2,}([0-9.,\u2212-]+)", text, re.M)
        d, n = den_of(code)
        if not hit:
            continue
        tok = hit.group(1)
        state = "hidden" if tok == "." else "ok"
        m.cells[(ind, code, year)] = dict(state=state, printed=tok, num=n, den=d)
    return m


def period_key(p):
    y, _, h = p.partition("-H")
    return int(y), int(h or 0)


def audit(m, quiet=False, links=()):
    """links: groups of indicators whose numerators are the same counts
    (the same CBS column as numerator, or as the value of a summed
    count); the reader combines what each of them prints, so they share
    one unknown per area and period."""
    kids = {}
    for code, (level, parent, name) in m.areas.items():
        if parent and level in ("wijk", "buurt"):
            kids.setdefault(parent, []).append(code)
    roots = [c for c, a in m.areas.items() if a[0] == "gemeente" and c in kids]
    tree_of = {}
    for r in roots:
        stack = [r]
        while stack:
            c = stack.pop()
            tree_of[c] = r
            stack.extend(kids.get(c, []))
    canon = {}
    for group in links:
        for i in group:
            canon[i] = min(group)
    # One programme per indicator (or group of linked ones) and gemeente,
    # over all its periods (the changes link the periods).
    groups = {}
    for (ind, area, per), c in m.cells.items():
        if area in tree_of:
            groups.setdefault((canon.get(ind, ind), tree_of[area]), set()).add(per)
    audited = exposed = 0
    for (grp, root), periods in sorted(groups.items()):
        inds = sorted(i for i in m.indicators if canon.get(i, i) == grp)
        hidden = [(i, a, p) for (i, a, p), c in m.cells.items()
                  if i in inds and tree_of.get(a) == root and c["state"] in ("hidden", "secondary")]
        if not hidden:
            continue
        nodes = [a for a in tree_of if tree_of[a] == root]
        periods = sorted(periods, key=period_key)
        col = {}
        for p in periods:
            for a in nodes:
                col[(a, p)] = len(col) + 1

        def den(ind, a, p):
            c = m.cells.get((ind, a, p))
            if m.indicators[ind].get("sum"):
                return 1.0      # a count is its own numerator: value = numerator
            if c and c["den"] is not None:
                return c["den"]
            ks = kids.get(a)
            if not ks:
                return None
            ds = [den(ind, k, p) for k in ks]
            return None if any(d is None for d in ds) else sum(ds)

        lp = glp.glp_create_prob()
        glp.glp_add_cols(lp, len(col))
        for (a, p), j in col.items():
            lo, hi = 0.0, INF
            for ind in inds:
                info = m.indicators[ind]
                half = 0.5 * 10 ** -info["decimals"]
                f = 1.0 if info.get("sum") else info["factor"]
                c = m.cells.get((ind, a, p))
                d = den(ind, a, p)
                if info["percent"] and d is not None:
                    hi = min(hi, d)
                if c and c["state"] == "ok" and d is not None:
                    v = dutch_number(c["printed"])
                    lo = max(lo, (v - half) * d / f)
                    hi = min(hi, (v + half) * d / f)
                elif c and c["state"] == "missing" and (d == 0 or (info.get("sum") and c["den"] == 0)):
                    hi = 0.0        # empty: nothing in it
            if hi == INF:
                glp.glp_set_col_bnds(lp, j, glp.GLP_LO, lo, 0)
            elif hi - lo < 1e-12:
                glp.glp_set_col_bnds(lp, j, glp.GLP_FX, lo, lo)
            else:
                glp.glp_set_col_bnds(lp, j, glp.GLP_DB, lo, hi)
        rows = []   # (lower, upper, [(col, coef)])
        for p in periods:
            for a in nodes:
                if a in kids:
                    rows.append((0.0, 0.0, [(col[(a, p)], 1.0)] + [(col[(k, p)], -1.0) for k in kids[a]]))
        # Printed changes, against the period each is measured from.
        for ind in inds:
            info = m.indicators[ind]
            half = 0.5 * 10 ** -info["decimals"]
            f = 1.0 if info.get("sum") else info["factor"]
            for a in nodes:
                for p in periods:
                    cp = m.cells.get((ind, a, p))
                    if not cp or cp.get("change") is None:
                        continue
                    q = cp["base"]
                    cq = m.cells.get((ind, a, q))
                    dp, dq = den(ind, a, p), den(ind, a, q)
                    if not (cq and dp and dq and (a, q) in col):
                        continue
                    chg = dutch_number(cp["change"].lstrip("+"))
                    rows.append((chg - half, chg + half, [(col[(a, p)], f / dp), (col[(a, q)], -f / dq)]))
        if rows:
            glp.glp_add_rows(lp, len(rows))
            ne = sum(len(r[2]) for r in rows)
            ia, ja, ar = glp.intArray(ne + 1), glp.intArray(ne + 1), glp.doubleArray(ne + 1)
            k = 1
            for i, (lo, hi, terms) in enumerate(rows, 1):
                glp.glp_set_row_bnds(lp, i, glp.GLP_FX if lo == hi else glp.GLP_DB, lo, hi)
                for j, v in terms:
                    ia[k], ja[k], ar[k] = i, j, v
                    k += 1
            glp.glp_load_matrix(lp, ne, ia, ja, ar)
        parm = glp.glp_smcp()
        glp.glp_init_smcp(parm)
        parm.msg_lev = glp.GLP_MSG_OFF

        def solve(j, direction):
            for jj in range(1, len(col) + 1):
                glp.glp_set_obj_coef(lp, jj, 0.0)
            glp.glp_set_obj_coef(lp, j, 1.0)
            glp.glp_set_obj_dir(lp, direction)
            glp.glp_std_basis(lp)
            glp.glp_simplex(lp, parm)
            st = glp.glp_get_status(lp)
            if st == glp.GLP_UNBND:
                return INF if direction == glp.GLP_MAX else -INF
            if st != glp.GLP_OPT:
                return None
            return glp.glp_get_obj_val(lp)

        for ind, a, p in sorted(hidden, key=lambda x: (period_key(x[2]), x[1], x[0])):
            info = m.indicators[ind]
            j = col[(a, p)]
            lo, hi = solve(j, glp.GLP_MIN), solve(j, glp.GLP_MAX)
            c = m.cells[(ind, a, p)]
            d = den(ind, a, p)
            audited += 1
            if lo is None or hi is None:
                exposed += 1
                print("EXPOSED %s %s %s: what is printed has no solution" % (ind, a, p))
                continue
            cap = d if (info["percent"] and d is not None) else INF
            need = min(max(info["min_n"], 1), cap)
            width = hi - lo
            ok = width >= need - 1e-6
            if c["num"] is not None and not (lo - 1e-6 <= c["num"] <= hi + 1e-6):
                ok = False
                print("EXPOSED %s %s %s: the true numerator %g lies outside [%g, %g]" % (ind, a, p, c["num"], lo, hi))
            exposed += not ok
            if not ok or not quiet:
                print("%s %s %s %s (%s): numerator %s in [%.2f, %s], width %s, needs %g" % (
                    "ok     " if ok else "EXPOSED", ind, a, p, m.areas[a][2],
                    "?" if c["num"] is None else "%g" % c["num"], lo,
                    "inf" if hi == INF else "%.2f" % hi, "inf" if width == INF else "%.2f" % width, need))
        glp.glp_delete_prob(lp)
    print("%d hidden cells audited, %d exposed" % (audited, exposed))
    return exposed


def check_pdf(m, pdftext, year, indicator):
    """The dump against the PDF: the first table row of each area (a table
    of the given year and indicator) shows what the dump says is printed,
    and no hidden value appears anywhere in the text."""
    text = open(pdftext, encoding="utf-8").read()
    bad = 0
    for (ind, area, per), c in sorted(m.cells.items()):
        if m.areas[area][0] not in ("gemeente", "wijk", "buurt"):
            continue
        hit = re.search(r"^\s*" + re.escape(m.areas[area][2]) + r"\s{2,}(\S+)", text, re.M)
        want = "." if c["state"] in ("hidden", "secondary") else c["printed"]
        if per == year and ind == indicator and c["state"] != "missing" and hit and hit.group(1).rstrip("*") != want:
            print("the PDF shows %s for %s in %s, the dump %s" % (hit.group(1), area, per, want))
            bad += 1
        if c["state"] in ("hidden", "secondary") and c["num"] is not None and c["den"]:
            v = c["num"] / c["den"] * m.indicators[ind]["factor"]
            shown = ("%.*f" % (m.indicators[ind]["decimals"], v)).replace(".", ",")
            if re.search(r"(?<![0-9,])" + re.escape(shown) + r"(?![0-9])", text):
                print("the hidden value of %s in %s can be read: %s" % (area, per, shown))
                bad += 1
    print("dump and PDF agree" if not bad else "dump and PDF disagree")
    return bad


def hidden_values(m):
    """(indicator, area, period, value as it would print) of every hidden
    cell whose value the dump can say (from its numerator and denominator)."""
    for (ind, area, per), c in sorted(m.cells.items()):
        if c["state"] in ("hidden", "secondary") and c["num"] is not None and c["den"]:
            v = c["num"] / c["den"] * m.indicators[ind]["factor"]
            yield ind, area, per, ("%.*f" % (m.indicators[ind]["decimals"], v)).replace(".", ",")


def check_alt(m, files):
    """No hidden value in any alternative text of files (PDFs or layout
    dumps), nor in a PDF's link /Contents, outline, document information
    or XMP metadata."""
    import alt_texts
    bad = texts = 0
    for path in files:
        for _, _, text in alt_texts.read(path, every=True):
            texts += 1
            for ind, area, per, shown in hidden_values(m):
                if re.search(r"(?<![0-9,])" + re.escape(shown) + r"(?![0-9])", text):
                    print("%s: the hidden value of %s %s in %s can be read in an alternative text: %s (%s)"
                          % (path, ind, area, per, shown, text))
                    bad += 1
    print("%d alternative texts checked, %s" % (texts, "%d show a hidden value" % bad if bad else "none shows a hidden value"))
    return bad


def main(argv):
    quiet = "--quiet" in argv
    argv = [a for a in argv if a != "--quiet"]
    links = []
    while "--link" in argv:
        k = argv.index("--link")
        links.append(argv[k + 1].split(","))
        del argv[k:k + 2]
    if argv and argv[0] == "--from-pdf":
        m = from_pdf(argv[1], argv[2], argv[3])
    else:
        m = read_dump(argv[0])
        if len(argv) >= 3 and argv[1] == "--check-alt":
            return 1 if check_alt(m, argv[2:]) else 0
        if len(argv) >= 5 and argv[1] == "--check-pdf":
            return 1 if check_pdf(m, argv[2], argv[3], argv[4]) else 0
    return 1 if audit(m, quiet, links) else 0


if __name__ == "__main__":
    glp.glp_term_out(glp.GLP_OFF)
    sys.exit(main(sys.argv[1:]))
