# lib.sh: counting helpers for tests/run.sh and the test files it sources.
PASSED=0
FAILED=0
BIN=${BIN:-build/sociale-monitor}
# The test-only engine without secondary suppression (make builds it); the
# same under ASan and valgrind, for the checks that need the rule off.
NOSEC_BIN=${NOSEC_BIN:-build/test/sociale-monitor-nosecondary}
TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/sm-test.XXXXXX")
trap 'rm -rf "$TMP_ROOT"' EXIT

pass() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $1${2:+: $2}"; }

# check NAME COMMAND...: passes when the command succeeds.
check() {
	local name=$1; shift
	local out
	if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(printf '%s' "$out" | head -c 400)"; fi
}

# A fresh scratch folder.
scratch() { mktemp -d "$TMP_ROOT/t.XXXXXX"; }

# in_order FILE PHRASE...: each phrase occurs in FILE after the previous one.
in_order() {
	local file=$1; shift
	python3 - "$file" "$@" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
text = " ".join(text.split())
at = 0
for phrase in sys.argv[2:]:
    p = " ".join(phrase.split())
    i = text.find(p, at)
    if i < 0:
        print("not found in order: %r (after offset %d)" % (p, at))
        sys.exit(1)
    at = i + len(p)
PY
}

# pdf_ok PDF: valid for qpdf, every font embedded.
pdf_ok() {
	qpdf --check "$1" >/dev/null 2>&1 || { echo "qpdf --check fails"; return 1; }
	local notemb
	notemb=$(pdffonts "$1" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { print }')
	[ -z "$notemb" ] || { echo "font not embedded: $notemb"; return 1; }
	return 0
}
