# Review of the printed figures: columns and rows that say something, and
# notes that say which figure they are about.

# The mini fixture with the target of bijstand, for the tests below.
mini_with_target() {
	cp -r tests/fixtures/mini "$1"
	sed -i 's/  source: CBS/  source: CBS\n  target: {value: 3.0, year: 2026}/' "$1/data/indicators.yaml"
}

auto_target_needs_municipality() {
	local s err
	s=$(scratch)
	mini_with_target "$s/p"
	printf 'indicator;gebied;jaar;waarde\nbijstand;GM9999;2023;3,5\nbijstand;NL01;2022;3,0\nbijstand;NL01;2023;3,6\n' > "$s/p/data/obs.csv"
	sed -i 's/^status:/status:\n  - table: {indicators: [bijstand], areas: [NL01], years: 2022-2023, title: Landelijk}\n  - table: {indicators: [bijstand], areas: [GM9999, NL01], years: 2022-2023, title: Beide}/' "$s/p/chapters/thema.yaml"
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	[ -z "$err" ] || { echo "unexpected message: $err"; return 1; }
	pdftotext -layout "$s/a.pdf" "$s/a.txt"
	grep -A1 '^Landelijk' "$s/a.txt" | grep -q Streefwaarde && { echo "a target column without the municipality's row"; return 1; }
	grep -A1 '^Beide' "$s/a.txt" | grep -q Streefwaarde || { echo "no target column beside the municipality's row"; return 1; }
	grep -A4 '^Beide' "$s/a.txt" | grep -q '3,0 (2026)' || { echo "the municipality's row lost its target"; return 1; }
}
check "the automatic target column appears only beside the municipality's row" auto_target_needs_municipality
