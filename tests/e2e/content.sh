# The default monitor, content/, end to end: what `make` renders, read
# back from the PDF.

content_pdf() {
	local s
	s=$(scratch)
	"$BIN" build content -o "$s/a.pdf" >"$s/out.txt" 2>"$s/err.txt" || { cat "$s/err.txt"; return 1; }
	[ ! -s "$s/err.txt" ] || { echo "content/ builds with messages: $(cat "$s/err.txt")"; return 1; }
	pdf_ok "$s/a.pdf" || return 1
	local size
	size=$(stat -c %s "$s/a.pdf")
	[ "$size" -lt 1000000 ] || { echo "content/'s PDF is $size bytes: too big to e-mail without thinking"; return 1; }
	# Chapter titles and goal titles, in order, read from the YAML files by
	# the test's own reader (PyYAML), not from the engine.
	mapfile -t titles < <(python3 tests/tools/yaml_titles.py content C)
	mapfile -t goals < <(python3 tests/tools/yaml_titles.py content G)
	[ ${#titles[@]} -ge 10 ] && [ ${#goals[@]} -ge 15 ] || { echo "YAML: ${#titles[@]} chapters, ${#goals[@]} goals"; return 1; }
	pdftotext "$s/a.pdf" "$s/a.txt"
	# Past the contents, the chapters follow in order.
	python3 - "$s/a.txt" <<'PY' || return 1
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.find("Colofon", t.find("Inhoud"))      # the last entry of the contents
open(sys.argv[1], "w", encoding="utf-8").write(t[i + 7:])
PY
	in_order "$s/a.txt" "${titles[@]}" || return 1
	in_order "$s/a.txt" "${goals[@]}" || return 1
	# A set of narrative sentences, from text files, chapter YAML and goals.
	in_order "$s/a.txt" \
		"Voor u ligt de Sociale Monitor 2024. Hij verschijnt samen met de jaarstukken 2023" \
		"Inwoners van Lindeveld wonen zo lang mogelijk zelfstandig en doen mee in hun buurt" \
		"Het sociaal wijkteam is de voordeur." \
		"Het aandeel huishoudens met geregistreerde problematische schulden daalde van 6,8% in 2019 naar 5,6% in 2021" \
		"Je schaamt je, dat is ’t ergste." \
		"Overname van cijfers en tekst is toegestaan met bronvermelding" || return 1
	# Dutch characters survive extraction.
	grep -q "cliënten" "$s/a.txt" && grep -q "ë" "$s/a.txt" && grep -q "’" "$s/a.txt" || { echo "Dutch characters lost"; return 1; }
	python3 tests/tools/check_structure.py "$s/a.pdf" "${titles[@]}" >/dev/null || return 1
	# The figures of the tables, recomputed from the data.
	python3 tests/tools/expected_tables.py content "$s/a.pdf" >/dev/null || { python3 tests/tools/expected_tables.py content "$s/a.pdf"; return 1; }
}
check "content/: chapters, goals and text in order, contents, outline, table figures" content_pdf

make_default() {
	local s out
	s=$(scratch)
	# The README's first command: renders content/ into out/ and says where.
	out=$(make -s render 2>&1) || { echo "$out"; return 1; }
	[[ $out == *"out/lindeveld-sociale-monitor-2024.pdf: "*" pages"* ]] || { echo "make said: $out"; return 1; }
	pdf_ok out/lindeveld-sociale-monitor-2024.pdf
}
check "make renders content/ to out/lindeveld-sociale-monitor-2024.pdf" make_default

content_justified() {
	local s
	s=$(scratch)
	"$BIN" build content -o "$s/a.pdf" >/dev/null 2>&1 || return 1
	# Where a PDF reader puts each justified line (text position, /W widths,
	# TJ shifts): on the right edge of its column.
	python3 tests/tools/check_justified.py "$s/a.pdf" 200 >/dev/null || python3 tests/tools/check_justified.py "$s/a.pdf" 200
}
check "content/: every justified line ends on the right edge of its column, as a PDF reader sets it" content_justified

content_charts() {
	local s
	s=$(scratch)
	"$BIN" build content -o "$s/a.pdf" >/dev/null 2>&1 || return 1
	# Every chart type: its title, tick and value labels inside the chart
	# (pdftotext -bbox), and its colours in the rendered area.
	python3 tests/tools/check_charts.py "$s/a.pdf" tests/fixtures/charts-content.json
}
check "content/: line, bar, column, dot and heatmap charts with their labels and colours" content_charts
