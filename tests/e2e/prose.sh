# Numbers in the prose, and notes and sources: figures named in text
# ({{bijstand}}) filled in from the data as the tables print them, hidden
# where the tables hide them; a table's or chart's own source and note;
# Markdown footnotes at the foot of their page. (The messages of bad
# figures: tests/bad/figure-*.)

# The mini project with two years of data, the last one provisional, and
# a text that quotes the figures.
prose_project() {
	cp -r tests/fixtures/mini "$1"
	cat > "$1/data/obs.csv" <<-'EOF'
	indicator;gebied;jaar;waarde;status
	bijstand;GM9999;2022;3,9;
	bijstand;GM9999;2023;3,5;*
	bijstand;NL01;2022;3,7;
	bijstand;NL01;2023;3,6;
	EOF
	cat > "$1/text/visie.md" <<-'EOF'
	Het aandeel {{bijstand direction}} van {{bijstand base}} in {{bijstand base-period}} naar {{bijstand}} in {{bijstand period}}, {{bijstand change}} ofwel {{bijstand difference}} procentpunt; in Nederland {{bijstand NL01}}, in {{bijstand Nederland 2022 period}} {{bijstand Nederland 2022}}. Oordeel: {{bijstand status}}. Letterlijk: \{{bijstand}}.
	EOF
	cat >> "$1/chapters/thema.yaml" <<-'EOF'
	  - table: {indicator: bijstand, areas: [GM9999, NL01], years: 2022-2023}
	EOF
	# The table goes with the other blocks, under 'status'.
	python3 - "$1/chapters/thema.yaml" <<-'EOF'
	import sys
	p = sys.argv[1]
	s = open(p).read()
	i, j = s.index("interventions:"), s.index("  - table: {indicator: bijstand, areas: [GM9999, NL01]")
	open(p, "w").write(s[:i] + s[j:] + s[i:j])
	EOF
}

figures_in_text() {
	local s err
	s=$(scratch)
	prose_project "$s/p"
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	[ -z "$err" ] || { echo "unexpected messages: $err"; return 1; }
	pdftotext "$s/a.pdf" - | tr '\n' ' ' | tr -s ' ' > "$s/a.txt"
	local want
	for want in "Het aandeel daalde van 3,9% in 2022 naar 3,5%* in 2023, −0,4 ofwel 0,4 procentpunt" \
		"in Nederland 3,6%, in 2022 3,7%." "Oordeel: op koers." "Letterlijk: {{bijstand}}." \
		"Teststad 3,9 3,5*"; do
		grep -qF -- "$want" "$s/a.txt" || { echo "missing: $want"; grep -o "Het aandeel.\{0,200\}" "$s/a.txt"; return 1; }
	done
}
check "figures in text are filled in from the data, formatted and flagged as the table prints them" figures_in_text

# A new year of data changes the prose of content/ without editing it.
figures_follow_data() {
	local s
	s=$(scratch)
	cp -r content "$s/c"
	"$BIN" build "$s/c" -o "$s/a.pdf" >/dev/null 2>&1 || { echo "content/ does not build"; return 1; }
	# A word the line breaker hyphenated ends its line in a soft hyphen
	# (U+00AD), which pdftotext keeps: the word is whole without it.
	pdftotext "$s/a.pdf" - | sed -z 's/\xC2\xAD\n//g' | tr '\n' ' ' | tr -s ' ' > "$s/a.txt"
	grep -qF "daalde van 4,1% in 2019 naar 3,6% in 2023; landelijk was dat 3,6%." "$s/a.txt" ||
		{ echo "content/: $(grep -o 'bijstandsuitkering.\{0,100\}' "$s/a.txt" | head -1)"; return 1; }
	grep -q "{{" "$s/c/chapters/03-kernboodschappen.yaml" || { echo "the key messages quote no figures"; return 1; }
	local f
	f=$(grep -l '^bijstand;' "$s"/c/data/*.csv | head -1)
	# As many fields as the file's header has.
	local pad
	pad=$(head -n 1 "$f" | tr -cd ';' | cut -c4-)
	printf 'bijstand;GM1999;2024;4,2%s\nbijstand;NL01;2024;3,5%s\n' "$pad" "$pad" >> "$f"
	"$BIN" build "$s/c" -o "$s/b.pdf" >/dev/null 2>&1 || { echo "content/ with 2024 does not build"; return 1; }
	pdftotext "$s/b.pdf" - | sed -z 's/\xC2\xAD\n//g' | tr '\n' ' ' | tr -s ' ' > "$s/b.txt"
	grep -qF "steeg van 4,1% in 2019 naar 4,2% in 2024; landelijk was dat 3,5%." "$s/b.txt" ||
		{ echo "with 2024: $(grep -o 'bijstandsuitkering.\{0,100\}' "$s/b.txt" | head -1)"; return 1; }
}
check "a new year of data updates the figures in content/'s key messages" figures_follow_data

# The Anker fixture of the privacy tests: figures of its hidden buurten
# print '.', with a warning, and the privacy audit still finds nothing.
figures_stay_hidden() {
	local s err out
	s=$(scratch)
	cp -r tests/fixtures/anker "$s/a"
	sed -i 's/^    explanation: .*/    explanation: "Castel {{schulden Castel}}, {{schulden Castel change}} ({{schulden Castel direction}}, {{schulden BU99940201 2022}}); Anker {{schulden Anker}}; Noord {{schulden Noord}}; gemeente {{schulden}}."/' \
		"$s/a/chapters/cijfers.yaml"
	err=$("$BIN" build "$s/a" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	[ "$(grep -c "is hidden to protect small numbers and prints as '.'" <<<"$err")" = 5 ] ||
		{ echo "want five warnings: $err"; return 1; }
	pdftotext -layout "$s/a.pdf" "$s/a.txt" && pdftotext "$s/a.pdf" - >> "$s/a.txt"
	grep -qF "Castel ., . (., .); Anker .; Noord 8,33%; gemeente 6,88%." "$s/a.txt" ||
		{ echo "text: $(grep -o 'Castel .\{0,80\}' "$s/a.txt" | head -1)"; return 1; }
	# Castel's 6,25% (5 of 80) and 18,75% (15 of 80 in 2022), Anker's 8,00%.
	local secret
	for secret in "6,25" "18,75" "8,00" "12,50"; do
		! grep -q -- "$secret" "$s/a.txt" || { echo "a hidden figure can be read: $secret"; return 1; }
	done
	out=$("${AUDIT_PY:-/usr/bin/python3}" tests/tools/privacy_audit.py --from-pdf "$s/a" "$s/a.txt" 2023) ||
		{ echo "audit: $out"; return 1; }
}
check "a figure in text of a hidden cell prints '.' with a warning, and the privacy audit passes" figures_stay_hidden

# A table's and a chart's own source replaces the catalogue's; a note
# prints under the figure.
notes_and_sources() {
	local s err
	s=$(scratch)
	prose_project "$s/p"
	sed -i 's/^  - table: {indicator: bijstand, areas: \[GM9999, NL01\], years: 2022-2023}/  - table: {indicator: bijstand, areas: [GM9999, NL01], years: 2022-2023, source: "CBS, bewerking Teststad", note: "Cijfers over 2023 zijn voorlopig."}\n  - chart: {type: line, indicator: bijstand, areas: [GM9999, NL01], years: 2022-2023, note: "Een nieuwe definitie vanaf 2022."}/' \
		"$s/p/chapters/thema.yaml"
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	pdftotext "$s/a.pdf" - > "$s/a.txt"
	grep -A1 "^Bron: CBS, bewerking Teststad$" "$s/a.txt" | grep -q "^Cijfers over 2023 zijn voorlopig.$" ||
		{ echo "the table's source and note: $(grep -A1 '^Bron' "$s/a.txt")"; return 1; }
	# The chart keeps the catalogue's source, its note under it.
	grep -A1 "^Bron: CBS$" "$s/a.txt" | grep -q "^Een nieuwe definitie vanaf 2022.$" ||
		{ echo "the chart's note: $(grep -A1 '^Bron' "$s/a.txt")"; return 1; }
}
check "table and chart blocks take their own source and note" notes_and_sources

# Footnotes: a superior number in the text, the note at the foot of the
# same page under a rule, numbered per chapter; the text above them never
# runs into them.
footnotes() {
	local s err i
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	{
		for i in $(seq 1 40); do
			echo "Alinea $i over bestaanszekerheid, met zoveel woorden dat de tekst over twee regels doorloopt en de voetnoot onder aan een pagina komt, of op de volgende.[^n$i]"
			echo
		done
		for i in $(seq 1 40); do
			echo "[^n$i]: Voetnoot $i, met de bron van alinea $i."
		done
	} > "$s/p/text/visie.md"
	printf 'kind: foreword\ntitle: Voorwoord\ntext: "Dit is het voorwoord.[^a]\\n\\n[^a]: Noot bij het voorwoord."\n' > "$s/p/chapters/voorwoord.yaml"
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	! pdftotext "$s/a.pdf" - | grep -q '\[^' || { echo "a footnote printed literally"; return 1; }
	"$BIN" build "$s/p" --dump=layout > "$s/layout" 2>/dev/null || return 1
	python3 - "$s/layout" <<-'EOF'
	import re, sys
	pages, cur = [], None
	for line in open(sys.argv[1]):
	    if line.startswith("page "):
	        cur = []
	        pages.append(cur)
	    m = re.match(r'  text (\S+) (\S+) <\S+> f\d+ (\S+) "(.*)"$', line)
	    if m and cur is not None:
	        cur.append((float(m[1]), float(m[2]), float(m[3]), m[4]))
	body = 9.5
	seen = []
	for n, items in enumerate(pages, 1):
	    refs = [t for x, y, s, t in items if s < body * 0.7 and t.isdigit()]
	    notes = [(y, t) for x, y, s, t in items if t.startswith("Voetnoot ") or t.startswith("Noot bij")]
	    # (a note's number keeps a space after it, for extracted text)
	    nums = [t.rstrip() for x, y, s, t in items if abs(s - 7.5) < 0.01 and t.rstrip().isdigit()]
	    if sorted(refs) != sorted(nums):
	        sys.exit(f"page {n}: numbers in the text {refs}, at the foot {nums}")
	    if notes:
	        top = min(y for y, t in notes)
	        text = [y for x, y, s, t in items if s == body and t.strip()]
	        if text and max(text) > top - 9.5:
	            sys.exit(f"page {n}: text at {max(text)} runs into the notes at {top}")
	    seen += refs
	# The foreword's note is 1, the theme's notes start again at 1.
	if seen[:3] != ["1", "1", "2"] or len(seen) != 41 or seen[-1] != "40":
	    sys.exit(f"numbering: {seen[:5]} ... {seen[-2:]} ({len(seen)})")
	EOF
}
check "Markdown footnotes are set at the foot of their page, numbered per chapter" footnotes

# cmark-gfm only: libcmark defines the same cmark_ symbols.
one_cmark() {
	command -v ldd >/dev/null || { echo "no ldd"; return 1; }
	local libs
	libs=$(ldd "$BIN" 2>/dev/null | grep -o 'libcmark[^ ]*' || true)
	[[ $libs == *libcmark-gfm.so* ]] || { echo "not linked with libcmark-gfm: $libs"; return 1; }
	! grep -q 'libcmark\.so' <<<"$libs" || { echo "linked with libcmark too: $libs"; return 1; }
}
case $BIN in
*valgrind*) pass "the engine links cmark-gfm and not libcmark (skipped: BIN is a wrapper)" ;;
*) check "the engine links cmark-gfm and not libcmark" one_cmark ;;
esac
