# Reliability of input: nothing in a file changes a number or a judgement
# silently, every broken input file is a positioned content error (exit 1)
# that `check` finds too, and messages show project values without letting
# them act on the terminal.

# A copy of the mini project in a fresh scratch folder; prints its path.
mini_copy() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	echo "$s/p"
}

# expect_error PROJECT WHERE TEXT: build fails with exit 1, writes no PDF,
# and a message starts at PROJECT/WHERE and says TEXT.
expect_error() {
	local p=$1 where=$2 text=$3 err rc
	err=$("$BIN" build "$p" -o "$p/../out.pdf" 2>&1 >/dev/null); rc=$?
	[ "$rc" -eq 1 ] || { echo "want exit 1, got $rc: $err"; return 1; }
	[ ! -e "$p/../out.pdf" ] || { echo "a PDF was written"; return 1; }
	local l
	while IFS= read -r l; do
		[[ $l == "$p/$where"* && $l == *"$text"* ]] && return 0
	done <<< "$err"
	echo "no message at $where saying: $text; got: $err"
	return 1
}

nul_in_csv() {
	local p
	p=$(mini_copy)
	# 3<NUL>,5 was read as 3, and the goal came out on track.
	printf 'indicator;gebied;jaar;waarde\nbijstand;GM9999;2023;3\0,5\nbijstand;NL01;2023;3,6\n' > "$p/data/obs.csv"
	expect_error "$p" "data/obs.csv:2:23:" "control character U+0000" || return 1
	p=$(mini_copy)
	printf 'code;naam;niveau;ouder\nNL01;Neder\0land;land;\nGM9999;Teststad;gemeente;\n' > "$p/data/areas.csv"
	expect_error "$p" "data/areas.csv:2:11:" "control character U+0000" || return 1
}
check "a NUL in a CSV field is a positioned error, not a shorter number" nul_in_csv

nul_in_yaml_markdown_layout() {
	local p
	p=$(mini_copy)
	printf 'kind: foreword\ntitle: Voor\0woord\n' > "$p/chapters/voorwoord.yaml"
	expect_error "$p" "chapters/voorwoord.yaml:2:12:" "control character U+0000" || return 1
	p=$(mini_copy)
	printf 'Iedereen\0 doet mee.\n' > "$p/text/visie.md"
	expect_error "$p" "text/visie.md:1:9:" "control character U+0000" || return 1
	p=$(mini_copy)
	mkdir -p "$p/layouts"
	printf 'colors: {primary: "#00664f"}\0\n' > "$p/layouts/huis.yaml"
	sed -i 's/^title: Sociale Monitor/title: Sociale Monitor\nlayout: huis/' "$p/monitor.yaml"
	expect_error "$p" "layouts/huis.yaml:1:29:" "control character U+0000" || return 1
	# An escape in a quoted YAML value makes the same characters.
	p=$(mini_copy)
	printf 'kind: foreword\ntitle: "Voor\\0woord"\n' > "$p/chapters/voorwoord.yaml"
	expect_error "$p" "chapters/voorwoord.yaml:2:8:" "control character U+0000" || return 1
	p=$(mini_copy)
	printf 'kind: foreword\ntitle: "Voor\\awoord"\n' > "$p/chapters/voorwoord.yaml"
	expect_error "$p" "chapters/voorwoord.yaml:2:8:" "control character U+0007" || return 1
}
check "a NUL in YAML, Markdown, a layout or a YAML escape is a positioned error" nul_in_yaml_markdown_layout

control_in_csv() {
	local p
	p=$(mini_copy)
	sed -i 's/Centrum/Cen\x07trum/' "$p/data/areas.csv"
	expect_error "$p" "data/areas.csv:4:13:" "control character U+0007 in text" || return 1
	# The same rule as YAML and Markdown, also for a Windows-1252 file.
	p=$(mini_copy)
	printf 'code;naam;niveau;ouder\nNL01;Nederland;land;\nGM9999;Test\xe9\x1bstad;gemeente;\n' > "$p/data/areas.csv"
	expect_error "$p" "data/areas.csv:3:13:" "control character U+001B in text" || return 1
}
check "a control character in CSV text is the positioned error it is in YAML" control_in_csv

# The system's Open Sans, as the layouts find it.
open_sans() {
	local f
	for f in /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf $(find /usr/share/fonts /usr/local/share/fonts -name OpenSans-Regular.ttf 2>/dev/null); do
		[ -f "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}

truncated_font() {
	local p font err rc n
	font=$(open_sans) || { echo "OpenSans-Regular.ttf is not installed (Debian's fonts-open-sans)"; return 1; }
	for n in 20000 300 $(( $(stat -c %s "$font") - 1 )); do
		p=$(mini_copy)
		mkdir -p "$p/layouts" "$p/fonts"
		printf 'fonts: {regular: Huisletter.ttf}\n' > "$p/layouts/huis.yaml"
		sed -i 's/^title: Sociale Monitor/title: Sociale Monitor\nlayout: huis/' "$p/monitor.yaml"
		head -c "$n" "$font" > "$p/fonts/Huisletter.ttf"
		expect_error "$p" "layouts/huis.yaml:1:18:" "font file '$p/fonts/Huisletter.ttf' cannot be used: it is cut short" || return 1
		err=$("$BIN" check "$p" 2>&1); rc=$?
		[ "$rc" -eq 1 ] || { echo "check: want exit 1, got $rc: $err"; return 1; }
		[[ $err == *"$p/layouts/huis.yaml:1:18:"*"Huisletter.ttf"* ]] || { echo "check does not name the font: $err"; return 1; }
	done
}
check "a font file cut short is a content error at the layout's line, and check finds it" truncated_font

ranges() {
	local p
	p=$(mini_copy)
	printf '  threshold: -5\n' >> "$p/data/indicators.yaml"
	expect_error "$p" "data/indicators.yaml:6:14:" "'-5' is out of range for threshold of bijstand" || return 1
	p=$(mini_copy)
	printf '  target: {value: 120, year: 2026}\n' >> "$p/data/indicators.yaml"
	expect_error "$p" "data/indicators.yaml:6:19:" "'120' is out of range for the target of bijstand; write a number from 0 to 100" || return 1
	p=$(mini_copy)
	printf '  formula: {numerator: bijstand, denominator: bijstand, factor: 0}\n' >> "$p/data/indicators.yaml"
	expect_error "$p" "data/indicators.yaml:6:" "'0' is out of range for factor of bijstand" || return 1
	p=$(mini_copy)
	sed -i 's/budget: {planned: 100, actual: 90}/budget: {planned: 100, actual: -90}/' "$p/chapters/thema.yaml"
	expect_error "$p" "chapters/thema.yaml:19:" "'-90' is out of range for actual of a budget" || return 1
	p=$(mini_copy)
	sed -i 's/budget: {planned: 100, actual: 90}/reach: {value: -4, unit: huishoudens}/' "$p/chapters/thema.yaml"
	expect_error "$p" "chapters/thema.yaml:19:" "'-4' is out of range for the reach" || return 1
	p=$(mini_copy)
	printf 'kind: areas\ntitle: Wijken\nareas: wijken\nindicators: [bijstand]\nthreshold: 3\n' > "$p/chapters/wijken.yaml"
	sed -i 's|  - chapters/colofon.yaml|  - chapters/wijken.yaml\n  - chapters/colofon.yaml|' "$p/monitor.yaml"
	expect_error "$p" "chapters/wijken.yaml:5:12:" "'3' is out of range for threshold of an areas chapter; write a whole number from 1 to 1" || return 1
	# Counts in the data: a negative n would suppress, a negative
	# denominator turn a rate around.
	p=$(mini_copy)
	printf 'indicator;gebied;jaar;waarde;teller;noemer;n\nbijstand;GM9999;2023;3,5;;;-5\nbijstand;NL01;2023;;36;-1000;\n' > "$p/data/obs.csv"
	expect_error "$p" "data/obs.csv:2:28:" "'-5' is out of range for n" || return 1
	expect_error "$p" "data/obs.csv:3:24:" "'-1000' is out of range for denominator" || return 1
}
check "numbers out of range (threshold, target, factor, budget, reach, counts in data) are positioned errors quoting the value" ranges

escaped_messages() {
	local s p err
	s=$(scratch)
	# A folder name that would end a line and colour the terminal.
	p="$s/$(printf 'p\r\033[31mrood\nerror: nep')"
	cp -r tests/fixtures/mini "$p"
	printf 'kind: foreword\ntitle: [x\n' > "$p/chapters/voorwoord.yaml"
	err=$("$BIN" build "$p" -o "$s/out.pdf" 2>&1 >/dev/null)
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "one message took several lines: $err"; return 1; }
	[[ $err != *$'\033'* && $err != *$'\r'* ]] || { echo "a control character reached the terminal"; return 1; }
	[[ $err == *'p\r\x1b[31mrood\nerror: nep/chapters/voorwoord.yaml:2:8: error:'* ]] || { echo "not escaped as \\r \\x1b \\n: $err"; return 1; }
	# Valid UTF-8 stays as it is.
	p="$s/één"
	cp -r tests/fixtures/mini "$p"
	printf 'kind: foreword\ntitle: [x\n' > "$p/chapters/voorwoord.yaml"
	err=$("$BIN" build "$p" -o "$s/out.pdf" 2>&1 >/dev/null)
	[[ $err == "$p/chapters/voorwoord.yaml:2:8: error:"* ]] || { echo "UTF-8 changed: $err"; return 1; }
}
check "messages escape control characters in file names and values, and keep UTF-8" escaped_messages

utf16_csv() {
	local p enc bom err
	for enc in LE BE; do
		p=$(mini_copy)
		[ $enc = LE ] && bom='\xff\xfe' || bom='\xfe\xff'
		# What Excel's "Unicode text" writes: UTF-16 with a BOM, tab-separated, CRLF.
		{ printf "$bom"; printf 'indicator\tgebied\tjaar\twaarde\r\nbijstand\tGM9999\t2023\t3,7\r\nbijstand\tNL01\t2023\t3,6\r\n' | iconv -f UTF-8 -t UTF-16$enc; } > "$p/data/obs.csv"
		err=$("$BIN" build "$p" -o "$p/../out.pdf" 2>&1 >/dev/null) || { echo "UTF-16$enc: $err"; return 1; }
		[[ $err != *Windows-1252* ]] || { echo "UTF-16$enc read as Windows-1252: $err"; return 1; }
		pdftotext "$p/../out.pdf" - | grep -q '3,7%' || { echo "UTF-16$enc: the value 3,7 is not in the PDF"; return 1; }
		# Positions are lines and characters, as in any other file.
		p=$(mini_copy)
		{ printf "$bom"; printf 'indicator\tgebied\tjaar\twaarde\nbijstand\tGM9999\t2023\t3,5\nbijstand\tNL01\t2023\tdrie\n' | iconv -f UTF-8 -t UTF-16$enc; } > "$p/data/obs.csv"
		expect_error "$p" "data/obs.csv:3:20:" "'drie' is not a number" || return 1
	done
}
check "a UTF-16 CSV with a byte order mark (Excel's Unicode text) is read, with right positions" utf16_csv

unclosed_quote() {
	local p
	p=$(mini_copy)
	sed -i 's/^title: Bestaanszekerheid/title: "Bestaanszekerheid/' "$p/chapters/thema.yaml"
	expect_error "$p" "chapters/thema.yaml:2:8:" "the quoted value that starts here is never closed" || return 1
	p=$(mini_copy)
	sed -i "s/^title: Bestaanszekerheid/title: 'Bestaanszekerheid/" "$p/chapters/thema.yaml"
	expect_error "$p" "chapters/thema.yaml:2:8:" "the quoted value that starts here is never closed" || return 1
	p=$(mini_copy)
	sed -i 's/^title: Bestaanszekerheid/title: [Bestaanszekerheid/' "$p/chapters/thema.yaml"
	expect_error "$p" "chapters/thema.yaml:2:8:" "the [ that starts here is not closed" || return 1
	# Also when the file ends right after it.
	p=$(mini_copy)
	printf 'kind: foreword\ntitle: {\n' > "$p/chapters/voorwoord.yaml"
	expect_error "$p" "chapters/voorwoord.yaml:2:8:" "the { that starts here is not closed" || return 1
}
check "an unclosed quote or bracket in YAML is reported where it opens" unclosed_quote

refused_values_quoted() {
	local p
	p=$(mini_copy)
	sed -i 's/^  - quote: .*/  - table: {indicators: [bijstand], years: 2023-2019, columns: [value, value]}\n  - table: {indicator: bijstand, years: [2023, 2019]}/' "$p/chapters/thema.yaml"
	expect_error "$p" "chapters/thema.yaml:14:44:" "'2023-2019' is not a range of years" || return 1
	expect_error "$p" "chapters/thema.yaml:14:72:" "'value' is named twice" || return 1
	expect_error "$p" "chapters/thema.yaml:15:48:" "'2019' comes after" || return 1
	p=$(mini_copy)
	sed -i 's/^signed: .*/signed: Wethouder Test/' "$p/chapters/voorwoord.yaml"
	sed -i 's/^edition: 2024/edition: 1850/' "$p/monitor.yaml"
	expect_error "$p" "monitor.yaml:5:10:" "'1850' is out of range for edition" || return 1
	expect_error "$p" "chapters/voorwoord.yaml:4:9:" "'signed' must be a mapping; it is the text 'Wethouder Test'" || return 1
}
check "a message that refuses a value quotes it" refused_values_quoted

# The bad-input harness (bad_input.sh) must be able to fail: a case that
# names a message the build does not print fails, even with the right
# exit status.
harness_can_fail() {
	declare -F bad_case >/dev/null || { echo "bad_case is not defined (tests/e2e/bad_input.sh)"; return 1; }
	local c out
	c=$(scratch)
	mkdir -p "$c/mislabelled"
	printf 'message: font_missing\nstatus: 0\nsays: not found\n' > "$c/mislabelled/case"
	out=$( (bad_case "$c/mislabelled") )
	[[ $out == FAIL* ]] || { echo "a case claiming a message it does not print passed: $out"; return 1; }
	# A case whose text comes from another message than its label.
	mkdir -p "$c/other/files/chapters"
	printf 'kind: foreword\ntitle: [x\n' > "$c/other/files/chapters/voorwoord.yaml"
	printf 'message: bad_enum\nstatus: 1\nwhere: chapters/voorwoord.yaml:2:\nsays: YAML syntax\n' > "$c/other/case"
	out=$( (bad_case "$c/other") )
	[[ $out == FAIL* ]] || { echo "a case labelled with the wrong message passed: $out"; return 1; }
}
check "the bad-input harness fails a case whose label is not the message printed" harness_can_fail
