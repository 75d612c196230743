# Data under review: figures that cannot be are refused (the cases in
# tests/bad/: den-zero-*, percent-over-100, negative-count-sum, cbs-*),
# a region without inhabitants keeps its counts, no environment variable
# turns the protection of small numbers off, and indicators with the same
# numerator are protected together.
RD_PY=${AUDIT_PY:-/usr/bin/python3}

# No switch in the released binary: with the variable the old test switch
# read, the same cells are hidden and the audit passes.
no_env_switch() {
	local s
	s=$(scratch)
	"$BIN" build tests/fixtures/anker --dump=cells > "$s/plain" 2>/dev/null || return 1
	SOCIALE_MONITOR_TEST_NO_SECONDARY_SUPPRESSION=1 "$BIN" build tests/fixtures/anker --dump=cells > "$s/env" 2>/dev/null || return 1
	grep -q $'\thidden\t' "$s/plain" || { echo "the fixture hides nothing"; return 1; }
	cmp -s "$s/plain" "$s/env" || { echo "the environment changes what is hidden: $(diff "$s/plain" "$s/env" | head -4)"; return 1; }
	"$RD_PY" tests/tools/privacy_audit.py "$s/env" --quiet >/dev/null || { echo "the audit finds a leak with the variable set"; return 1; }
}
check "no environment variable switches secondary suppression off" no_env_switch

# A CBS project: GM0998 with wijk Noord (Anker, Beek) and, for the shared
# numerator test, more buurten. $1: folder; the columns and the data follow.
rd_cbs_project() {
	local p=$1
	mkdir -p "$p/data" "$p/chapters"
	cat > "$p/monitor.yaml" <<Y
title: T
municipality: {name: Cbsstad, code: GM0998}
edition: 2024
published: 2024-03-01
data:
  areas: data/areas.csv
  indicators: data/indicators.yaml
  observations:
    - file: data/kwb.csv
      format: cbs
      period: 2023
$2
chapters: [chapters/c.yaml]
Y
}

# A region with 0 inhabitants (an industrial estate) keeps its counts and
# they are added into the wijk and the gemeente.
population_zero_keeps_counts() {
	local s
	s=$(scratch)
	rd_cbs_project "$s/p" '      population: AantalInwoners_5
      columns:
        clienten: {value: WmoClienten_88}'
	printf -- '- {id: clienten, name: Wmo-clienten, unit: count, polarity: neutral, source: CBS, aggregate: sum}\n' > "$s/p/data/indicators.yaml"
	printf 'code;naam;niveau;ouder\nGM0998;Cbsstad;gemeente;\nWK099801;Noord;wijk;GM0998\nBU09980101;Anker;buurt;WK099801\nBU09980102;Beek;buurt;WK099801\n' > "$s/p/data/areas.csv"
	printf '"ID";"WijkenEnBuurten";"SoortRegio_2";"AantalInwoners_5";"WmoClienten_88"\n"3";"BU09980101";"Buurt     ";"       0";"       5"\n"4";"BU09980102";"Buurt     ";"     450";"      20"\n' > "$s/p/data/kwb.csv"
	printf 'kind: theme\ntitle: C\nstatus:\n  - table: {indicator: clienten, areas: buurten, year: 2023}\n' > "$s/p/chapters/c.yaml"
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>"$s/err" || { cat "$s/err"; return 1; }
	grep -qP '^cell\tclienten\tBU09980101\t2023\tok\t5\t' "$s/cells" || { echo "Anker: $(grep -P 'clienten\tBU09980101' "$s/cells")"; return 1; }
	grep -qP '^cell\tclienten\tGM0998\t2023\tok\t25\t' "$s/cells" || { echo "gemeente: $(grep -P 'clienten\tGM0998' "$s/cells")"; return 1; }
}
check "a CBS region without inhabitants keeps its counts in every sum" population_zero_keeps_counts

# One CBS column as the numerator of a ratio and as the value of a summed
# count: each alone would hide Anker with another partner (Cirkel for the
# ratio, Beek for the count), and Beek's public 10,0% of 1000 with
# Cirkel's 200 gives Anker = 305 - 100 - 200. Hidden jointly, the audit
# that links the two (they share their numerators) finds nothing.
shared_numerator() {
	local s out
	s=$(scratch)
	rd_cbs_project "$s/p" '      columns:
        ouderen: {numerator: k_65JaarOfOuder_12, denominator: AantalInwoners_5, n: k_65JaarOfOuder_12}
        ouderen_n: {value: k_65JaarOfOuder_12}'
	printf -- '- {id: ouderen, name: Ouderen, unit: percent, polarity: neutral, source: CBS, aggregate: ratio, min-n: 10}\n- {id: ouderen_n, name: Ouderen (aantal), unit: count, polarity: neutral, source: CBS, aggregate: sum, min-n: 10}\n' > "$s/p/data/indicators.yaml"
	printf 'code;naam;niveau;ouder\nGM0998;Cbsstad;gemeente;\nWK099801;Noord;wijk;GM0998\nWK099802;Zuid;wijk;GM0998\nBU09980101;Anker;buurt;WK099801\nBU09980102;Beek;buurt;WK099801\nBU09980103;Cirkel;buurt;WK099801\nBU09980201;Castel;buurt;WK099802\nBU09980202;Dijk;buurt;WK099802\n' > "$s/p/data/areas.csv"
	printf '"ID";"WijkenEnBuurten";"SoortRegio_2";"AantalInwoners_5";"k_65JaarOfOuder_12"\n"1";"BU09980101";"Buurt     ";"      50";"       5"\n"2";"BU09980102";"Buurt     ";"    1000";"     100"\n"3";"BU09980103";"Buurt     ";"     450";"     200"\n"4";"BU09980201";"Buurt     ";"     700";"     140"\n"5";"BU09980202";"Buurt     ";"     800";"     160"\n' > "$s/p/data/kwb.csv"
	printf 'kind: theme\ntitle: C\nstatus:\n  - table: {indicators: [ouderen, ouderen_n], areas: buurten, year: 2023, title: Buurten}\n  - table: {indicators: [ouderen, ouderen_n], areas: wijken, year: 2023, title: Wijken}\n' > "$s/p/chapters/c.yaml"
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>"$s/err" || { cat "$s/err"; return 1; }
	out=$("$RD_PY" tests/tools/privacy_audit.py "$s/cells" --quiet --link ouderen,ouderen_n) || { echo "$out"; return 1; }
	# The same hidden areas in both.
	[ "$(grep -P '^cell\touderen\t' "$s/cells" | grep -P '\thidden\t' | cut -f3 | sort)" = \
	  "$(grep -P '^cell\touderen_n\t' "$s/cells" | grep -P '\thidden\t' | cut -f3 | sort)" ] ||
		{ echo "different cells hidden: $(grep -P '\thidden\t' "$s/cells" | cut -f2,3)"; return 1; }
	# The linked audit sees the leak when the engine protects each alone.
	"$NOSEC_BIN" build "$s/p" --dump=cells > "$s/cells0" 2>/dev/null
	! "$RD_PY" tests/tools/privacy_audit.py "$s/cells0" --quiet --link ouderen,ouderen_n >/dev/null ||
		{ echo "the linked audit passes without secondary suppression"; return 1; }
}
check "indicators with the same CBS numerator column are suppressed jointly" shared_numerator
