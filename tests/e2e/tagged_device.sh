# The tagged PDF where the device makes it (dev_pdf.c, pdf_internals.c):
# marked content on every page against the structure tree, links in Link
# elements, with tests/tools/check_device_tags.py (pikepdf) and poppler. On
# content/, and on a tree built by hand in tests/unit/test_tagged_device.c
# (elements drawn out of reading order, an element over two pages, links
# with and without a Link element, every kind of artifact, clips,
# transparency, an image, an element with more kids than a PDF/A-1 array
# holds, more links than one leaf of the ParentTree holds, stray nodes,
# pages with no tree at all).

TAG_PY=${TAG_PY:-/usr/bin/python3}

# tagged_ok PDF: the device-level checks, Tagged: yes, qpdf --check.
tagged_ok() {
	"$TAG_PY" tests/tools/check_device_tags.py "$1" || return 1
	pdfinfo "$1" 2>/dev/null | grep -q '^Tagged: *yes' || { echo "pdfinfo does not say Tagged: yes"; return 1; }
	qpdf --check "$1" >/dev/null 2>&1 || { echo "qpdf --check fails"; return 1; }
}

tagged_content() {
	local s
	s=$(scratch)
	"$BIN" build content -o "$s/a.pdf" >/dev/null 2>&1 || { echo "content does not build"; return 1; }
	tagged_ok "$s/a.pdf" || return 1
	pdfinfo -struct-text "$s/a.pdf" >"$s/text" 2>&1 || { echo "pdfinfo -struct-text fails"; return 1; }
	in_order "$s/text" "Document" "Voor u ligt de Sociale Monitor 2024." "Kernboodschappen" || return 1
	# The bytes depend on the input alone (under valgrind, where a build
	# takes half a minute, the tree built by hand below shows it).
	case $BIN in
	*valgrind*) ;;
	*) "$BIN" build content -o "$s/b.pdf" >/dev/null 2>&1 && cmp -s "$s/a.pdf" "$s/b.pdf" ||
		{ echo "two builds of content/ differ"; return 1; } ;;
	esac
}
check "tagged content/: every MCID in the tree once and every one it names on its page, BDC/EMC with BT/ET and q/Q balanced inside, links in Link elements, Tagged: yes, qpdf, same bytes" tagged_content

tagged_hand_tree() {
	local s f
	s=$(scratch)
	SM_TEST_TAGGED_DIR=$s "${UNIT:-build/unit-tests}" test_tagged_device_tree test_tagged_device_without_tree \
		>"$s/unit" 2>&1 || { cat "$s/unit"; return 1; }
	for f in hand bare; do
		[ -f "$s/$f.pdf" ] || { echo "the unit test wrote no $f.pdf"; return 1; }
		tagged_ok "$s/$f.pdf" || { echo "($f.pdf)"; return 1; }
	done
	mkdir "$s/again"
	SM_TEST_TAGGED_DIR=$s/again "${UNIT:-build/unit-tests}" test_tagged_device_tree >/dev/null 2>&1 &&
		cmp -s "$s/hand.pdf" "$s/again/hand.pdf" || { echo "two PDFs of the same tree differ"; return 1; }
	# The reading order: each element's kids where their content first
	# appears (the footnote drawn first comes first), a made Link last in
	# its paragraph, an artifact's link under the Document at its place,
	# an element without content left out, 11,250 kids in two Divs.
	pdfinfo -struct-text "$s/hand.pdf" | grep -v '^ *"x"$' >"$s/text"
	in_order "$s/text" Document Sect P Note "1 Een voetnoot." "Een alinea met" Link "een link" Object \
		"erna, en een tweede" Link Object H1 Hoofdstuk Table TR TH "/Scope /Column" Jaar TD 2023 Figure 60 \
		P "Een alinea die op deze pagina begint" "en op de volgende eindigt." Link Object \
		"Een verdwaalde regel" P "Een regel zonder goede ouder" P Div Div || return 1
	"$TAG_PY" - "$s/hand.pdf" "$s/bare.pdf" <<'PY'
import sys
import pikepdf
pdf = pikepdf.open(sys.argv[1])
alts, kinds = [], []
def walk(e):
    kinds.append(str(e.S))
    if "/Alt" in e:
        alts.append(str(e.Alt))
    k = e.get("/K")
    for x in (list(k) if isinstance(k, pikepdf.Array) else [k]):
        if isinstance(x, pikepdf.Dictionary) and "/S" in x:
            walk(x)
walk(pdf.Root.StructTreeRoot.K)
want = "Lijndiagram: Wmo-cli\u00ebnten per 1.000 inwoners, 2015\u20132023 \U0001F4C8"
if alts != [want]:
    sys.exit("the alternative texts are %r, want the Figure's alone: %r" % (alts, want))
if kinds.count("/P") != 4 or kinds.count("/Div") != 2:
    sys.exit("elements %r: the P without content must be left out, 11,250 kids in two Divs" % kinds)
contents = [str(a.Contents) for a in pdf.pages[0].Annots]
if contents != ["Hoofdstuk 4 Jeugd, pagina 13", "https://example.org/tweede", "https://example.org/versiering"]:
    sys.exit("link /Contents %r" % contents)
bare = pikepdf.open(sys.argv[2]).Root.StructTreeRoot.K
if str(bare.S) != "/Document" or not isinstance(bare.K, int):
    sys.exit("without a tree, the text is not in a Document of its own")
PY
}
check "tagged PDF of a tree built by hand: reading order, made Links, Alt in UTF-16, TH scope, elements without content left out, Divs for 11,250 kids, a ParentTree in leaves, pages without a tree, same bytes" tagged_hand_tree
