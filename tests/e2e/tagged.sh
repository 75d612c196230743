# Tagged and accessible: content/, every sample under every shipped layout
# and a generated monitor the engine has not seen, each read by three
# independent clients:
#   pikepdf   tests/tools/check_tagged.py: the Matterhorn checkpoints a
#             program can decide (content outside tags, XMP, Figure /Alt,
#             heading levels, TH /Scope, lists, links, MCIDs and ParentTree);
#   pdf.js    tests/pdfjs/check.mjs: a structure tree on every page, no text
#             outside marked content (Firefox's PDF viewer);
#   poppler   tests/tools/check_struct_text.py: `pdfinfo -struct-text` has
#             the Markdown's long words whole and the chapter titles as H1.
# `make check-pdf` runs only this file, and with PDF_CHECK_PREFLIGHT=1 (which
# it sets) PDFBox Preflight too, where tests/tools/preflight.sh exists.

TAGGED_PY=${TAGGED_PY:-/usr/bin/python3}

# Why a client cannot run here, or nothing.
tagged_skip_pikepdf() {
	"$TAGGED_PY" -c 'import pikepdf' 2>/dev/null ||
		echo "pikepdf is missing for $TAGGED_PY (Debian: apt-get install python3-pikepdf)"
}
tagged_skip_pdfjs() {
	command -v node >/dev/null || { echo "node is missing (Debian: apt-get install nodejs npm)"; return; }
	[ -f tests/pdfjs/node_modules/pdfjs-dist/package.json ] ||
		echo "pdfjs-dist is not installed (make runs: cd tests/pdfjs && npm ci --omit=optional)"
}
tagged_skip_poppler() {
	pdfinfo -struct-text /dev/null 2>&1 | grep -q "unrecognized\|Usage" &&
		{ echo "this pdfinfo has no -struct-text (poppler-utils 22.02 or later has)"; return; }
	"$TAGGED_PY" -c 'import yaml' 2>/dev/null || echo "PyYAML is missing for $TAGGED_PY (Debian: apt-get install python3-yaml)"
}

# tagged_check NAME COMMAND...: as check, but a failure shows its first
# TAGGED_LINES lines (each names a page, an object and what was expected)
# rather than 400 characters.
tagged_check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then pass "$name"
	else fail "$name" "$(printf '%s\n' "$out" | sed "s|$TMP_ROOT/t\.[^/]*/||g" | head -n "${TAGGED_LINES:-12}")"; fi
}

# tagged_run LABEL PROJECT PDF: the three checks (and Preflight) on one PDF.
tagged_run() {
	local label=$1 project=$2 pdf=$3 why
	why=$(tagged_skip_pikepdf)
	if [ -n "$why" ]; then pass "tagged pdf, pikepdf Matterhorn checks: $label (skipped: $why)"
	else tagged_check "tagged pdf, pikepdf Matterhorn checks: $label" "$TAGGED_PY" tests/tools/check_tagged.py "$pdf"; fi
	why=$(tagged_skip_pdfjs)
	if [ -n "$why" ]; then pass "tagged pdf, pdf.js structure and marked text: $label (skipped: $why)"
	else tagged_check "tagged pdf, pdf.js structure and marked text: $label" node tests/pdfjs/check.mjs "$pdf"; fi
	why=$(tagged_skip_poppler)
	if [ -n "$why" ]; then pass "tagged pdf, poppler struct text (long words whole, chapters as H1): $label (skipped: $why)"
	else tagged_check "tagged pdf, poppler struct text (long words whole, chapters as H1): $label" \
		"$TAGGED_PY" tests/tools/check_struct_text.py "$project" "$pdf"; fi
	TAGGED_PDFS+=("$pdf")
}

# PDFBox Preflight (tests/tools/preflight.sh PDF...: exit 0 clean, 2 when
# java or its jars are missing) over every PDF at once: one Java start.
tagged_preflight() {
	local out rc
	[ "${PDF_CHECK_PREFLIGHT:-0}" = 1 ] && [ -f tests/tools/preflight.sh ] && [ ${#TAGGED_PDFS[@]} -gt 0 ] || return 0
	local name="PDF/A Preflight: content/, the samples under every layout and the generated monitor"
	out=$(bash tests/tools/preflight.sh "${TAGGED_PDFS[@]}" 2>&1); rc=$?
	case $rc in
	0) pass "$name" ;;
	2) pass "$name (skipped: $(printf '%s' "$out" | head -n 1))" ;;
	*) fail "$name" "$(printf '%s\n' "$out" | sed "s|$TMP_ROOT/t\.[^/]*/||g" | grep -v ': ok' | head -n "${TAGGED_LINES:-12}")" ;;
	esac
}

# tagged_build LABEL PROJECT PDF [ARGS]: builds, or fails the three checks
# of that PDF with the engine's message.
tagged_build() {
	local label=$1 project=$2 pdf=$3 err
	shift 3
	if ! err=$("$BIN" build "$project" "$@" -o "$pdf" 2>&1 >/dev/null); then
		fail "tagged pdf: $label builds" "$(printf '%s' "$err" | head -c 400)"
		return 1
	fi
}

# tagged_catches PDF KIND WANT [pdfjs]: the PDF with one thing broken
# (tests/tools/mutate_tagged.py KIND) fails the pikepdf check with WANT in
# its report, and with pdfjs, the pdf.js check too.
tagged_catches() {
	local pdf=$1 kind=$2 want=$3 js=${4:-} out
	out=$("$TAGGED_PY" tests/tools/check_tagged.py "${pdf%.pdf}-$kind.pdf") &&
		{ echo "the pikepdf check passes a PDF with '$kind' broken"; return 1; }
	grep -qF -- "$want" <<<"$out" || { echo "the pikepdf check does not say '$want':"; head -n 5 <<<"$out"; return 1; }
	if [ -n "$js" ] && [ -z "$(tagged_skip_pdfjs)" ]; then
		out=$(node tests/pdfjs/check.mjs "${pdf%.pdf}-$kind.pdf") &&
			{ echo "the pdf.js check passes a PDF with '$kind' broken"; return 1; }
		grep -q "outside marked content" <<<"$out" || { echo "pdf.js does not say the text is outside marked content:"; head -n 3 <<<"$out"; return 1; }
	fi
	return 0
}

# The checks catch what they are for: the generated monitor's PDF with one
# thing broken at a time. Meaningful once the engine tags; before, skipped.
tagged_mutations() {
	local pdf=$1 kind want rc err
	[ -z "$(tagged_skip_pikepdf)" ] || return 0
	for kind in untag:01-005 alt:13-004 heading:14-003 scope:15-003 list:"16 list holds" \
		link:28-011 note:19-003 lang:11-001 ptree:"ParentTree says"; do
		want=${kind#*:}
		kind=${kind%%:*}
		local name="tagged pdf: the checks catch a broken '$kind' ($want)"
		err=$("$TAGGED_PY" tests/tools/mutate_tagged.py "$pdf" "${pdf%.pdf}-$kind.pdf" "$kind" 2>&1); rc=$?
		if [ $rc -eq 2 ]; then pass "$name (skipped: the engine's PDF is not tagged yet)"; continue; fi
		if [ $rc -ne 0 ]; then fail "$name" "the generated monitor's PDF: $err"; continue; fi
		if [ "$kind" = untag ]; then check "$name" tagged_catches "$pdf" "$kind" "$want" pdfjs
		else check "$name" tagged_catches "$pdf" "$kind" "$want"; fi
	done
}

tagged_all() {
	local s d l n
	s=$(scratch)
	TAGGED_PDFS=()
	if tagged_build "content/" content "$s/content.pdf"; then
		tagged_run "content/" content "$s/content.pdf"
	fi
	for d in samples/*/; do
		n=$(basename "$d")
		for l in standaard stad zwartwit; do
			tagged_build "samples/$n under $l" "$d" "$s/$n-$l.pdf" --layout "$l" &&
				tagged_run "samples/$n under $l" "$d" "$s/$n-$l.pdf"
		done
	done
	# A monitor written for this run from FORMAT.md: every block kind, every
	# chart type, lists, quotes, footnotes, links and images.
	if "$TAGGED_PY" tests/tools/gen_monitor.py "$s/unseen" "${TAGGED_SEED:-15}" >/dev/null 2>"$s/gen.err"; then
		if tagged_build "a generated monitor (seed ${TAGGED_SEED:-15})" "$s/unseen" "$s/unseen.pdf"; then
			tagged_run "a generated monitor (seed ${TAGGED_SEED:-15})" "$s/unseen" "$s/unseen.pdf"
			tagged_mutations "$s/unseen.pdf"
		fi
	else
		fail "tagged pdf: the generated monitor is written" "$(head -c 400 "$s/gen.err")"
	fi
	tagged_preflight
}

# Under ASan and valgrind the engine is the thing tested: building eleven
# monitors there adds minutes and says nothing more about the PDF's tags,
# which the plain build's suite checks.
case $BIN in
*asan* | *valgrind*)
	pass "tagged pdf: pikepdf, pdf.js and poppler checks of content/, the samples and a generated monitor (skipped: $BIN is a sanitizer build; the plain suite runs them)" ;;
*)
	tagged_all ;;
esac
