# The engine end to end on the mini fixture: the command line, a valid PDF
# with every font embedded and subset, page labels, outline, contents,
# determinism, layouts that change the look but not the words.

MINI=tests/fixtures/mini

cli_usage() {
	"$BIN" --help | grep -q "sociale-monitor build" || return 1
	"$BIN" --version | grep -q "^sociale-monitor [0-9]" || return 1
	"$BIN" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "no arguments: want 2"; return 1; }
	local err
	err=$("$BIN" biuld 2>&1); [ $? -eq 2 ] || { echo "unknown command: want 2"; return 1; }
	[[ $err == *"did you mean 'build'"* ]] || { echo "no did-you-mean: $err"; return 1; }
	err=$("$BIN" build $MINI --layout standard -o /dev/null 2>&1); [ $? -eq 2 ] || { echo "unknown --layout: want 2"; return 1; }
	[[ $err == *"did you mean 'standaard'"* ]] || { echo "layout did-you-mean missing: $err"; return 1; }
	"$BIN" build /nonexistent-folder >/dev/null 2>&1; [ $? -eq 2 ] || { echo "missing folder: want 2"; return 1; }
	"$BIN" build $MINI --frobnicate >/dev/null 2>&1; [ $? -eq 2 ] || { echo "unknown option: want 2"; return 1; }
	"$BIN" check $MINI | grep -q "no errors" || return 1
	"$BIN" layouts | grep -q "^zwartwit" || return 1
}
check "command line: help, version, usage errors, check, layouts" cli_usage

mini_pdf() {
	local s
	s=$(scratch)
	"$BIN" build $MINI -o "$s/a.pdf" >"$s/out.txt" || return 1
	grep -q "a.pdf: [0-9]* pages" "$s/out.txt" || { echo "no path and page count printed"; return 1; }
	pdf_ok "$s/a.pdf" || return 1
	# Every font a true subset: small, flagged, with a ToUnicode map poppler accepts.
	pdffonts "$s/a.pdf" | awk 'NR > 2 && $(NF-3) != "yes" { bad = 1 } END { exit bad }' || { echo "a font is not a subset"; return 1; }
	local warn
	warn=$(pdftotext "$s/a.pdf" - 2>&1 >/dev/null)
	[ -z "$warn" ] || { echo "poppler warns: $warn"; return 1; }
	local size
	size=$(stat -c %s "$s/a.pdf")
	[ "$size" -lt 120000 ] || { echo "PDF of the mini monitor is $size bytes"; return 1; }
	pdftotext "$s/a.pdf" "$s/a.txt"
	in_order "$s/a.txt" "Sociale Monitor" "Inhoud" "Voorwoord" "Dit is het voorwoord van de testmonitor." "Wethouder Test" \
		"Bestaanszekerheid" "Programma 3 Sociaal domein" "Bestaanszekerheid betekent dat inwoners kunnen rondkomen." \
		"Wat we willen" "BZ1" "Minder huishoudens met schulden" "Aandacht nodig" "Het aantal huishoudens met schulden stijgt." \
		"Steeds meer inwoners" "Pas toen ik hulp vroeg, ging het beter." "Vroegsignalering" "Colofon"
}
check "mini: valid PDF, subset fonts, text in order" mini_pdf

# Same input, same bytes: tests/e2e/reliability.sh (locales and time zones).
pdf_dates() {
	local s
	s=$(scratch)
	TZ=Pacific/Kiritimati "$BIN" build $MINI -o "$s/a.pdf" >/dev/null || return 1
	grep -aq "CreationDate (D:20241001" "$s/a.pdf" || { echo "dates do not come from 'published'"; return 1; }
}
check "the PDF's dates come from 'published', not the clock" pdf_dates

structure() {
	local s
	s=$(scratch)
	"$BIN" build $MINI -o "$s/a.pdf" >/dev/null || return 1
	python3 tests/tools/check_structure.py "$s/a.pdf" Voorwoord Bestaanszekerheid Colofon >/dev/null || return 1
	# The theme's sections are in the outline, under their chapter.
	qpdf --json "$s/a.pdf" | python3 -c '
import json, sys
j = json.load(sys.stdin)
kids = [k["title"] for k in j["outlines"][1]["kids"]]
sys.exit(0 if "Wat willen we bereiken?" in kids else "sections missing from the outline: %r" % kids)'
}
check "outline, page labels, contents with the right page numbers and links" structure

draft_mark() {
	local s
	s=$(scratch)
	cp -r $MINI "$s/p"
	printf 'state: draft\n' >> "$s/p/monitor.yaml"
	"$BIN" build "$s/p" -o "$s/a.pdf" >/dev/null || return 1
	local pages marks
	pages=$(pdfinfo "$s/a.pdf" | awk '/^Pages:/ { print $2 }')
	marks=$(pdftotext "$s/a.pdf" - | grep -c "CONCEPT")
	[ "$marks" -eq "$pages" ] || { echo "CONCEPT on $marks of $pages pages"; return 1; }
}
check "a draft says CONCEPT on every page" draft_mark

layouts_same_words() {
	local s l
	s=$(scratch)
	for l in standaard stad zwartwit; do
		"$BIN" build $MINI --layout $l -o "$s/$l.pdf" >/dev/null || { echo "layout $l fails"; return 1; }
		pdf_ok "$s/$l.pdf" || return 1
		pdftotext "$s/$l.pdf" "$s/$l.txt"
		in_order "$s/$l.txt" "Dit is het voorwoord van de testmonitor." "Bestaanszekerheid betekent dat inwoners kunnen rondkomen." \
			"Dat niemand tussen wal en schip valt." "Minder huishoudens met schulden" "Het aantal huishoudens met schulden stijgt." \
			"Steeds meer inwoners hebben moeite om rond te komen." "Pas toen ik hulp vroeg, ging het beter." \
			"Partners melden betalingsachterstanden." || { echo "layout $l"; return 1; }
	done
	cmp -s "$s/standaard.pdf" "$s/stad.pdf" && { echo "stad looks the same as standaard"; return 1; }
	pdfinfo "$s/stad.pdf" | grep -q "Page size:.*841.89 x 595" || { echo "stad is not A4 landscape"; return 1; }
	pdffonts "$s/zwartwit.pdf" | grep -q LiberationSerif || { echo "zwartwit does not use its serif"; return 1; }
	return 0
}
check "every layout: same words in the same order, its own look" layouts_same_words

new_project() {
	local s
	s=$(scratch)
	"$BIN" new "$s/mijn-monitor" >/dev/null || return 1
	"$BIN" build "$s/mijn-monitor" -o "$s/a.pdf" >/dev/null || return 1
	pdf_ok "$s/a.pdf" || return 1
	"$BIN" new "$s/mijn-monitor" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "new over an existing project: want 2"; return 1; }
}
check "new DIR starts a project that builds" new_project

installed() {
	local s
	s=$(scratch)
	make -s install PREFIX="$s/prefix" >/dev/null || return 1
	"$s/prefix/bin/sociale-monitor" layouts | grep -q "$s/prefix/share/sociale-monitor/layouts/stad.yaml" || return 1
	(cd "$s" && "$s/prefix/bin/sociale-monitor" new p >/dev/null && "$s/prefix/bin/sociale-monitor" build p --layout stad -o a.pdf >/dev/null) || return 1
	pdf_ok "$s/a.pdf"
}
check "make install: the installed engine finds its layouts, pictures and starter" installed

samples_build() {
	local d l s
	s=$(scratch)
	for d in samples/*/; do
		for l in standaard stad zwartwit; do
			local err
			err=$("$BIN" build "$d" --layout $l -o "$s/x.pdf" 2>&1 >/dev/null) || { echo "$d under $l: $err"; return 1; }
			[ -z "$err" ] || { echo "$d under $l warns: $err"; return 1; }
			pdf_ok "$s/x.pdf" || return 1
		done
	done
}
check "every sample builds cleanly under every layout" samples_build
