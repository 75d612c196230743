# Memory: inputs that once took gigabytes run in little memory. Each took
# memory in proportion to the square of its size: a paragraph copied
# again for every line, a title repeated in every running head, a list
# joined again for every item, an image decoded again for every block.
# The peak resident memory of the engine is measured with GNU time
# (Debian package time), and every run is capped with ulimit -v, so
# that a regression fails at once instead of taking the machine's memory.

# Why peak memory cannot be measured with this BIN, or nothing. Under
# ASan the inputs are still built (without a measure); under valgrind,
# which takes minutes over them, they are skipped.
mem_unmeasurable() {
	case $BIN in
	*valgrind*) echo "under valgrind the peak memory is valgrind's"; return ;;
	esac
	if grep -qa __asan_init "$BIN" 2>/dev/null; then
		echo "ASan reserves terabytes of address space, so ulimit -v cannot work"
		return
	fi
	[ -x /usr/bin/time ] || echo "/usr/bin/time is missing (Debian package time)"
}
MEM_SKIP=$(mem_unmeasurable)

# peak_under LIMIT_MB PROJECT: builds PROJECT into PROJECT/out.pdf with at
# most 2 GB of address space; fails unless the build succeeds with a peak
# RSS under LIMIT_MB and a valid PDF.
peak_under() {
	local limit_mb=$1 project=$2 s rc kb=""
	s=$(scratch)
	if [ -n "$MEM_SKIP" ]; then
		"$BIN" build "$project" -o "$project/out.pdf" >"$s/log" 2>&1
		rc=$?
	else
		( ulimit -v 2000000; exec /usr/bin/time -f %M -o "$s/rss" "$BIN" build "$project" \
			-o "$project/out.pdf" ) >"$s/log" 2>&1
		rc=$?
		kb=$(tail -n 1 "$s/rss" 2>/dev/null)
	fi
	[ "$rc" -eq 0 ] || { echo "exit $rc (peak ${kb:-?} KB): $(head -c 300 "$s/log")"; return 1; }
	[ -n "$MEM_SKIP" ] || { [ -n "$kb" ] && [ "$kb" -lt $((limit_mb * 1024)) ]; } ||
		{ echo "peak memory ${kb:-?} KB, want under $limit_mb MB"; return 1; }
	pdf_ok "$project/out.pdf"
}

# A paragraph of 120 KB in lines of two words: 10,000 soft breaks.
short_lines() {
	python3 - "$1" <<'PY'
import random, sys
random.seed(1)
words = "de het een huis wijk buurt zorg hulp werk geld".split()
lines, n = [], 0
while n < 120000:
    line = " ".join(random.choice(words) for _ in range(2))
    lines.append(sys.argv[1] + line)
    n += len(line) + 1
print("\n".join(lines))
PY
}

paragraph_of_lines() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	short_lines "" > "$s/p/text/visie.md"
	peak_under 150 "$s/p"
}

text_block_of_lines() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	short_lines '      ' > "$s/block"
	python3 - "$s/p/chapters/thema.yaml" "$s/block" <<'PY'
import sys
path, block = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().rstrip("\n")
s = open(path, encoding="utf-8").read()
if "  - text: Steeds" not in s:
    sys.exit("the fixture changed: no text block to replace")
s = s.replace("  - text: Steeds meer inwoners hebben moeite om rond te komen.\n",
              "  - text: |\n" + block + "\n")
open(path, "w", encoding="utf-8").write(s)
PY
	peak_under 150 "$s/p"
}

# An intervention with 20,000 partners: the list is joined once.
long_list() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	python3 - "$s/p/chapters/thema.yaml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
partners = ", ".join("Partner %d" % i for i in range(20000))
assert "    budget:" in s, "the fixture changed"
s = s.replace("    budget:", "    partners: [%s]\n    budget:" % partners)
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
	peak_under 150 "$s/p"
}

# One PNG of 7000 x 7000 pixels (157 KB, 147 MB of pixels) in 20 blocks:
# decoded once and embedded once.
one_image_many_blocks() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	mkdir -p "$s/p/images"
	python3 - "$s/p" <<'PY'
import struct, sys, zlib
w = h = 7000
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
z = zlib.compressobj(9)
row = b"\x00" + bytes([0x00, 0x66, 0x4f]) * w
idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
open(sys.argv[1] + "/images/groot.png", "wb").write(
    b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
path = sys.argv[1] + "/chapters/thema.yaml"
s = open(path, encoding="utf-8").read()
assert "  - quote:" in s, "the fixture changed"
blocks = "".join("  - image: {file: images/groot.png, caption: Beeld %d}\n" % i for i in range(20))
s = s.replace("  - quote:", blocks + "  - quote:")
open(path, "w", encoding="utf-8").write(s)
PY
	peak_under 400 "$s/p" || return 1
	local n
	n=$(grep -ac '/Subtype /Image' "$s/p/out.pdf")
	[ "$n" = 1 ] || { echo "the image is embedded $n times"; return 1; }
}

# mem_check NAME FUNC: check, saying when the memory is not measured, or
# a pass that says why it was skipped.
mem_check() {
	case $MEM_SKIP in
	"") check "$@" ;;
	*valgrind*) pass "$1 (skipped: $MEM_SKIP)" ;;
	*) check "$1 (memory not measured: $MEM_SKIP)" "$2" ;;
	esac
}
mem_check "a paragraph of 10,000 short lines stays under 150 MB" paragraph_of_lines
mem_check "a 'text: |' block of 10,000 short lines stays under 150 MB" text_block_of_lines
mem_check "a list of 20,000 partners stays under 150 MB" long_list
mem_check "one 7000 x 7000 PNG in 20 blocks: under 400 MB, embedded once" one_image_many_blocks

# A title of 1 MB (62,500 times "Sociale Monitor") is a positioned error,
# found before any layout: quickly and in little memory.
huge_title() {
	local s err rc kb=""
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	python3 - "$s/p/monitor.yaml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
assert "title: Sociale Monitor" in s, "the fixture changed"
s = s.replace("title: Sociale Monitor", "title: " + " ".join(["Sociale Monitor"] * 62500), 1)
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
	if [ -n "$MEM_SKIP" ]; then
		err=$(timeout 60 "$BIN" build "$s/p" -o "$s/out.pdf" 2>&1 >/dev/null); rc=$?
	else
		err=$( ( ulimit -v 2000000; exec /usr/bin/time -f %M -o "$s/rss" timeout 60 "$BIN" build "$s/p" \
			-o "$s/out.pdf" ) 2>&1 >/dev/null); rc=$?
		kb=$(tail -n 1 "$s/rss")
	fi
	[ "$rc" -eq 1 ] || { echo "want exit 1, got $rc: $(printf '%s' "$err" | head -c 300)"; return 1; }
	[[ $err == *"$s/p/monitor.yaml:2:8: error: 'title' has 999999 characters, more than the 300 allowed"* ]] ||
		{ echo "no positioned message: $(printf '%s' "$err" | head -c 300)"; return 1; }
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "more than one message: $(printf '%s' "$err" | head -c 300)"; return 1; }
	[ ! -e "$s/out.pdf" ] || { echo "a PDF was written"; return 1; }
	[ -z "$kb" ] || [ "$kb" -lt $((100 * 1024)) ] || { echo "peak memory $kb KB, want under 100 MB"; return 1; }
}
check "a title of 1 MB is a positioned error, in under 100 MB${MEM_SKIP:+ (memory not measured: $MEM_SKIP)}" huge_title

# Exactly at the limits, in characters rather than bytes: a title of 300
# and an area name of 200 accented letters build.
at_the_limits() {
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	python3 - "$s/p" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p + "/monitor.yaml", encoding="utf-8").read()
s = re.sub("(?m)^title: .*$", "title: " + "é" * 300, s, count=1)
open(p + "/monitor.yaml", "w", encoding="utf-8").write(s)
s = open(p + "/data/areas.csv", encoding="utf-8").read()
assert ";Centrum;" in s, "the fixture changed"
s = s.replace(";Centrum;", ";" + "ë" * 200 + ";")
open(p + "/data/areas.csv", "w", encoding="utf-8").write(s)
PY
	"$BIN" build "$s/p" -o "$s/out.pdf" >/dev/null || return 1
	pdf_ok "$s/out.pdf"
}
check "a title of 300 and an area name of 200 characters are within the limits" at_the_limits
