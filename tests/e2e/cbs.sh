# Real data in as it comes: a CBS open-data table as downloaded
# (tests/fixtures/cbs-denhaag-2019, see its README), empty buurten,
# counts that add up (aggregate: sum) and warnings that tell the whole
# story. The figures are checked against CBS's own, computed here in
# Python from the CSV, not against the engine.

CBS_FIX=tests/fixtures/cbs-denhaag-2019
CBS_PY=${AUDIT_PY:-/usr/bin/python3}

# cbs_check DUMP CSV MODE: compares the engine's figures (--dump=cells) for
# every wijk and the gemeente with what CBS published in CSV (MODE
# published: the engine must print CBS's figures; MODE computed: the
# wijk and gemeente rows were removed, so the engine adds up the buurten,
# which must agree with CBS's published figures within CBS's rounding of
# every count to a multiple of 5).
cbs_check() {
	"$CBS_PY" - "$@" <<'PY'
import csv, sys
dump, path, mode = sys.argv[1:4]
rows = list(csv.reader(open(path, encoding="utf-8-sig"), delimiter=";"))
head = [h.strip() for h in rows[0]]
recs = [dict(zip(head, (f.strip() for f in r))) for r in rows[1:]]
cells = {}
for line in open(dump, encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if p[0] == "cell":
        cells[(p[1], p[2])] = (p[4], p[5])
def num(s):
    return None if s == "." else float(s)
def dutch(x, dec):
    s = "%.*f" % (dec, x + 1e-9)
    whole, _, frac = s.partition(".")
    g = ""
    while len(whole) > 3:
        g = "." + whole[-3:] + g
        whole = whole[:-3]
    return whole + g + ("," + frac if frac else "")
bad = []
def want(ind, area, printed):
    got = cells.get((ind, area))
    if printed is None:
        if got and got[0] == "ok":
            bad.append("%s %s: printed %s, want nothing" % (ind, area, got[1]))
    elif not got or got[0] != "ok" or got[1] != printed:
        bad.append("%s %s: %s, want %s" % (ind, area, got, printed))
ratios = {"ouderen": "k_65JaarOfOuder_12", "jongeren": "k_0Tot15Jaar_8"}
sums = {"inwoners": "AantalInwoners_5", "laagopgeleid": "OpleidingsniveauLaag_64"}
published = {r["WijkenEnBuurten"]: r for r in recs if r["SoortRegio_2"] in ("Gemeente", "Wijk")}
buurten = [r for r in recs if r["SoortRegio_2"] == "Buurt"]
if mode == "published":
    checked = 0
    for code, r in published.items():
        inw = num(r["AantalInwoners_5"])
        for ind, col in ratios.items():
            want(ind, code, dutch(num(r[col]) / inw * 100, 1) if inw else None)
        for ind, col in sums.items():
            v = num(r[col])
            want(ind, code, None if inw == 0 or v is None else dutch(v, 0))
        checked += 1
    if checked != 45:
        bad.append("%d regions checked, want 45 (the gemeente and 44 wijken)" % checked)
else:
    # CBS's published wijk and gemeente rows come from the real table, kept
    # beside the copy without them.
    full = list(csv.reader(open(sys.argv[4], encoding="utf-8-sig"), delimiter=";"))
    pub = {r["WijkenEnBuurten"]: r for r in (dict(zip(head, (f.strip() for f in x))) for x in full[1:])
           if r["SoortRegio_2"] in ("Gemeente", "Wijk")}
    for code, r in pub.items():
        mine = [b for b in buurten if code == "GM0518" or b["WijkenEnBuurten"][2:8] == code[2:]]
        inw = sum(num(b["AantalInwoners_5"]) for b in mine)
        slack = 2.5 * len(mine)       # every buurt count rounded to a multiple of 5
        for ind, col in ratios.items():
            k = sum(num(b[col]) for b in mine)
            if not inw:
                want(ind, code, None)
                continue
            want(ind, code, dutch(k / inw * 100, 1))
            # CBS's figure for the wijk lies within what the buurten allow.
            lo = max(0, k - slack) / (inw + slack) * 100
            hi = (k + slack) / max(1, inw - slack) * 100
            p = num(r[col]) / num(r["AantalInwoners_5"]) * 100
            if not lo - 0.05 <= p <= hi + 0.05:
                bad.append("%s %s: CBS %.2f outside [%.2f, %.2f]" % (ind, code, p, lo, hi))
        for ind, col in sums.items():
            vals = [num(b[col]) for b in mine if num(b["AantalInwoners_5"]) != 0]
            if not vals or None in vals or not inw:
                want(ind, code, None)
                continue
            want(ind, code, dutch(sum(vals), 0))
            # Inhabitants add up within the rounding (the gemeente also
            # counts people registered without an address in a buurt);
            # CBS estimates education levels per level, so those do not.
            if ind == "inwoners" and code != "GM0518" and abs(sum(vals) - num(r[col])) > slack + 2.5:
                bad.append("%s %s: sum %g far from CBS's %g" % (ind, code, sum(vals), num(r[col])))
if bad:
    print("\n".join(bad[:20]))
    sys.exit(1)
PY
}

# The table as downloaded: CBS's own wijk and gemeente figures are printed,
# and the area register is the one `sociale-monitor areas` writes.
cbs_as_downloaded() {
	local s out
	s=$(scratch)
	cp -r "$CBS_FIX" "$s/p"
	"$BIN" areas "$s/p/data/kwb-2019.csv" > "$s/areas.csv" || return 1
	cmp -s "$s/areas.csv" "$CBS_FIX/data/areas.csv" || { echo "areas writes another register: $(diff "$s/areas.csv" "$CBS_FIX/data/areas.csv" | head -5)"; return 1; }
	out=$("$BIN" build "$s/p" -o "$s/a.pdf" 2>&1) || { echo "$out"; return 1; }
	pdf_ok "$s/a.pdf" || return 1
	pdftotext -layout "$s/a.pdf" "$s/a.txt"
	grep -q "537.833" "$s/a.txt" || { echo "the gemeente's inhabitants are not printed"; return 1; }
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>/dev/null || return 1
	cbs_check "$s/cells" "$s/p/data/kwb-2019.csv" published
}
check "a real CBS open-data table builds as downloaded and prints CBS's wijk and gemeente figures" cbs_as_downloaded

# Without the wijk and gemeente rows the engine adds up the buurten: empty
# buurten add nothing, a secret buurt leaves its wijk and the gemeente out
# (with a warning that names it), and the rest agrees with CBS.
cbs_computed() {
	local s err out
	s=$(scratch)
	cp -r "$CBS_FIX" "$s/p"
	grep -v -e '"Wijk      "' -e '"Gemeente  "' "$CBS_FIX/data/kwb-2019.csv" > "$s/p/data/kwb-2019.csv"
	err=$("$BIN" build "$s/p" --dump=cells 2>&1 > "$s/cells") || { echo "$err"; return 1; }
	cbs_check "$s/cells" "$s/p/data/kwb-2019.csv" computed "$CBS_FIX/data/kwb-2019.csv" || return 1
	[[ $err == *"laagopgeleid of GM0518 is left out in 2019: 2 buurten: BU05181785, BU05184110 are secret (.)"* ]] ||
		{ echo "no warning naming both secret buurten: $err"; return 1; }
	[[ $err == *"laagopgeleid of WK051841 is left out in 2019: buurt BU05184110 is secret (.)"* ]] ||
		{ echo "no warning for WK051841: $err"; return 1; }
	[ "$(grep -c aggregate_missing <<<"$(SM_TEST_MSG_IDS=1 "$BIN" check "$s/p" 2>&1)")" = 3 ] ||
		{ echo "want 3 warnings (WK051817, WK051841, GM0518): $err"; return 1; }
	# The secret buurten stay secret: nothing printed around them gives them.
	out=$("$CBS_PY" tests/tools/privacy_audit.py "$s/cells") || { echo "$out"; return 1; }
	[[ $out == *"2 hidden cells audited, 0 exposed"* ]] || { echo "$out"; return 1; }
}
check "without CBS's wijk rows the engine's sums of buurten agree with CBS's published figures" cbs_computed

# A mini project with the indicators, the observation file (the
# catalogue's bijstand for the gemeente first) and the areas given.
cbs_project() {
	local p=$1 inds=$2 obs=$3 areas=$4
	cp -r tests/fixtures/mini "$p"
	printf '%s\n' "$inds" >> "$p/data/indicators.yaml"
	printf '%s\n' "$obs" > "$p/data/obs.csv"
	[ -z "$areas" ] || printf '%s\n' "$areas" >> "$p/data/areas.csv"
}

# A buurt without inhabitants (denominator 0, no numerator, flagged '.')
# does not keep its wijk and gemeente from their figure.
empty_buurt() {
	local s
	s=$(scratch)
	cbs_project "$s/p" '- {id: schulden, name: Schulden, unit: percent, source: CBS, aggregate: ratio}' \
'indicator;gebied;jaar;waarde;teller;noemer;status
bijstand;GM9999;2023;3,5;;;
schulden;BU99990101;2023;;10;100;
schulden;BU99990102;2023;;;0;.
schulden;BU99990103;2023;;0;0;' 'BU99990102;Haven;buurt;WK999901
BU99990103;Water;buurt;WK999901'
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>"$s/err" || { cat "$s/err"; return 1; }
	grep -qP '^cell\tschulden\tWK999901\t2023\tok\t10,0\t' "$s/cells" || { echo "wijk: $(grep WK999901 "$s/cells") $(cat "$s/err")"; return 1; }
	grep -qP '^cell\tschulden\tGM9999\t2023\tok\t10,0\t' "$s/cells" || { echo "gemeente: $(grep -P 'schulden\tGM' "$s/cells")"; return 1; }
	! grep -q aggregate_missing "$s/err" || { cat "$s/err"; return 1; }
}
check "empty buurten (0 of 0, or '.' with a denominator of 0) do not block the wijk and gemeente" empty_buurt

# aggregate: sum adds counts up; a small count is hidden and the sums
# around it are protected (the audit models sums too); a secret buurt, or
# one without a value, leaves its wijk out.
sum_counts() {
	local s out
	s=$(scratch)
	cbs_project "$s/p" '- {id: clienten, name: Cliënten Wmo, unit: count, source: Gemeente, aggregate: sum, min-n: 5}' \
'indicator;gebied;jaar;waarde;status
bijstand;GM9999;2023;3,5;
clienten;BU99990101;2023;12;
clienten;BU99990102;2023;3;
clienten;BU99990103;2023;40;
clienten;BU99990201;2023;20;
clienten;BU99990202;2023;25;
clienten;BU99990301;2023;7;
clienten;BU99990302;2023;;.' 'BU99990102;Haven;buurt;WK999901
BU99990103;Water;buurt;WK999901
WK999902;Oost;wijk;GM9999
BU99990201;Oost-A;buurt;WK999902
BU99990202;Oost-B;buurt;WK999902
WK999903;West;wijk;GM9999
BU99990301;West-A;buurt;WK999903
BU99990302;West-B;buurt;WK999903
BU99990303;West-C;buurt;WK999903'
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>"$s/err" || { cat "$s/err"; return 1; }
	grep -qP '^cell\tclienten\tWK999901\t2023\tok\t55\t' "$s/cells" || { echo "wijk Centrum: $(grep -P 'clienten\tWK999901' "$s/cells")"; return 1; }
	grep -qP '^cell\tclienten\tWK999902\t2023\tok\t45\t' "$s/cells" || { echo "wijk Oost: $(grep -P 'clienten\tWK999902' "$s/cells")"; return 1; }
	grep -qP '^cell\tclienten\tBU99990102\t2023\thidden\t' "$s/cells" || { echo "the small count is printed"; return 1; }
	! grep -qP '^cell\tclienten\tWK999903\t2023\tok' "$s/cells" || { echo "wijk West has a secret buurt but prints"; return 1; }
	grep -q "clienten of WK999903 is left out in 2023: buurt BU99990303 has no value for it; buurt BU99990302 is secret (.)" "$s/err" || { cat "$s/err"; return 1; }
	out=$("$CBS_PY" tests/tools/privacy_audit.py "$s/cells") || { echo "$out"; return 1; }
	# Without secondary suppression the audit finds the small count.
	"$NOSEC_BIN" build "$s/p" --dump=cells > "$s/cells0" 2>/dev/null
	! "$CBS_PY" tests/tools/privacy_audit.py "$s/cells0" >/dev/null || { echo "the audit does not see through sums"; return 1; }
}
check "aggregate: sum adds counts, hides small ones with their sums protected, and stops at a secret buurt" sum_counts

# One warning per indicator and area, naming every buurt (the first five
# and how many more), a wijk without data as a wijk, and every period.
whole_story() {
	local s obs="indicator;gebied;jaar;waarde;teller;noemer"$'\n' areas="" y b err
	s=$(scratch)
	for y in 2019 2020 2021 2022 2023; do
		obs="${obs}schulden;BU99990101;$y;;10;100"$'\n'
		[ $y = 2022 ] && for b in 2 3 4 5 6 7 8; do obs="${obs}schulden;BU9999010$b;$y;;5;50"$'\n'; done
	done
	for b in 2 3 4 5 6 7 8; do areas="${areas}BU9999010$b;B$b;buurt;WK999901"$'\n'; done
	areas="${areas}WK999902;Oost;wijk;GM9999"$'\n'"BU99990201;Oost-A;buurt;WK999902"$'\n'"BU99990202;Oost-B;buurt;WK999902"
	cbs_project "$s/p" '- {id: schulden, name: Schulden, unit: percent, source: CBS, aggregate: ratio}' "${obs%$'\n'}" "$areas"
	err=$(SM_TEST_MSG_IDS=1 "$BIN" check "$s/p" 2>&1)
	[ "$(grep -c aggregate_missing <<<"$err")" = 2 ] || { echo "want one warning for the wijk and one for the gemeente: $err"; return 1; }
	[[ $err == *"schulden of WK999901 is left out in 2019-2021, 2023: 7 buurten: BU99990102, BU99990103, BU99990104, BU99990105, BU99990106 and 2 more have no numerator and denominator for it"* ]] ||
		{ echo "wijk: $err"; return 1; }
	[[ $err == *"schulden of GM9999 is left out in 2019-2023: wijk WK999902 has no data for it; 7 buurten: BU99990102, BU99990103, BU99990104, BU99990105, BU99990106 and 2 more have no numerator and denominator for it"* ]] ||
		{ echo "gemeente: $err"; return 1; }
}
check "the aggregate warning names every missing buurt, a wijk without data and every period, once" whole_story

# A regional table (RegioS) with a Perioden column: every year is read,
# or, with period:, that year only.
cbs_periods() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	printf '%s\n' '"ID";"RegioS";"Perioden";"Bijstand_1"' '"0";"GM9999    ";"2021JJ00";"     3.1"' \
		'"1";"GM9999    ";"2022JJ00";"     3.3"' '"2";"PV27      ";"2022JJ00";"     4.0"' > "$s/p/data/regio.csv"
	sed -i 's|  observations: \[data/obs.csv\]|  observations: [data/obs.csv, {file: data/regio.csv, format: cbs, columns: {bijstand: {value: Bijstand_1}}}]|' "$s/p/monitor.yaml"
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>"$s/err" || { cat "$s/err"; return 1; }
	grep -qP '^cell\tbijstand\tGM9999\t2021\tok\t3,1\t' "$s/cells" || { echo "2021: $(grep bijstand "$s/cells")"; return 1; }
	grep -qP '^cell\tbijstand\tGM9999\t2022\tok\t3,3\t' "$s/cells" || { echo "2022: $(grep bijstand "$s/cells")"; return 1; }
	grep -q "are left out: 1 (such as PV27)" "$s/err" || { echo "no note for PV27: $(cat "$s/err")"; return 1; }
	sed -i 's|format: cbs, columns|format: cbs, period: 2022, columns|' "$s/p/monitor.yaml"
	"$BIN" build "$s/p" --dump=cells > "$s/cells" 2>"$s/err" || { cat "$s/err"; return 1; }
	! grep -qP '^cell\tbijstand\tGM9999\t2021\t' "$s/cells" || { echo "period: 2022 read 2021 as well"; return 1; }
	grep -qP '^cell\tbijstand\tGM9999\t2022\tok\t3,3\t' "$s/cells" || { echo "2022 with period:"; return 1; }
}
check "a CBS table with RegioS and Perioden: every year, or the one period: names" cbs_periods

# sociale-monitor areas: a file without regions is an error with exit 1,
# a missing argument a command-line error.
cbs_areas_errors() {
	local s err rc
	s=$(scratch)
	printf '"ID";"Gemeente"\n"0";"GM0518    "\n' > "$s/x.csv"
	err=$("$BIN" areas "$s/x.csv" 2>&1 >/dev/null); rc=$?
	[ $rc = 1 ] && [[ $err == *"x.csv:1:1: error: this CBS file has no region column"* ]] || { echo "rc $rc: $err"; return 1; }
	"$BIN" areas >/dev/null 2>&1; rc=$?
	[ $rc = 2 ] || { echo "no file: exit $rc, want 2"; return 1; }
}
check "sociale-monitor areas: a file without region codes is a positioned error" cbs_areas_errors

# With the download's region file (Key;Title) the register has the names.
cbs_areas_names() {
	local s out
	s=$(scratch)
	printf '%s\n' '"Key";"Title";"Description"' "\"GM0518    \";\"'s-Gravenhage\";\"\"" \
		'"WK051801  ";"Wijk 01 Oostduinen";""' '"BU05180170";"Oostduinen; strand";""' > "$s/names.csv"
	out=$("$BIN" areas "$CBS_FIX/data/kwb-2019.csv" "$s/names.csv") || return 1
	[ "$(head -4 <<<"$out")" = "code;naam;niveau;ouder
GM0518;'s-Gravenhage;gemeente;
WK051801;Wijk 01 Oostduinen;wijk;GM0518
BU05180170;\"Oostduinen; strand\";buurt;WK051801" ] || { echo "$out" | head -4; return 1; }
	# What it writes is a register the engine reads.
	cp -r "$CBS_FIX" "$s/p"
	printf '%s\n' "$out" > "$s/p/data/areas.csv"
	"$BIN" check "$s/p" 2>&1 || return 1
}
check "sociale-monitor areas takes the names from the download's region file" cbs_areas_names

# A CBS column name from another year's table (another number) is an error
# at its place in monitor.yaml that names the file's column.
cbs_column_typo() {
	local s err
	s=$(scratch)
	cp -r "$CBS_FIX" "$s/p"
	sed -i 's/k_65JaarOfOuder_12, den/k_65JaarOfOuder_13, den/; s/{value: OpleidingsniveauLaag_64}/{value: OpleidingsniveauLaag}/' "$s/p/monitor.yaml"
	err=$("$BIN" check "$s/p" 2>&1) && { echo "no error"; return 1; }
	[[ $err == *"monitor.yaml:19:30: error: 'k_65JaarOfOuder_13' is not a column of $s/p/data/kwb-2019.csv (did you mean 'k_65JaarOfOuder_12'?)"* ]] || { echo "$err"; return 1; }
	[[ $err == *"monitor.yaml:22:31: error: 'OpleidingsniveauLaag' is not a column of $s/p/data/kwb-2019.csv (did you mean 'OpleidingsniveauLaag_64'?)"* ]] || { echo "$err"; return 1; }
}
check "a CBS column the file does not have is an error at the mapping that names the file's column" cbs_column_typo
