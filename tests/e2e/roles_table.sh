# Tables as tagged tables, read from --dump=layout (every item's element and
# the tree): Table > Caption, THead/TBody > TR > TH (with scope) / TD, a cell
# for every column in every row, cell text naming its cell, fills, rules and
# status shapes artifacts, a header row repeated on a new page an artifact,
# the source a P after the Table (tests/tools/check_table_roles.py).

# table_roles DIR MIN: DIR under every layout of layouts/ holds at least MIN
# tables, all well formed.
table_roles() {
	local dir=$1 min=$2 s l dumps=()
	s=$(scratch)
	for l in layouts/*.yaml; do
		l=$(basename "$l" .yaml)
		"$BIN" build "$dir" --layout "$PWD/layouts/$l.yaml" --dump=layout > "$s/$l.layout" 2>/dev/null \
			|| { echo "build $dir --layout $l --dump=layout failed"; return 1; }
		dumps+=("$s/$l.layout")
	done
	python3 tests/tools/check_table_roles.py --min "$min" "${dumps[@]}"
}
check "table roles: content/, every layout (overview, blocks, goal figures, budget, areas)" table_roles content 30
for d in samples/*/; do
	check "table roles: ${d%/}, every layout" table_roles "${d%/}" 1
done
check "table roles: tests/fixtures/mini, every layout" table_roles tests/fixtures/mini 1

# A grouped table (an indicator over its areas): the group's label is a row
# header (TH scope Row) and its row keeps a TD for every other column, empty.
group_rows() {
	local s
	s=$(scratch)
	"$BIN" build content --dump=layout > "$s/d.layout" || return 1
	python3 - "$s/d.layout" <<'PY'
import re, sys
nodes, text = {}, set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'node (\d+) (\w+) parent (-?\d+)(?: scope (\d+))?', line)
    if m:
        nodes[int(m[1])] = (m[2], int(m[3]), int(m[4] or 0))
    for r in re.findall(r' <(?:TH|TD)(\d+)> f', line):
        text.add(int(r))
kids = {}
for i, (t, p, _) in nodes.items():
    kids.setdefault(p, []).append(i)
groups = 0
for r, (t, p, _) in nodes.items():
    if t != "TR" or nodes[p][0] != "TBody":
        continue
    cells = kids.get(r, [])
    if len(cells) > 2 and cells[0] in text and not any(c in text for c in cells[1:]):
        groups += 1
        assert nodes[cells[0]][0] == "TH" and nodes[cells[0]][2] == 2, "group label %d: %s" % (cells[0], nodes[cells[0]])
        assert all(nodes[c][0] == "TD" for c in cells[1:]), "group row %d" % r
if groups < 1:
    sys.exit("no group row found in content/")
PY
}
check "table roles: a group row is a TH (scope Row) with an empty TD for every other column" group_rows

# The definitions chapter: each indicator's name a heading (H2) of its
# definition and facts, both paragraphs.
definition_roles() {
	local s
	s=$(scratch)
	"$BIN" build content --dump=layout > "$s/d.layout" || return 1
	python3 - "$s/d.layout" <<'PY'
import re, sys
nodes, items = {}, []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'node (\d+) (\w+) parent', line)
    if m:
        nodes[int(m[1])] = m[2]
    m = re.match(r'  text \S+ \S+ <([A-Za-z]+\d?)(\d+)> f\d+ \S+ "(.*)"', line)
    if m:
        items.append((m[1], m[2], m[3]))
def kind(name, num):
    # "<H23>" is H2 node 3 or H node 23: the tree says which.
    for k in range(len(name + num) - 1, 0, -1):
        s = name + num
        if s[k:].isdigit() and nodes.get(int(s[k:])) == s[:k]:
            return s[:k]
facts = [i for i, it in enumerate(items) if it[2].startswith("Eenheid: ")]
if len(facts) < 10:
    sys.exit("definitions chapter not found (%d facts lines)" % len(facts))
for i in facts:
    if kind(items[i][0], items[i][1]) != "P":
        sys.exit("facts line %r is not a P" % items[i][2])
for i in facts:
    # Back over the definition's paragraph to the name.
    j = i - 1
    while j >= 0 and kind(items[j][0], items[j][1]) == "P":
        j -= 1
    if j < 0 or kind(items[j][0], items[j][1]) != "H2":
        sys.exit("the name before %r is not an H2" % items[i][2][:40])
PY
}
check "table roles: a definition's indicator name is an H2, its text and facts a P" definition_roles
