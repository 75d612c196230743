#!/usr/bin/env python3
"""Checks the structure of a monitor's PDF against its chapter titles:
an outline entry per chapter (in order), page labels (roman front matter,
arabic from 1), contents that give each chapter the label of the page it
starts on, contents entries that are links, and a catalogue that says the
document is Dutch and asks readers to show its title.

    check_structure.py PDF "Title 1" "Title 2" ...
"""
import json
import subprocess
import sys

pdf, titles = sys.argv[1], sys.argv[2:]
j = json.loads(subprocess.run(["qpdf", "--json", pdf], capture_output=True, text=True).stdout)
outline = [o["title"] for o in j.get("outlines", [])]
if len(outline) != len(titles) or any(not o.endswith(t) for o, t in zip(outline, titles)):
    sys.exit("outline %r, want the chapters %r" % (outline, titles))
ranges = [(l["index"], l["label"].get("/S")) for l in j.get("pagelabels", [])]
if len(ranges) < 2 or ranges[0] != (0, "/r") or ranges[1][1] != "/D":
    sys.exit("page labels %r: want roman front matter, then arabic" % ranges)
first_body = ranges[1][0]
pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
toc_at = next(i for i, p in enumerate(pages) if "Inhoud" in p.split("\n", 3)[:3][-1] or p.lstrip().startswith("Inhoud"))
toc = "\n".join(pages[toc_at:first_body])


def label_in_toc(title):
    for line in toc.splitlines():
        words = line.split()
        if words and title in line and words[-1].isdigit():
            return int(words[-1])
    sys.exit("contents have no entry with a page number for %r" % title)


start = first_body
for title in titles:
    label = label_in_toc(title)
    page = next((i for i in range(start, len(pages))
                 if title in " ".join(pages[i].split("\n")[:6]) and "Inhoud" not in pages[i][:200]), None)
    if page is None:
        sys.exit("chapter %r not found after page %d" % (title, start + 1))
    if page - first_body + 1 != label:
        sys.exit("contents say %r starts on %d; it starts on %d" % (title, label, page - first_body + 1))
    start = page
links = sum(1 for p in j.get("pages", []) for _ in [0])  # pages exist
raw = open(pdf, "rb").read()
if raw.count(b"/Subtype /Link") < len(titles):
    sys.exit("the contents entries are not all links")
# The catalogue: Dutch, and the title shown instead of the file name.
catalog = next(v["value"] for v in json.loads(subprocess.run(
    ["qpdf", "--json=2", "--json-key=qpdf", pdf], capture_output=True, text=True).stdout)["qpdf"][1].values()
    if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
if catalog.get("/Lang") != "u:nl-NL":
    sys.exit("the document's language is %r, want nl-NL" % catalog.get("/Lang"))
if (catalog.get("/ViewerPreferences") or {}).get("/DisplayDocTitle") is not True:
    sys.exit("readers are not asked to show the document title")
print("structure ok: %d chapters" % len(titles))
