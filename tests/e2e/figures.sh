# Every printed figure current and true: each indicator in its own latest
# period, the change note naming the period each change is measured from,
# targets on the municipality's row only, flags and periods on every
# figure, budgets in thousands, and the basis of every judgement in view.
# The expected figures are worked out by hand from the data written here.

# A project of two wijken and three indicators whose data end in different
# years: schulden 2019-2023 (2023 provisional), inkomen 2019-2022, eenzaam
# (a survey) 2020 and 2022. The monitor's baseline is 2019.
fig_project() {
	local p=$1
	cp -r tests/fixtures/mini "$p"
	sed -i 's/^references: \[NL01\]$/references: [NL01]\nbaseline: 2019/' "$p/monitor.yaml"
	cat > "$p/data/areas.csv" <<'CSV'
code;naam;niveau;ouder
NL01;Nederland;land;
GM9999;Teststad;gemeente;
WK999901;Centrum;wijk;GM9999
WK999902;Noord;wijk;GM9999
CSV
	cat > "$p/data/indicators.yaml" <<'YAML'
- id: schulden
  name: Huishoudens met schulden
  unit: percent
  polarity: lower-is-better
  source: CBS
  target: {value: 5.0, year: 2026}
- id: inkomen
  name: Laag inkomen
  unit: percent
  polarity: lower-is-better
  source: CBS
- id: eenzaam
  name: Ernstig eenzaam
  unit: percent
  polarity: lower-is-better
  source: GGD
  target: {value: 9.0, year: 2026}
YAML
	{
		echo 'indicator;gebied;jaar;waarde;status'
		local a y
		# schulden: 2019 6.0 ... 2023 5.6*, the wijken 1 point apart.
		for y in 2019 2020 2021 2022; do
			echo "schulden;GM9999;$y;6,$((2023 - y));"
			echo "schulden;WK999901;$y;7,$((2023 - y));"
			echo "schulden;WK999902;$y;5,$((2023 - y));"
			echo "schulden;NL01;$y;8,$((2023 - y));"
		done
		echo 'schulden;GM9999;2023;5,6;*'
		echo 'schulden;WK999901;2023;6,6;*'
		echo 'schulden;WK999902;2023;4,6;*'
		echo 'schulden;NL01;2023;7,6;*'
		for y in 2019 2020 2021 2022; do
			for a in GM9999:9 WK999901:11 WK999902:7 NL01:8; do
				echo "inkomen;${a%%:*};$y;${a##*:},$((y - 2019));"
			done
		done
		echo 'eenzaam;GM9999;2020;10,4;'
		echo 'eenzaam;GM9999;2022;11,8;'
		echo 'eenzaam;NL01;2020;9,5;'
		echo 'eenzaam;NL01;2022;10,2;'
	} > "$p/data/obs.csv"
}

# The theme chapter of the project, with the given blocks under status.
fig_chapter() {
	local p=$1
	shift
	{
		cat <<'YAML'
kind: theme
title: Bestaanszekerheid
programme: 3 Sociaal domein
vision: {file: text/visie.md}
goals:
  - id: BZ1
    title: Minder huishoudens met schulden
    level: effect
    indicators: [schulden]
    status: auto
    explanation: De schulden dalen, maar nog niet tot de streefwaarde.
status:
  - text: Steeds meer inwoners hebben moeite om rond te komen.
YAML
		local b
		for b in "$@"; do echo "  - $b"; done
		cat <<'YAML'
interventions:
  - title: Vroegsignalering
    goals: [BZ1]
    description: Partners melden betalingsachterstanden.
    budget: {planned: 5480, actual: 5612}
    status: on-track
YAML
	} > "$p/chapters/thema.yaml"
}

# Builds the project; prints the path of its text (pdftotext -layout).
fig_build() {
	local p=$1
	"$BIN" build "$p" -o "$p.pdf" >/dev/null 2>"$p.err" || { cat "$p.err"; return 1; }
	pdftotext -layout "$p.pdf" "$p.txt" || return 1
	echo "$p.txt"
}

# content/'s "Geldzorgen per wijk": laag inkomen ends in 2022 while the
# other two end in 2023; the column was empty in every row.
fig_content_latest() {
	local s t
	s=$(scratch)
	"$BIN" build content -o "$s/a.pdf" >/dev/null 2>&1 || { echo "content does not build"; return 1; }
	pdftotext -layout "$s/a.pdf" "$s/a.txt"
	t="$s/a.txt"
	# From content/data/cbs.csv: laag_inkomen Centrum 2022 9.2* (2019 9.7),
	# Nederland 7.5* (2019 8.1).
	grep -Eq '^ *Centrum +8,1 +−0,5 +9,2\* +−0,5 +6,1\* +−0,8$' "$t" || { echo "Centrum row: $(grep -E '^ *Centrum +8,1' "$t")"; return 1; }
	grep -Eq '^ *Nederland +7,6 +−0,4 +7,5\* +−0,6 +5,6\* +−0,5$' "$t" || { echo "Nederland row"; return 1; }
}
check "year: latest: content's Geldzorgen per wijk shows laag inkomen in its own latest year" fig_content_latest

fig_latest_own_period() {
	local s t
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "table: {title: Per wijk, indicators: [schulden, inkomen], areas: wijken, year: latest, columns: [change, reference]}"
	t=$(fig_build "$s/p") || return 1
	# Each column head names its own period; the rows show inkomen in 2022.
	grep -Eq '\(%,.2023\) +Verandering +\(%,.2022\) +Verandering$' "$t" || { echo "heads without their periods"; return 1; }
	# Centrum: schulden 6,6* (2019: 7,4), inkomen 11,3 (2019: 11,0).
	grep -Eq '^ *Centrum +6,6\* +−0,8 +11,3 +\+0,3$' "$t" || { echo "Centrum row: $(grep Centrum "$t" | tail -1)"; return 1; }
	grep -Eq '^ *Nederland +7,6\* +−0,8 +8,3 +\+0,3$' "$t" || { echo "Nederland row"; return 1; }
	[ ! -s "$s/p.err" ] || { echo "messages: $(cat "$s/p.err")"; return 1; }
}
check "year: latest: each indicator in its own latest period, its year in the head; change and reference follow it" fig_latest_own_period

fig_empty_column_warned() {
	local s err
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "table: {title: In 2023, indicators: [schulden, inkomen], areas: wijken, year: 2023}"
	err=$("$BIN" check "$s/p" 2>&1 >/dev/null)
	[[ $err == *"thema.yaml:14:5: warning: this table would print the column 'Laag inkomen' without a single value"* ]] ||
		{ echo "check: $err"; return 1; }
	err=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null)
	[ "$(grep -c "would print the column 'Laag inkomen'" <<< "$err")" = 1 ] || { echo "build, once: $err"; return 1; }
}
check "check and build warn, once, about a table column without a single value" fig_empty_column_warned

fig_change_base() {
	local s t
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "table: {title: GGD, indicators: [eenzaam], areas: [GM9999, NL01], years: 2019-2023, columns: [change]}" \
		"table: {title: Gemengd, indicators: [schulden, eenzaam], areas: [GM9999], years: 2019-2023, columns: [change]}"
	t=$(fig_build "$s/p") || return 1
	# eenzaam is first measured in 2020: its change is from 2020, not from
	# the baseline 2019 (11,8 − 10,4 = +1,4).
	grep -Eq '^ *Teststad +10,4 +11,8 +\+1,4$' "$t" || { echo "eenzaam row"; return 1; }
	grep -q "^Verandering: t.o.v. 2020, in procentpunten bij percentages" "$t" || { echo "GGD note: $(grep Verandering "$t")"; return 1; }
	# The note may wrap: read it as one line.
	tr '\n' ' ' < "$t" | grep -q "Verandering: t.o.v. 2019 (Huishoudens met schulden); t.o.v. 2020 (Ernstig eenzaam)" ||
		{ echo "mixed note: $(grep Verandering "$t")"; return 1; }
}
check "the change note names the period each change is measured from, per indicator when they differ" fig_change_base

fig_target_own_row() {
	local s t
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "table: {title: Schulden, indicators: [schulden], areas: [GM9999, NL01, WK999901], years: 2022-2023}"
	t=$(fig_build "$s/p") || return 1
	grep -Eq '^ *Teststad +6,1 +5,6\* +5,0 \(2026\)$' "$t" || { echo "no target on the municipality's row"; return 1; }
	grep -Eq '^ *Nederland +8,1 +7,6\*$' "$t" || { echo "Nederland row: $(grep Nederland "$t" | head -3)"; return 1; }
	grep -Eq '^ *Centrum +7,1 +6,6\*$' "$t" || { echo "Centrum row"; return 1; }
}
check "a target stands on the municipality's row only, never on Nederland or a wijk" fig_target_own_row

fig_flags_and_periods() {
	local s t
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "chart: {type: heatmap, title: Kaart, indicators: [schulden, inkomen], areas: wijken, year: latest, reference: GM9999}" \
		"chart: {type: bar, title: Staaf, indicator: schulden, areas: wijken, year: latest, reference: GM9999}" \
		"chart: {type: dot, title: Stip, indicators: [schulden, inkomen], year: latest, reference: NL01}"
	t=$(fig_build "$s/p") || return 1
	# Goal card: the provisional 5,6 carries its mark, and its note.
	grep -q "5,6%\* (2023)" "$t" || { echo "goal card value: $(grep -m1 '5,6' "$t")"; return 1; }
	# The heatmap's cells carry the mark; its heads say their periods.
	grep -Eq '^ *Centrum +6,6\* +11,3$' "$t" || { echo "heatmap row"; return 1; }
	grep -q "(%,.2023)" "$t" && grep -q "(%,.2022)" "$t" || { echo "heatmap heads without periods"; return 1; }
	# Bars: the mark on the labels (reference and bars), the period on the axis.
	grep -q "Teststad 5,6%\*" "$t" || { echo "bar reference label"; return 1; }
	grep -q "6,6%\*" "$t" || { echo "bar label"; return 1; }
	grep -q "%, 2023" "$t" || { echo "bar period"; return 1; }
	# Dots: each row names its period, the value its mark.
	grep -q "Huishoudens met schulden (2023)" "$t" && grep -q "Laag inkomen (2022)" "$t" ||
		{ echo "dot rows without periods"; return 1; }
	[ "$(grep -c '^\* = voorlopig cijfer' "$t")" -ge 3 ] || { echo "the mark is not explained under each figure"; return 1; }
}
check "flags and periods on goal cards, heatmap cells and heads, bar and dot labels" fig_flags_and_periods

fig_years_cut() {
	local s err
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "table: {title: Schulden, indicators: [schulden], areas: [GM9999], years: 2019-2022}"
	err=$("$BIN" check "$s/p" 2>&1 >/dev/null)
	[[ $err == *"thema.yaml:14:"*"warning: 'years: 2019-2022' leaves out 2023, a later period with data for 'schulden'"* ]] ||
		{ echo "check: $err"; return 1; }
}
check "fixed years that leave out a later period with data are a warning" fig_years_cut

fig_budget_thousands() {
	local s t err
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p"
	t=$(fig_build "$s/p") || return 1
	# The card prints the amounts as the budget table does.
	grep -q "Budget (x € 1.000): Begroot 5.480, Werkelijk 5.612" "$t" || { echo "card: $(grep Budget "$t")"; return 1; }
	! grep -q "5.480.000" "$t" || { echo "whole euros on the card"; return 1; }
	sed -i 's/planned: 5480, actual: 5612/planned: 5480000, actual: 5612000/' "$s/p/chapters/thema.yaml"
	err=$("$BIN" check "$s/p" 2>&1 >/dev/null)
	[[ $err == *"warning: budget amounts are in thousands of euros, so 5612000 prints as €"?"5.612.000.000"* ]] ||
		{ echo "no warning: $err"; return 1; }
}
check "budgets: cards in thousands as the table, amounts in whole euros a warning" fig_budget_thousands

fig_judgement_basis() {
	local s t
	s=$(scratch)
	fig_project "$s/p"
	fig_chapter "$s/p" "chart: {type: dot, title: Stip, indicators: [schulden], year: latest, reference: NL01}"
	t=$(fig_build "$s/p") || return 1
	grep -q "Oordeel t.o.v. streefwaarde" "$t" || { echo "goal card without its basis"; return 1; }
	grep -Eq "ongunstig +t.o.v. Nederland" "$t" || { echo "dot chart without its basis: $(grep -m1 gunstig "$t")"; return 1; }
}
check "a goal card judges against the target, a dot chart against Nederland, and each says so" fig_judgement_basis
