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

# An empty area (0 of 0: no one lives there) prints as empty cells, which is
# what the data says: no warning asks to leave out a row one cannot leave out.
empty_area_no_warning() {
	local s err
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	echo 'BU99990102;Rand;buurt;WK999901' >> "$s/p/data/areas.csv"
	echo 'WK999902;Haven;wijk;GM9999' >> "$s/p/data/areas.csv"
	echo 'BU99990201;Kade;buurt;WK999902' >> "$s/p/data/areas.csv"
	printf 'indicator;gebied;jaar;waarde;teller;noemer\nbijstand;GM9999;2023;3,5;;\nbijstand;NL01;2023;3,6;;\nbijstand;WK999901;2023;;7;200\nbijstand;BU99990101;2023;;7;200\nbijstand;BU99990102;2023;;0;0\nbijstand;BU99990201;2023;;0;0\n' > "$s/p/data/obs.csv"
	sed -i 's/^status:/status:\n  - table: {indicators: [bijstand], areas: buurten, year: 2023, title: B}\n  - table: {indicators: [bijstand], areas: wijken, year: 2023, title: W}\n  - table: {indicators: [bijstand], areas: [BU99990102, GM9999], years: [2023], title: Y}\n  - chart: {type: heatmap, indicators: [bijstand], areas: wijken, year: 2023, title: H}/' "$s/p/chapters/thema.yaml"
	err=$("$BIN" check "$s/p" 2>&1) || { echo "check failed: $err"; return 1; }
	[[ $err != *"without a single value"* ]] || { echo "warns about an empty area: $err"; return 1; }
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	[[ $err != *"without a single value"* ]] || { echo "build warns about an empty area: $err"; return 1; }
	pdftotext -layout "$s/a.pdf" "$s/a.txt"
	grep -A5 '^W$' "$s/a.txt" | grep -q 'Haven' || { echo "the empty wijk is left out of its table"; return 1; }
	# A buurt without data that is not empty still warns (tests/bad/warn-empty-row for a wijk).
	printf 'indicator;gebied;jaar;waarde;teller;noemer\nbijstand;GM9999;2023;3,5;;\nbijstand;BU99990101;2023;;7;200\n' > "$s/p/data/obs.csv"
	err=$("$BIN" check "$s/p" 2>&1)
	[[ $err == *"the row 'Rand' without a single value"* ]] || { echo "no warning for a buurt without data: $err"; return 1; }
}
check "an empty area prints as empty cells without a warning" empty_area_no_warning

# The target is the municipality's: a status column judges the municipality
# against it, and a wijk or buurt against its own previous measurement, and
# the line under the table says so.
status_of_other_rows() {
	local s err
	s=$(scratch)
	mini_with_target "$s/p"
	echo 'BU99990102;Rand;buurt;WK999901' >> "$s/p/data/areas.csv"
	printf 'indicator;gebied;jaar;waarde\nbijstand;GM9999;2022;3,2\nbijstand;GM9999;2023;2,8\nbijstand;BU99990101;2022;4,0\nbijstand;BU99990101;2023;3,5\nbijstand;BU99990102;2022;2,0\nbijstand;BU99990102;2023;2,6\n' > "$s/p/data/obs.csv"
	sed -i 's/^status:/status:\n  - table: {indicator: bijstand, areas: buurten, year: 2023, columns: [status], title: S}/' "$s/p/chapters/thema.yaml"
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	pdftotext -layout "$s/a.pdf" "$s/a.txt"
	# Kern: above the target but better than before; Rand: below the target but worse.
	grep -A6 '^S$' "$s/a.txt" | grep -q 'Kern .*Op koers' || { echo "Kern is judged against the municipality's target"; return 1; }
	grep -A6 '^S$' "$s/a.txt" | grep -Eq 'Rand .*(Aandacht nodig|Niet op koers)' || { echo "Rand is judged against the municipality's target"; return 1; }
	grep -A6 '^S$' "$s/a.txt" | grep -q 'Teststad .*Op koers' || { echo "the municipality is not judged against its target"; return 1; }
	grep -A9 '^S$' "$s/a.txt" | grep -q 'vorige meting (overige gebieden)' || { echo "the note does not say what other rows are judged against"; return 1; }
}
check "a status column judges only the municipality against its target" status_of_other_rows

# Rows of one indicator measured from different periods: the note names the
# most common base, and a change from another one carries a raised number
# the note explains.
change_bases_traceable() {
	local s err
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	sed -i 's/^references: \[NL01\]/references: [NL01]\nbaseline: 2019/' "$s/p/monitor.yaml"
	echo 'BU99990102;Rand;buurt;WK999901' >> "$s/p/data/areas.csv"
	printf 'indicator;gebied;jaar;waarde\nbijstand;GM9999;2019;5,0\nbijstand;GM9999;2023;3,5\nbijstand;BU99990101;2019;6,0\nbijstand;BU99990101;2023;5,0\nbijstand;BU99990102;2021;2,0\nbijstand;BU99990102;2023;2,5\n' > "$s/p/data/obs.csv"
	sed -i 's/^status:/status:\n  - table: {indicator: bijstand, areas: buurten, year: 2023, columns: [change], title: T2}/' "$s/p/chapters/thema.yaml"
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) || { echo "build failed: $err"; return 1; }
	pdftotext -layout "$s/a.pdf" "$s/a.txt"
	grep -A7 '^T2$' "$s/a.txt" | grep -q 'Rand .*+0,5¹' || { echo "Rand's change from 2021 is not marked"; return 1; }
	grep -A7 '^T2$' "$s/a.txt" | grep -q 'Kern .*−1,0$' || { echo "Kern's change from 2019 is marked"; return 1; }
	grep -A7 '^T2$' "$s/a.txt" | grep -q 'Verandering: t.o.v. 2019; ¹ t.o.v. 2021' || { echo "the note does not key the mark"; return 1; }
}
check "a change from another base than the note's carries a keyed mark" change_bases_traceable

# A row empty in one period still counts for its columns in the others.
empty_period_keeps_column() {
	local s err
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	printf 'indicator;gebied;jaar;waarde;teller;noemer\nbijstand;GM9999;2023;3,5;;\nbijstand;BU99990101;2022;;0;0\nbijstand;BU99990101;2023;;7;200\n' > "$s/p/data/obs.csv"
	sed -i 's/^status:/status:\n  - table: {indicators: [bijstand], areas: [BU99990101], years: 2022-2023, title: Y}/' "$s/p/chapters/thema.yaml"
	err=$("$BIN" check "$s/p" 2>&1) || { echo "check failed: $err"; return 1; }
	[[ $err != *"without a single value"* ]] || { echo "unexpected warning: $err"; return 1; }
}
check "a row empty in one period still counts for its columns" empty_period_keeps_column
