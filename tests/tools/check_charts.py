#!/usr/bin/env python3
"""Checks charts in a PDF: for each chart, found by its title, the words
expected inside it (tick labels, value labels, names) lie between the title
and its source line ("Bron: ..."), and the rendered area shows the expected
colours.

    check_charts.py PDF SPEC.json

SPEC is a list of {"title": ..., "words": [...], "colours": ["#rrggbb", ...]}.
"""
import html
import json
import re
import subprocess
import sys
import tempfile

pdf, spec = sys.argv[1], json.load(open(sys.argv[2]))
out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
pages = []
for page in re.findall(r"<page (.*?)</page>", out, re.S):
    w, h = re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups()
    words = [(float(a), float(b), float(c), float(d), html.unescape(t))
             for a, b, c, d, t in re.findall(
                 r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)]
    pages.append((float(w), float(h), words))


def find_titles(title):
    """Every place the title stands, as (page, y)."""
    first = title.split()
    for pi, (_, _, words) in enumerate(pages):
        texts = [t for *_, t in words]
        for i in range(len(words) - len(first) + 1):
            if texts[i:i + len(first)] == first:
                yield pi, words[i][1]


def colour_count(page_index, box, hexes, w, h):
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", "50", "-f", str(page_index + 1), "-l", str(page_index + 1), pdf, d + "/p"],
                       check=True)
        import glob
        ppm = open(glob.glob(d + "/p*.ppm")[0], "rb").read()
    header = ppm.split(b"\n", 3)
    pw, ph = map(int, header[1].split())
    px = header[3]
    sx, sy = pw / w, ph / h
    x0, y0, x1, y1 = int(box[0] * sx), int(box[1] * sy), int(box[2] * sx), int(box[3] * sy)
    counts = []
    for hx in hexes:
        r, g, b = int(hx[1:3], 16), int(hx[3:5], 16), int(hx[5:7], 16)
        n = 0
        for y in range(max(y0, 0), min(y1, ph)):
            row = y * pw * 3
            for x in range(max(x0, 0), min(x1, pw)):
                i = row + x * 3
                if abs(px[i] - r) < 24 and abs(px[i + 1] - g) < 24 and abs(px[i + 2] - b) < 24:
                    n += 1
        counts.append(n)
    return counts


def region(pi, top):
    w, h, words = pages[pi]
    bron = [y0 for x0, y0, x1, y1, t in words if t == "Bron:" and y0 > top]
    bottom = min(bron) if bron else h
    return bottom, " ".join(t for x0, y0, x1, y1, t in words if top <= y0 < bottom)


failed = 0
for chart in spec:
    # The title may also stand elsewhere (a table, a goal): the chart is the
    # place where everything expected lies between title and source.
    found = None
    places = list(find_titles(chart["title"]))
    for pi, top in places:
        bottom, text = region(pi, top)
        if all(word in text for word in chart["words"]):
            found = (pi, top, bottom)
            break
    if not found:
        print("chart %r: no place where its title is followed by %r" % (chart["title"], chart["words"]))
        for pi, top in places[:4]:
            print("   page %d: %s" % (pi + 1, region(pi, top)[1][:300]))
        failed = 1
        continue
    pi, top, bottom = found
    w, h, words = pages[pi]
    counts = colour_count(pi, (0, top, w, bottom), chart["colours"], w, h)
    for hx, n in zip(chart["colours"], counts):
        if n < 15:
            print("chart %r: colour %s is not in its area (%d pixels)" % (chart["title"], hx, n))
            failed = 1
sys.exit(failed)
