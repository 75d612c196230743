#!/usr/bin/env python3
"""Checks the structure roles in a `build --dump=layout` (docs/DESIGN.md,
"Structure"): what assistive technology will read, without a PDF.

    check_roles.py roles DUMP        every rule below; prints a summary
    check_roles.py text DUMP TYPE    the text of each element of TYPE, one a line
    check_roles.py hyphen PDF        U+00AD draws the hyphen's glyph at its width

Rules of `roles`:
- a text item is content of a P, H1-H3, Lbl, Link, Note, Caption, TH, TD
  or Span; never bare content of the Document, a Sect, Div, L, LI, LBody
  or BlockQuote. An artifact text is a running head, page number or draft
  stamp, or a chapter opener's big number or a quotation mark set as
  decoration;
- headings in reading order (page, then drawing order, as the PDF device
  orders them) never skip a level: each at most one deeper than the last,
  the first an H1;
- lists: an L holds LIs only; an LI an optional Lbl, then one LBody;
- a link annotation and its text belong to a Link with an alt, inside a
  paragraph (or a TOCI, a Note); a TOC holds TOCIs, each one Link whose
  alt ends in ", pagina N";
- a Note is a child of the P that refers to it;
- every element is made after its parent.
"""
import json
import re
import subprocess
import sys

CONTENT = {"P", "H1", "H2", "H3", "Lbl", "Link", "Note", "Caption", "TH", "TD", "Span", "Figure"}
ITEM = re.compile(r'^  (\w+) \S+ \S+ <([^>]*)>(?: f\d+ \S+ "(.*)")?')
NODE = re.compile(r'^node (\d+) (\w+) parent (-?\d+)(?: scope (\d+))?(?: alt "(.*)")?$')
ROLE = re.compile(r"^(H[1-6]|[A-Za-z]+)(\d+)$")


def read_dump(path):
    """The layout dump as (items, nodes): items as (page, kind, role,
    text) in dump order; nodes as {index: (type, parent, scope, alt)}.
    The one reader of the dump for the role checkers."""
    items, nodes, page = [], {}, 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("page "):
            page += 1
            continue
        m = NODE.match(line)
        if m:
            nodes[int(m.group(1))] = (m.group(2), int(m.group(3)), int(m.group(4) or 0), m.group(5))
            continue
        m = ITEM.match(line)
        if m:
            items.append((page, m.group(1), m.group(2), m.group(3)))
    return items, nodes


def load(path):
    """(items, nodes): items as (page, kind, role, node, text) in dump
    order; nodes as {index: (type, parent, alt)}."""
    raw, raw_nodes = read_dump(path)
    items = []
    for page, kind, role, text in raw:
        r = ROLE.match(role)
        items.append((page, kind, role, int(r.group(2)) if r else None, text))
    return items, {i: (t, p, alt) for i, (t, p, _, alt) in raw_nodes.items()}


def ancestors(nodes, n):
    while n >= 0:
        yield n
        n = nodes[n][1]


def reading_order(items, nodes):
    """Elements in the order the PDF device reads them: the children of
    an element by where their content first appears."""
    first = {}
    for i, (_, _, _, node, _) in enumerate(items):
        if node is None:
            continue
        for a in ancestors(nodes, node):
            first.setdefault(a, i)
    children = {}
    for n, (_, parent, _) in sorted(nodes.items()):
        if parent >= 0 and n in first:
            children.setdefault(parent, []).append(n)
    out = []

    def walk(n):
        out.append(n)
        for c in sorted(children.get(n, []), key=lambda c: first[c]):
            walk(c)
    if 0 in first:
        walk(0)
    return out


def check_roles(path):
    items, nodes = load(path)
    bad = []
    for n, (t, parent, _) in nodes.items():
        if n and not 0 <= parent < n:
            bad.append("node %d %s: parent %d is not made before it" % (n, t, parent))
    owned = {}
    for page, kind, role, node, text in items:
        if node is not None:
            owned.setdefault(node, []).append((kind, text))
        if kind != "text":
            continue
        if node is None:
            deco = role == "art" and (re.fullmatch(r"\d+", text) or text in ("\u201c", "\u201d"))
            if role not in ("art:header", "art:footer", "art:page") and not deco:
                bad.append("page %d: text %r is an artifact" % (page, text))
        elif nodes[node][0] not in CONTENT:
            bad.append("page %d: text %r is bare content of %s%d" % (page, text, nodes[node][0], node))
    # Headings in reading order.
    last = 0
    headings = 0
    for n in reading_order(items, nodes):
        t = nodes[n][0]
        if t in ("H1", "H2", "H3"):
            level = int(t[1])
            headings += 1
            if level > last + 1:
                bad.append("heading %s%d (%r) after H%d skips a level" %
                           (t, n, "".join(x[1] or "" for x in owned.get(n, [])), last))
            last = level
    kids = {}
    for n, (t, parent, _) in sorted(nodes.items()):
        kids.setdefault(parent, []).append(n)
    lists = links = notes = tocis = 0
    for n, (t, parent, alt) in nodes.items():
        ch = [nodes[c][0] for c in kids.get(n, [])]
        if t == "L":
            lists += 1
            if not ch or any(c != "LI" for c in ch):
                bad.append("L%d holds %s" % (n, ch))
        elif t == "LI":
            if ch not in (["LBody"], ["Lbl", "LBody"]):
                bad.append("LI%d holds %s" % (n, ch))
        elif t in ("Lbl", "LBody") and nodes[parent][0] != "LI":
            bad.append("%s%d is in %s" % (t, n, nodes[parent][0]))
        elif t == "Link":
            links += 1
            kinds = [k for k, _ in owned.get(n, [])]
            if not alt:
                bad.append("Link%d has no alt" % n)
            if "link" not in kinds or "text" not in kinds:
                bad.append("Link%d owns %s, not its text and its annotation" % (n, kinds))
            if nodes[parent][0] not in ("P", "H1", "H2", "H3", "TOCI", "Note", "Lbl", "TD", "TH", "Caption"):
                bad.append("Link%d is in %s" % (n, nodes[parent][0]))
            if nodes[parent][0] == "TOCI" and not re.search(r", pagina \w+$", alt or ""):
                bad.append("Link%d of the contents says %r" % (n, alt))
        elif t == "TOC":
            if not ch or any(c != "TOCI" for c in ch):
                bad.append("TOC%d holds %s" % (n, ch))
        elif t == "TOCI":
            tocis += 1
            if ch != ["Link"]:
                bad.append("TOCI%d holds %s" % (n, ch))
        elif t == "Note":
            notes += 1
            if nodes[parent][0] != "P":
                bad.append("Note%d is in %s" % (n, nodes[parent][0]))
    for page, kind, role, node, text in items:
        if kind == "link" and (node is None or nodes[node][0] != "Link"):
            bad.append("page %d: a link annotation outside a Link (%s)" % (page, role))
    print("%d elements, %d headings, %d lists, %d links, %d notes, %d contents entries" %
          (len(nodes), headings, lists, links, notes, tocis))
    if bad:
        sys.exit("\n".join(bad[:int(__import__("os").environ.get("ROLES_SHOW", "20"))]))


def element_text(path, want):
    """The text of each element of type want, its items (and those of its
    descendants but notes) joined in drawing order, a soft hyphen at a
    line end joined to the next line."""
    items, nodes = load(path)
    texts = {}
    for _, kind, _, node, text in items:
        if kind != "text" or node is None:
            continue
        for a in ancestors(nodes, node):
            if nodes[a][0] == want:
                texts.setdefault(a, []).append(text)
                break
            if nodes[a][0] == "Note":
                break           # a note is read on its own, not in its paragraph
    for n in sorted(texts):
        s = "".join(texts[n])
        print(s.replace("\u00ad", "") if s.count("\u00ad") else s)


def hyphen(pdf):
    """Every font that draws U+00AD maps it to the glyph of U+002D, at the
    same width (the CIDs are the code points)."""
    import base64
    j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                                   "--decode-level=generalized", pdf],
                                  capture_output=True, text=True, check=True).stdout)
    objects = j["qpdf"][1]

    def obj(ref):
        o = objects["obj:" + ref]
        return o.get("value", o.get("stream", {}).get("dict"))

    checked, bad = 0, []
    for key, o in objects.items():
        d = o.get("value")
        if not isinstance(d, dict) or d.get("/Type") != "/Font" or d.get("/Subtype") != "/CIDFontType2":
            continue
        gid_map = d.get("/CIDToGIDMap")
        if not isinstance(gid_map, str) or gid_map.startswith("/"):
            continue
        m = base64.b64decode(objects["obj:" + gid_map]["stream"]["data"])
        gid = lambda c: m[2 * c] << 8 | m[2 * c + 1] if 2 * c + 1 < len(m) else 0
        w, widths, i = d["/W"], {}, 0
        if isinstance(w, str):
            w = obj(w)
        while i < len(w):
            if isinstance(w[i + 1], list):
                for k, v in enumerate(w[i + 1]):
                    widths[w[i] + k] = v
                i += 2
            else:
                for c in range(w[i], w[i + 1] + 1):
                    widths[c] = w[i + 2]
                i += 3
        if 0xAD not in widths:
            continue
        checked += 1
        if gid(0xAD) != gid(0x2D) or gid(0xAD) == 0 or widths[0xAD] != widths.get(0x2D):
            bad.append("%s: U+00AD is glyph %d width %s, U+002D glyph %d width %s" %
                       (key, gid(0xAD), widths[0xAD], gid(0x2D), widths.get(0x2D)))
    print("%d fonts draw U+00AD" % checked)
    if bad or not checked:
        sys.exit("\n".join(bad) or "no font draws U+00AD")


if __name__ == "__main__":
    if sys.argv[1] == "roles":
        check_roles(sys.argv[2])
    elif sys.argv[1] == "text":
        element_text(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "hyphen":
        hyphen(sys.argv[2])
