#!/usr/bin/env python3
"""check_table_roles.py [--min N] DUMP...: the tables of each --dump=layout
are well-formed tagged tables.

- A Table's children are Caption (first, at most one), THead, TBody; THead
  and TBody hold TRs; a TR holds TH and TD only; no Table inside a P, a
  heading, a cell or a caption.
- Every TH has a scope: Column in THead, Row for a body row's first cell.
- Every row has as many cells as the header row.
- Every text item in a table names a TH, TD or Caption (or an element in
  one), never the Table, THead, TBody or TR of its box; every drawing in a
  table (fills, rules, status shapes) is an artifact.
- The header row has text; on each further page a table runs onto, its
  header texts are repeated as artifacts (art:header), not as content.
- A "Bron: ..." line is a P outside every Table.
- At least N tables in each dump (default 1).
Prints each problem; exit 1 when there is one."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_roles import read_dump  # noqa: E402  (the one reader of the dump)

COLUMN, ROW = 1, 2
CONTAINERS = {"P", "H1", "H2", "H3", "Span", "Link", "Caption", "TH", "TD", "Lbl", "TOCI"}


def check(path, min_tables):
    items, raw = read_dump(path)     # items: (page, kind, role, text)
    nodes = {i: (t, p, scope) for i, (t, p, scope, _) in raw.items()}
    kids = {i: [] for i in nodes}
    for i, (_, p, _) in nodes.items():
        if p >= 0:
            kids[p].append(i)
    problems = []

    def typ(i):
        return nodes[i][0]

    def ancestors(i):
        p = nodes[i][1]
        while p >= 0:
            yield p
            p = nodes[p][1]

    def table_of(i):
        for a in [i] + list(ancestors(i)):
            if typ(a) == "Table":
                return a
        return None

    def element(role):
        # "<H23>": H2 node 3 or H node 23; the type of the node decides.
        for k in range(len(role) - 1, 0, -1):
            name, num = role[:k], role[k:]
            if num.isdigit() and int(num) in nodes and typ(int(num)) == name:
                return int(num)
        return None

    tables = [i for i in nodes if typ(i) == "Table"]
    if len(tables) < min_tables:
        problems.append("%d tables, want at least %d" % (len(tables), min_tables))
    head_row = {}
    for t in tables:
        ks = [typ(k) for k in kids[t]]
        if not re.fullmatch(r"(Caption )?THead TBody ", "".join(k + " " for k in ks)):
            problems.append("Table %d: children %s, want Caption? THead TBody" % (t, ks))
            continue
        for a in ancestors(t):
            if typ(a) in CONTAINERS:
                problems.append("Table %d inside %s %d" % (t, typ(a), a))
        thead, tbody = kids[t][-2], kids[t][-1]
        rows = []
        for sec in (thead, tbody):
            for r in kids[sec]:
                if typ(r) != "TR":
                    problems.append("%s %d holds %s %d" % (typ(sec), sec, typ(r), r))
                    continue
                rows.append((sec, r))
        if not kids[thead]:
            problems.append("Table %d: no header row in THead" % t)
            continue
        head_row[t] = kids[thead][0]
        ncells = len(kids[head_row[t]])
        for sec, r in rows:
            cells = kids[r]
            for k, c in enumerate(cells):
                if typ(c) not in ("TH", "TD"):
                    problems.append("TR %d holds %s %d" % (r, typ(c), c))
                elif typ(c) == "TH" and not nodes[c][2]:
                    problems.append("TH %d has no scope" % c)
                elif sec == thead and (typ(c) != "TH" or nodes[c][2] != COLUMN):
                    problems.append("header cell %d: %s scope %d, want TH scope Column" % (c, typ(c), nodes[c][2]))
                elif sec == tbody and k == 0 and (typ(c) != "TH" or nodes[c][2] != ROW):
                    problems.append("row %d: first cell %s scope %d, want TH scope Row" % (r, typ(c), nodes[c][2]))
            if len(cells) != ncells:
                problems.append("Table %d: row %d has %d cells, the header %d" % (t, r, len(cells), ncells))
    # Items.
    table_items = {}
    for pg, kind, role, text in items:
        if role.startswith("art"):
            continue
        n = element(role)
        if n is None:
            problems.append("item names %s, not in the tree" % role)
            continue
        t = table_of(n)
        if text is not None and text.startswith("Bron: ") and (t is not None or typ(n) != "P"):
            problems.append("source line %r is %s %d%s" % (text, typ(n), n, " in a Table" if t is not None else ""))
        if t is None:
            continue
        if kind == "text":
            cell = [a for a in [n] + list(ancestors(n)) if typ(a) in ("TH", "TD", "Caption")]
            if not cell:
                problems.append("text %r names %s %d, not a cell or caption" % (text, typ(n), n))
            table_items.setdefault(t, []).append((pg, n, text))
        elif kind != "link":
            problems.append("%s on page %d names %s %d: decoration must be an artifact" % (kind, pg, typ(n), n))
    # The header row: its text in THead; repeated as artifacts on every further page.
    for t, row in head_row.items():
        head_cells = set(kids[row])
        mine = table_items.get(t, [])
        heads = [(pg, x) for pg, n, x in mine if n in head_cells]
        if not heads:
            problems.append("Table %d: the header row has no text" % t)
            continue
        first = heads[0][0]
        words = {x for _, x in heads}
        for pg in sorted({pg for pg, _, _ in mine if pg != first}):
            repeated = {x for p, k, r, x in items if p == pg and r == "art:header" and k == "text"}
            if not words <= repeated:
                problems.append("Table %d runs onto page %d without its header repeated as an artifact (%s)"
                                % (t, pg, sorted(words - repeated)[:3]))
    return problems


def main():
    args = sys.argv[1:]
    min_tables = 1
    if args[:1] == ["--min"]:
        min_tables = int(args[1])
        args = args[2:]
    bad = 0
    for path in args:
        problems = check(path, min_tables)
        if problems:
            bad = 1
            print("%s:" % path)
        for p in problems[:20]:
            print("  " + p)
        if len(problems) > 20:
            print("  ... %d more" % (len(problems) - 20))
    return bad


if __name__ == "__main__":
    sys.exit(main())
