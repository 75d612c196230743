#!/usr/bin/env python3
"""Checks that justified lines end on the right edge of their column, where
a PDF reader puts them: the text position (Td, Tm), the glyph widths of each
font's /W and the numbers of each TJ array are added up, as the PDF
specification says (9.4.4). A line is justified when a TJ number follows a
space (the stretch or shrink of that space); all justified lines that start
at the same x on a page must end at the same x, within 0.01 pt.

    check_justified.py PDF MIN_LINES

Prints the number of justified lines checked; exits non-zero when a line
ends elsewhere or fewer than MIN_LINES were found.
"""
import base64
import json
import re
import subprocess
import sys

pdf, min_lines = sys.argv[1], int(sys.argv[2])
j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf",
                               "--json-stream-data=inline", "--decode-level=generalized", pdf],
                              capture_output=True, text=True, check=True).stdout)
objects = j["qpdf"][1]


def obj(ref):
    o = objects["obj:" + ref]
    return o.get("value", o.get("stream", {}).get("dict"))


def stream(ref):
    return base64.b64decode(objects["obj:" + ref]["stream"]["data"])


def widths(font_ref):
    """CID → width in 1/1000 em, from the descendant font's /W."""
    cid = obj(obj(font_ref)["/DescendantFonts"][0])
    w = cid["/W"]
    if isinstance(w, str):
        w = obj(w)
    out, i = {}, 0
    while i < len(w):
        first = w[i]
        if isinstance(w[i + 1], list):
            for k, v in enumerate(w[i + 1]):
                out[first + k] = v
            i += 2
        else:
            for c in range(first, w[i + 1] + 1):
                out[c] = w[i + 2]
            i += 3
    return out


TOKEN = re.compile(rb"\s*(?:(\()|(\[)|(\])|(/[^\s/\[\]()<>]+)|([-+]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'\"*]+))")


def literal(data, i):
    """The bytes of a literal string starting after '(' at i, and the index after ')'."""
    out = bytearray()
    while data[i] != 0x29:
        c = data[i]
        if c == 0x5C:
            i += 1
            c = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}.get(data[i], data[i])
        out.append(c)
        i += 1
    return bytes(out), i + 1


def ops(data):
    """(operator, operands) of a content stream."""
    stack, arr, i = [], None, 0
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            i += 1
            continue
        i = m.end()
        if m.group(1):
            s, i = literal(data, i)
            (arr if arr is not None else stack).append(s)
        elif m.group(2):
            arr = []
        elif m.group(3):
            stack.append(arr)
            arr = None
        elif m.group(4):
            stack.append(m.group(4).decode())
        elif m.group(5):
            (arr if arr is not None else stack).append(float(m.group(5)))
        else:
            yield m.group(6).decode(), stack
            stack = []


checked, bad = 0, []
for number, page in enumerate(j["pages"], 1):
    resources = obj(page["object"])["/Resources"]
    if isinstance(resources, str):
        resources = obj(resources)
    fonts = resources.get("/Font", {})
    if isinstance(fonts, str):
        fonts = obj(fonts)
    width_of = {name: widths(ref) for name, ref in fonts.items()}
    lines = {}                  # baseline → [start, end, justified]
    for ref in page["contents"]:
        font, size, x, y, upright = None, 0, 0.0, 0.0, True
        for op, args in ops(stream(ref)):
            if op == "BT":
                x, y, upright = 0.0, 0.0, True
            elif op == "Tf":
                font, size = args[0], args[1]
            elif op == "Td":
                x, y = x + args[0], y + args[1]
            elif op == "Tm":
                x, y, upright = args[4], args[5], args[1] == 0 and args[2] == 0
            elif op in ("Tj", "TJ") and upright:
                parts = args[0] if op == "TJ" else [args[0]]
                w = width_of[font]
                # ink: where the last character that is not a space ends (a
                # line broken between words keeps its space, which takes no ink)
                advance, ink, justified, after_space = 0.0, 0.0, False, False
                for part in parts:
                    if isinstance(part, bytes):
                        cids = [part[k] << 8 | part[k + 1] for k in range(0, len(part) - 1, 2)]
                        for c in cids:
                            advance += w.get(c, 0) * size / 1000
                            if c != 0x20:
                                ink = advance
                        after_space = bool(cids) and cids[-1] == 0x20
                    else:
                        advance -= part * size / 1000
                        justified |= after_space
                line = lines.setdefault(round(y, 2), [x, x + ink, False])
                line[0] = min(line[0], x)
                line[1] = max(line[1], x + ink)
                line[2] |= justified
    ends = {}
    for start, end, justified in lines.values():
        if justified:
            ends.setdefault(round(start, 1), []).append(end)
    for start, group in ends.items():
        checked += len(group)
        if max(group) - min(group) > 0.01:
            bad.append("page %d: justified lines from x=%.1f end between %.3f and %.3f" %
                       (number, start, min(group), max(group)))

print("%d justified lines" % checked)
if bad:
    sys.exit("\n".join(bad[:10]))
if checked < min_lines:
    sys.exit("only %d justified lines found, want at least %d" % (checked, min_lines))
