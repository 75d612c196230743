#!/usr/bin/python3
"""Figures in the engine's --dump=layout: charts and images as the tagged
PDF will show them to assistive technology.

- every Figure has an alternative text;
- a chart's Figure (a Figure without an image) has a Caption as its first
  child, set above the drawing, and a P after it (the source) when the
  chart has a source line;
- every item drawn in a chart's area belongs to its Figure: no item of
  another element, and no artifact, lies inside the box of the Figure's
  own items on its page;
- an image item is either in a Figure or an artifact.

    check_figures.py DUMP [--charts N] [--images N]

--charts and --images: how many Figures of each there must be. Prints what
is wrong and exits 1.
"""
import re
import sys

ITEM = re.compile(r'^  (\w+) ([-\d.]+) ([-\d.]+) <([^>]*)>(.*)$')
NODE = re.compile(r'^node (\d+) (\S+) parent (-?\d+)(?: scope \d+)?(?: alt "(.*)")?$')


def read(path):
    items, nodes, page = [], {}, 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("page "):
            page = int(line.split()[1])
            continue
        m = ITEM.match(line)
        if m:
            role = m.group(4)
            node = int(re.search(r"\d+$", role).group()) if re.search(r"\d+$", role) else None
            text = re.search(r'"(.*)"$', m.group(5))
            items.append(dict(kind=m.group(1), x=float(m.group(2)), y=float(m.group(3)), node=node,
                              role=role, page=page, text=text.group(1) if text and m.group(1) == "text" else None))
            continue
        m = NODE.match(line)
        if m:
            nodes[int(m.group(1))] = dict(type=m.group(2), parent=int(m.group(3)), alt=m.group(4))
    return items, nodes


def main(argv):
    path = argv[0]
    want = {}
    for k in ("--charts", "--images"):
        if k in argv:
            want[k] = int(argv[argv.index(k) + 1])
    items, nodes = read(path)
    bad = []
    children = {}
    for i, n in sorted(nodes.items()):
        children.setdefault(n["parent"], []).append(i)
    own = {}
    for it in items:
        own.setdefault(it["node"], []).append(it)
    charts = images = 0
    for i, n in sorted(nodes.items()):
        if n["type"] != "Figure":
            continue
        mine = own.get(i, [])
        if not n["alt"]:
            bad.append("Figure %d has no alternative text" % i)
        if not mine:
            bad.append("Figure %d has no content" % i)
            continue
        if any(it["kind"] == "image" for it in mine):
            images += 1
            continue
        charts += 1
        kids = children.get(i, [])
        if not kids or nodes[kids[0]]["type"] != "Caption":
            bad.append("chart Figure %d: its first child is not a Caption (%s)" % (
                i, [nodes[k]["type"] for k in kids]))
        else:
            cap = own.get(kids[0], [])
            if not cap or max(c["y"] for c in cap) > min(it["y"] for it in mine) + 0.01 or \
                    cap[0]["page"] != mine[0]["page"]:
                bad.append("chart Figure %d: its Caption is not set above the chart" % i)
        # Everything drawn in the chart's area is the Figure's.
        pages = {it["page"] for it in mine}
        if len(pages) != 1:
            bad.append("chart Figure %d spans pages %s" % (i, sorted(pages)))
        x0 = min(it["x"] for it in mine)
        x1 = max(it["x"] for it in mine)
        y0 = min(it["y"] for it in mine)
        y1 = max(it["y"] for it in mine)
        for it in items:
            if it["page"] in pages and it["node"] != i and x0 + 0.5 < it["x"] < x1 - 0.5 and y0 + 0.5 < it["y"] < y1 - 0.5:
                bad.append("chart Figure %d: a %s <%s> at %.2f %.2f lies inside it%s" % (
                    i, it["kind"], it["role"], it["x"], it["y"], " (%s)" % it["text"] if it["text"] else ""))
        # The source line under it: a P, the next sibling.
        sib = [k for k in children.get(n["parent"], []) if k > i]
        source = [it for it in items if it["page"] in pages and it["text"] and it["text"].startswith("Bron:")
                  and it["y"] > y1 and it["y"] < y1 + 60]
        if source:
            first = source[0]
            if first["node"] is None or nodes.get(first["node"], {}).get("type") != "P" or not sib or first["node"] != sib[0]:
                bad.append("chart Figure %d: its source is not a P after it (%s)" % (i, first["role"]))
    for it in items:
        if it["kind"] == "image" and it["node"] is not None and nodes[it["node"]]["type"] != "Figure":
            bad.append("an image at %.2f %.2f on page %d is in a %s, not a Figure or an artifact" % (
                it["x"], it["y"], it["page"], nodes[it["node"]]["type"]))
    if "--charts" in want and charts != want["--charts"]:
        bad.append("%d chart Figures, want %d" % (charts, want["--charts"]))
    if "--images" in want and images != want["--images"]:
        bad.append("%d image Figures, want %d" % (images, want["--images"]))
    for b in bad[:20]:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
