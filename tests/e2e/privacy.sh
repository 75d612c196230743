# Memory that follows the data, and small numbers that stay hidden: the
# cell store of the computation stage and its secondary suppression.

# A project whose observations span 1900 to the edition year, over many
# indicators and areas. The engine stores only the cells that exist, so
# the span of the years costs nothing (a grid over every year asked for
# half a gigabyte here).
wide_years_memory() {
	local s i w b
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	{
		echo "code;naam;niveau;ouder"
		echo "NL01;Nederland;land;"
		echo "GM9999;Teststad;gemeente;"
		for w in $(seq 10 29); do
			echo "WK9999$w;Wijk $w;wijk;GM9999"
			for b in $(seq 10 29); do echo "BU9999$w$b;Buurt $w-$b;buurt;WK9999$w"; done
		done
	} > "$s/p/data/areas.csv"
	{
		cat tests/fixtures/mini/data/indicators.yaml
		for i in $(seq 1 60); do
			printf -- '- id: ind%d\n  name: Indicator %d\n  unit: percent\n  aggregate: ratio\n' "$i" "$i"
		done
	} > "$s/p/data/indicators.yaml"
	{
		cat tests/fixtures/mini/data/obs.csv
		echo "bijstand;GM9999;1900;4,0"
		for i in $(seq 1 60); do
			echo "ind$i;GM9999;1900;1,0"
			echo "ind$i;GM9999;2024;2,0"
			echo "ind$i;NL01;2024;2,5"
		done
	} > "$s/p/data/obs.csv"
	local rss
	# Bounded, so that an engine that does ask for gigabytes fails here
	# instead of taking the machine down.
	rss=$( (ulimit -v 2000000; /usr/bin/time -f %M "$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) | tail -n 1)
	[ -s "$s/a.pdf" ] || { echo "no PDF: $rss"; return 1; }
	[[ $rss =~ ^[0-9]+$ ]] || { echo "no peak memory reported: $rss"; return 1; }
	[ "$rss" -lt 60000 ] || { echo "peak memory ${rss} KB for a few hundred rows"; return 1; }
}
case $BIN in
*asan* | *valgrind*)
	pass "observations from 1900 to the edition year: memory for what exists (skipped: ASan and valgrind change peak memory and do not run under ulimit -v)" ;;
*)
	check "observations from 1900 to the edition year take memory for what exists, not for the span" wide_years_memory ;;
esac

# The privacy audit (tests/tools/privacy_audit.py) needs GLPK's Python
# bindings, Debian's python3-swiglpk, which belong to Debian's python3.
AUDIT_PY=${AUDIT_PY:-/usr/bin/python3}
audit() { "$AUDIT_PY" tests/tools/privacy_audit.py "$@"; }

# pdftotext with and without -layout, in one file.
pdf_text() {
	pdftotext -layout "$1" "$2" && pdftotext "$1" - >> "$2"
}

privacy() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/privacy "$s/p"
	"$BIN" build "$s/p" -o "$s/a.pdf" >/dev/null || return 1
	pdf_text "$s/a.pdf" "$s/a.txt"
	# The shown figures are there (so the blocks did render) ...
	grep -q "4,73" "$s/a.txt" || { echo "the visible buurt figure is missing"; return 1; }
	grep -q "5,33" "$s/a.txt" || { echo "the visible wijk figure is missing"; return 1; }
	# ... and nothing reveals the suppressed buurt or the buurt hidden to
	# protect it: not their values, not their changes since the year before.
	local secret
	for secret in "3,70" "6,15" "0,70" "1,65"; do
		if grep -q -- "$secret" "$s/a.txt"; then
			echo "a suppressed figure can be read: $secret"
			grep -n -- "$secret" "$s/a.txt" | head -3
			return 1
		fi
	done
}
check "suppressed figures stay hidden in tables, charts and the text layer" privacy

# The attack of the privacy issue (tests/fixtures/anker): with the old rule
# Castel's 5 households came back from gemeente - Noord - Dijk. The audit
# reads the PDF's tables itself (so it judges any engine, also one without
# --dump), then the engine's dump of every figure, checked against the PDF.
anker_attack() {
	local s out
	s=$(scratch)
	"$BIN" build tests/fixtures/anker -o "$s/a.pdf" >/dev/null || return 1
	pdf_text "$s/a.pdf" "$s/a.txt"
	out=$(audit --from-pdf tests/fixtures/anker "$s/a.txt" 2023) || { echo "from the PDF: $out"; return 1; }
	"$BIN" build tests/fixtures/anker --dump=cells > "$s/cells" || return 1
	out=$(audit "$s/cells" --check-pdf "$s/a.txt" 2023 schulden) || { echo "$out"; return 1; }
	out=$(audit "$s/cells") || { echo "$out"; return 1; }
	# Castel's interval is wide, and the gemeente still prints.
	[[ $out == *"Castel): numerator 5 in [0.00, 45.05]"* ]] || { echo "Castel: $(grep Castel <<<"$out")"; return 1; }
	grep -q "6,88" "$s/a.txt" || { echo "the gemeente's figure is missing"; return 1; }
}
check "the Anker/Beek/Castel/Dijk attack finds nothing: every hidden count lies in an interval min-n wide" anker_attack

# Every project of the repository, and random hierarchies with small
# counts (fixed seeds), pass the audit.
audit_projects() {
	local s d out seed
	s=$(scratch)
	for d in content samples/*/; do
		"$BIN" build "$d" --dump=cells > "$s/cells" 2>/dev/null || { echo "$d: no dump"; return 1; }
		out=$(audit "$s/cells" --quiet) || { echo "$d: $out"; return 1; }
	done
	for seed in 1 2 3 4 5 6 7 8; do
		python3 tests/tools/random_hierarchy.py "$s/r$seed" "$seed" || return 1
		"$BIN" build "$s/r$seed" --dump=cells > "$s/cells" || { echo "seed $seed: no dump"; return 1; }
		out=$(audit "$s/cells" --quiet) || { echo "seed $seed: $out"; return 1; }
	done
}
check "the privacy audit passes on content/, the samples and random hierarchies" audit_projects

# Without the secondary suppression (a test-only binary, $NOSEC_BIN) the
# audit must find the leaks: it is not passing for want of looking.
audit_catches() {
	local s seed exposed=0
	s=$(scratch)
	"$NOSEC_BIN" build tests/fixtures/anker --dump=cells > "$s/cells" || return 1
	if audit "$s/cells" --quiet >/dev/null; then
		echo "the audit passes the Anker fixture without secondary suppression"
		return 1
	fi
	for seed in 1 2 3; do
		python3 tests/tools/random_hierarchy.py "$s/r$seed" "$seed" || return 1
		"$NOSEC_BIN" build "$s/r$seed" --dump=cells > "$s/cells" || return 1
		audit "$s/cells" --quiet >/dev/null || exposed=$((exposed + 1))
	done
	[ "$exposed" -eq 3 ] || { echo "only $exposed of 3 random projects fail without secondary suppression"; return 1; }
}
check "the privacy audit fails when secondary suppression is switched off" audit_catches
