# Archival: every PDF is PDF/A-2a-ready by default (generator/pdf_archive.c):
# 1.7 header, XMP metadata equal to /Info, an sRGB output intent, a trailer
# /ID from the content, destinations written in place, printed links; and
# Apache PDFBox Preflight finds nothing that PDF/A-2 does not allow.

# pikepdf belongs to Debian's python3 (python3-pikepdf), not to any other
# python3 on the PATH.
ARCH_PY=${ARCH_PY:-/usr/bin/python3}
arch_check() {
	"$ARCH_PY" -c 'import pikepdf' 2>/dev/null ||
		{ echo "pikepdf is missing: apt-get install -y python3-pikepdf"; return 1; }
	"$ARCH_PY" tests/tools/check_archival.py "$@"
}

# The small monitor, with the title and publisher set (characters XML
# must escape) and, with nosubject, no subtitle and no cycle: no /Subject.
arch_mini() {
	local dir=$1 title=$2 publisher=$3 nosubject=${4:-} q="'"
	# As YAML single-quoted scalars (' doubled), then as sed replacements.
	title=$(printf '%s' "${title//$q/$q$q}" | sed 's/[&|\\]/\\&/g')
	publisher=$(printf '%s' "${publisher//$q/$q$q}" | sed 's/[&|\\]/\\&/g')
	cp -r tests/fixtures/mini "$dir"
	sed -i -e "s|^title: .*|title: '$title'|" -e "s|^  publisher: .*|  publisher: '$publisher'|" "$dir/monitor.yaml"
	[ -z "$nosubject" ] || sed -i -e '/^subtitle:/d' -e '/^cycle:/d' "$dir/monitor.yaml"
}

archival_metadata() {
	local s
	s=$(scratch)
	arch_mini "$s/a" 'Zorg & Welzijn <"Teststad">' "Raad & Daad <'t Hof>"
	arch_mini "$s/b" 'Monitor zonder ondertitel' 'Gemeente Teststad' nosubject
	"$BIN" build "$s/a" -o "$s/a.pdf" >/dev/null || return 1
	"$BIN" build "$s/b" -o "$s/b.pdf" >/dev/null || return 1
	qpdf --check "$s/a.pdf" >/dev/null 2>&1 || { echo "qpdf --check fails"; return 1; }
	arch_check "$s/a.pdf" "$s/b.pdf" || return 1
	# The font check is not blind: a copy with every /W width 80 wider fails.
	"$ARCH_PY" - "$s/a.pdf" "$s/wide.pdf" <<'PY' || return 1
import sys, pikepdf
with pikepdf.open(sys.argv[1]) as p:
    for pg in p.pages:
        for _, f in pg.obj.get("/Resources", {}).get("/Font", {}).items():
            w = f.DescendantFonts[0].W
            for i in range(1, len(w), 2):
                w[i] = pikepdf.Array([int(x) + 80 for x in w[i]])
    p.save(sys.argv[2], static_id=True)
PY
	if arch_check --only fonts "$s/wide.pdf" >/dev/null; then echo "widths 80 too wide went unnoticed"; return 1; fi
	# The escaped title came through whole, and b has no description.
	"$ARCH_PY" - "$s/a.pdf" "$s/b.pdf" <<'PY'
import sys, pikepdf
a, b = (pikepdf.open(p) for p in sys.argv[1:])
t = str(a.docinfo["/Title"])
if not t.startswith("Zorg & Welzijn <") or "Teststad" not in t:
    sys.exit("title in /Info: %r" % t)
x = a.Root.Metadata.read_bytes()
if b"Zorg &amp; Welzijn &lt;" not in x or b"Raad &amp; Daad &lt;" not in x or "/Subject" in b.docinfo:
    sys.exit("XMP not escaped, or a /Subject without a subtitle")
PY
}
check "archival: header 1.7, XMP equal to /Info field by field (escaped; with and without /Subject), PDF/A-2a and PDF/UA-1 claimed with the pdfuaid schema described, sRGB output intent with N 3, /ID, direct destinations, printed links, font widths equal to the font programs'" archival_metadata

archival_id() {
	local s
	s=$(scratch)
	arch_mini "$s/a" 'Sociale Monitor' 'Gemeente Teststad'
	arch_mini "$s/t" 'Sociale Monitor Twee' 'Gemeente Teststad'
	arch_mini "$s/x" 'Sociale Monitor' 'Gemeente Teststad'
	echo "Een zin die alleen in deze versie staat." >> "$s/x/text/visie.md"
	"$BIN" build "$s/a" -o "$s/a1.pdf" >/dev/null || return 1
	"$BIN" build "$s/a" -o "$s/a2.pdf" >/dev/null || return 1
	"$BIN" build "$s/t" -o "$s/t.pdf" >/dev/null || return 1
	"$BIN" build "$s/x" -o "$s/x.pdf" >/dev/null || return 1
	cmp -s "$s/a1.pdf" "$s/a2.pdf" || { echo "two builds differ"; return 1; }
	arch_check --only id "$s/a1.pdf" "$s/t.pdf" "$s/x.pdf" || return 1
	"$ARCH_PY" - "$s/a1.pdf" "$s/t.pdf" "$s/x.pdf" <<'PY'
import sys, pikepdf
ids = [bytes(pikepdf.open(p).trailer.ID[0]) for p in sys.argv[1:]]
if len(set(ids)) != 3:
    sys.exit("the same /ID for different documents: %s" % [i.hex() for i in ids])
PY
}
check "archival: the trailer /ID is the same for the same input and differs when the title or the text differs" archival_id

# Preflight: content/, every sample under every shipped layout, and every
# image flavour (a CMYK JPEG, PNGs with alpha); a copy without its output
# intent shows the check is not blind. One run of preflight.sh (one Java
# process, a few seconds in all).
archival_preflight() {
	local s f n l out
	s=$(scratch)
	"$BIN" build content -o "$s/content.pdf" >/dev/null || return 1
	for f in samples/*/; do
		n=$(basename "$f")
		for l in standaard stad zwartwit; do
			"$BIN" build "$f" --layout "$l" -o "$s/$n-$l.pdf" >/dev/null || { echo "$n $l failed"; return 1; }
		done
	done
	cp -r tests/fixtures/mini "$s/img"
	mkdir -p "$s/img/images"
	build/mkimages "$s/img/images" || return 1
	{
		printf 'kind: text\ntitle: Beelden\ntext: Alle soorten afbeeldingen.\nblocks:\n'
		for n in cmyk.jpg rgba.png grey-alpha.png palette.png grey.jpg photo.jpg; do
			printf '  - image: {file: images/%s, caption: "Beeld %s", credit: Testbeeld}\n' "$n" "$n"
		done
	} > "$s/img/chapters/beelden.yaml"
	sed -i 's|  - chapters/colofon.yaml|  - chapters/beelden.yaml\n  - chapters/colofon.yaml|' "$s/img/monitor.yaml"
	"$BIN" build "$s/img" -o "$s/images.pdf" >/dev/null || return 1
	# Every image is RGB (a CMYK JPEG is converted): sRGB is the intent.
	if pdfimages -list "$s/images.pdf" | awk 'NR > 2 && $3 == "image" && $6 != "rgb"' | grep -q .; then
		echo "an image that is not RGB:"; pdfimages -list "$s/images.pdf"; return 1
	fi
	arch_check "$s"/*.pdf || return 1
	"$ARCH_PY" - "$s/images.pdf" "$s/no-intent.pdf" <<'PY' || return 1
import sys, pikepdf
with pikepdf.open(sys.argv[1]) as p:
    del p.Root["/OutputIntents"]
    p.save(sys.argv[2], static_id=True)
PY
	out=$(bash tests/tools/preflight.sh "$s"/*.pdf)
	# The copy without an output intent fails, and nothing else does.
	printf '%s\n' "$out" | grep -q "no-intent.pdf: 2.4" || { echo "Preflight missed a missing output intent:"; printf '%s\n' "$out" | head -5; return 1; }
	out=$(printf '%s\n' "$out" | grep -v "no-intent.pdf")
	[ "$(printf '%s\n' "$out" | grep -c ': ok (')" -eq 11 ] || { printf '%s\n' "$out" | grep -v ': ok (' | head -30; return 1; }
}
preflight_skip=""
case $BIN in
*asan* | *valgrind*) preflight_skip="ASan and valgrind runs check the engine, not its output" ;;
esac
command -v java >/dev/null || preflight_skip="java is missing (Debian: default-jre-headless libpdfbox2-java)"
if [ -n "$preflight_skip" ]; then
	pass "archival: PDFBox Preflight on content/, samples and images (skipped: $preflight_skip)"
else
	check "archival: content/, every sample under every layout and every image flavour (CMYK JPEG, alpha PNG) pass PDFBox Preflight but for what PDF/A-2 allows; a copy without output intent fails" archival_preflight
fi
