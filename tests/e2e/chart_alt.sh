# Charts and images for readers who cannot see them: every chart is a
# Figure whose alternative text the engine writes in Dutch from the values
# it drew; images carry an alt (or their caption), decorative ones are
# artifacts; a status badge's word is text. Read from --dump=layout (its
# "node ... alt" lines) and, once the PDF is tagged, from the PDF's /Alt.

CA_PY=${AUDIT_PY:-/usr/bin/python3}

# The alt text of Figure node lines in a layout dump, one a line.
alts() { sed -n 's/^node [0-9]* Figure parent [0-9]* alt "\(.*\)"$/\1/p' "$1"; }

# has_alt DUMP TEXT: one Figure says exactly TEXT.
has_alt() {
	alts "$1" | grep -qxF -- "$2" && return 0
	echo "no Figure says: $2"
	alts "$1" | grep -F -- "${2%%:*}" | head -3
	return 1
}

# Three charts of content/, their texts worked out by hand from the CSVs:
# - wmo_maatwerk (per 1.000, 0 decimals): Lindeveld is the sum of its
#   buurten's teller over noemer (cbs.csv): 2015 46,995 → 47, 2023
#   60,000 → 60, provisional (status *); NL01 46 → 62*, G40 50 → 66*
#   (registraties.csv). Highest 66* (G40, 2023); lowest 46 (NL01, 2015).
#   Neutral polarity: no target drawn.
# - bijstand (%, 1 decimal), column 2019–2023: Lindeveld 4,1007 → 4,1 and
#   3,6006 → 3,6; NL01 4,2 → 3,6. Highest 4,2 (NL01 2019, before 2020's
#   equal 4,2); lowest 3,6, first drawn in 2022 (NL01).
# - probl_schulden (%), bar of the buurten in 2023: Molenbeek 604/4667 =
#   12,94 → 12,9 the highest, Beekhuizen 147/7042 = 2,09 → 2,1 the lowest;
#   the reference line, Lindeveld, 2975/46487 = 6,40 → 6,4.
content_alts() {
	local s
	s=$(scratch)
	"$BIN" build content --dump=layout > "$s/l" || return 1
	has_alt "$s/l" "Lijndiagram: Wmo-cliënten met een maatwerkvoorziening (per 1.000), 2015–2023. Lindeveld steeg van 47 naar 60 (voorlopig cijfer); Nederland van 46 naar 62 (voorlopig cijfer); G40-gemeenten van 50 naar 66 (voorlopig cijfer). Hoogste waarde: G40-gemeenten 66 (voorlopig cijfer) in 2023; laagste: Nederland 46 in 2015." || return 1
	has_alt "$s/l" "Kolomdiagram: Inwoners met een bijstandsuitkering (%), 2019–2023. Lindeveld daalde van 4,1 naar 3,6; Nederland van 4,2 naar 3,6. Hoogste waarde: Nederland 4,2 in 2019; laagste: Nederland 3,6 in 2022." || return 1
	has_alt "$s/l" "Staafdiagram: Huishoudens met problematische schulden (%), 2023, 12 buurten, van hoog naar laag. Hoogste waarde: Molenbeek 12,9; laagste: Beekhuizen 2,1. Referentielijn: Lindeveld 6,4." || return 1
}
check "chart alt: three charts of content/ say what their data says (worked out by hand from the CSVs)" content_alts

# Every chart of content/ and the samples is a Figure with an alternative
# text, its title the Figure's Caption, its drawing inside it, its source a
# P after it (tests/tools/check_figures.py).
figures_everywhere() {
	local s d n out
	s=$(scratch)
	for d in content samples/*; do
		"$BIN" build "$d" --dump=layout > "$s/l" 2>/dev/null || { echo "$d: no dump"; return 1; }
		n=$(cat "$d"/chapters/*.yaml | grep -c -- '- chart:')
		out=$("$CA_PY" tests/tools/check_figures.py "$s/l" --charts "$n" --images 0) || { echo "$d: $out"; return 1; }
	done
}
check "chart alt: every chart of content/ and the samples is a Figure with alt, Caption first, drawing inside, source a P after" figures_everywhere

# A project of its own for what content/ does not show: a flat line, a
# line that starts late, more lines than are named one by one, a hidden
# value (West 2023, flag '.', would be the highest), a provisional one,
# images with and without a description, and the goal card's badge.
alt_project() {
	local p=$1
	cp -r tests/fixtures/mini "$p"
	cat > "$p/data/areas.csv" <<-'EOF'
	code;naam;niveau;ouder
	NL01;Nederland;land;
	GM9999;Teststad;gemeente;
	WK999901;Noord;wijk;GM9999
	WK999902;Oost;wijk;GM9999
	WK999903;Zuid;wijk;GM9999
	WK999904;West;wijk;GM9999
	WK999905;Haven;wijk;GM9999
	WK999906;Dorp;wijk;GM9999
	EOF
	cat >> "$p/data/indicators.yaml" <<-'EOF'
	- id: werk
	  name: Werkzame inwoners
	  unit: percent
	  decimals: 1
	  polarity: higher-is-better
	  source: CBS
	  target: {value: 70.0, year: 2026}
	EOF
	cat > "$p/data/obs.csv" <<-'EOF'
	indicator;gebied;jaar;waarde;status
	bijstand;GM9999;2023;3,5;
	bijstand;NL01;2023;3,6;
	werk;GM9999;2020;60,0;
	werk;GM9999;2021;61,0;
	werk;GM9999;2022;62,5;
	werk;GM9999;2023;63,0;
	werk;NL01;2020;65,0;
	werk;NL01;2023;65,0;
	werk;WK999901;2020;50,0;
	werk;WK999901;2023;55,0;
	werk;WK999902;2020;70,0;
	werk;WK999902;2023;72,5;
	werk;WK999903;2021;58,0;
	werk;WK999903;2023;57,0;
	werk;WK999904;2020;52,0;
	werk;WK999904;2023;99,9;.
	werk;WK999905;2023;60,0;*
	werk;WK999906;2023;61,5;
	EOF
	mkdir -p "$p/images"
	python3 - "$p/images/a.png" <<-'EOF'
	import struct, sys, zlib
	def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
	rows = b''.join(b'\x00' + b'\x00\x66\x4f' * 8 for _ in range(6))
	open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 8, 6, 8, 2, 0, 0, 0))
	                               + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
	EOF
	python3 - "$p/chapters/thema.yaml" <<-'EOF'
	import sys
	path = sys.argv[1]
	s = open(path, encoding="utf-8").read()
	blocks = """  - chart: {type: line, indicator: werk, areas: [GM9999, NL01, WK999903], years: 2020-2023}
	  - chart: {type: line, indicator: werk, areas: [GM9999, NL01, WK999901, WK999902, WK999903, WK999904], years: 2020-2023}
	  - chart: {type: bar, indicator: werk, areas: wijken, year: 2023, reference: GM9999}
	  - chart: {type: column, indicator: werk, areas: [WK999904, WK999905], years: 2020-2023}
	  - image: {file: images/a.png, alt: "Een groen vlak", caption: Beeld A}
	  - image: {file: images/a.png, caption: Beeld B}
	  - image: {file: images/a.png, decorative: true, caption: Beeld C}
	  - image: {file: images/a.png, alt: ""}
	  - image: {file: images/a.png, credit: Iemand}
	"""
	s = s.replace("interventions:", blocks.replace("\t", "") + "interventions:")
	open(path, "w", encoding="utf-8").write(s)
	EOF
}

# The texts, worked out from the rows above: Nederland is 65,0 at both
# ends ("bleef gelijk op"); Zuid starts in 2021 (named); with six lines
# only the gemeente and Nederland are named, the count said, and the
# highest and lowest of all; West's hidden 99,9 is in none of them; Haven
# is provisional (60,0*).
fixture_alts() {
	local s
	s=$(scratch)
	alt_project "$s/p" || return 1
	"$BIN" build "$s/p" --dump=layout > "$s/l" 2> "$s/err" || { cat "$s/err"; return 1; }
	has_alt "$s/l" "Lijndiagram: Werkzame inwoners (%), 2020–2023. Teststad steeg van 60,0 naar 63,0; Nederland bleef gelijk op 65,0; Zuid daalde van 58,0 (2021) naar 57,0. Hoogste waarde: Nederland 65,0 in 2020; laagste: Zuid 57,0 in 2023. Streefwaarde 2026: 70,0%." || return 1
	has_alt "$s/l" "Lijndiagram: Werkzame inwoners (%), 2020–2023, 6 gebieden. Teststad steeg van 60,0 naar 63,0; Nederland bleef gelijk op 65,0. Hoogste waarde: Oost 72,5 in 2023; laagste: Noord 50,0 in 2020. Streefwaarde 2026: 70,0%." || return 1
	has_alt "$s/l" "Staafdiagram: Werkzame inwoners (%), 2023, 6 wijken, van hoog naar laag. Oost 72,5; Dorp 61,5; Haven 60,0 (voorlopig cijfer); Zuid 57,0; Noord 55,0. Voor 1 wijk is geen cijfer getoond. Referentielijn: Teststad 63,0." || return 1
	has_alt "$s/l" "Kolomdiagram: Werkzame inwoners (%), 2020–2023. West: 52,0 in 2020; Haven: 60,0 (voorlopig cijfer) in 2023. Hoogste waarde: Haven 60,0 (voorlopig cijfer) in 2023; laagste: West 52,0 in 2020." || return 1
	if alts "$s/l" | grep -q "99,9"; then echo "the hidden 99,9 is in an alternative text"; return 1; fi
}
check "chart alt: flat, late and many lines, bars with a hidden value, columns (worked out by hand)" fixture_alts

# Images: alt is the Figure's text, the caption its fallback and the
# Figure's Caption; decorative: true and alt: "" make artifacts (the
# caption then a P); neither is a warning at the block, and an artifact.
image_alts() {
	local s out
	s=$(scratch)
	alt_project "$s/p" || return 1
	"$BIN" build "$s/p" --dump=layout > "$s/l" 2> "$s/err" || { cat "$s/err"; return 1; }
	grep -q "thema.yaml:[0-9]*:5: warning: image 'images/a.png' has no description" "$s/err" ||
		{ echo "no warning for the image without a description: $(cat "$s/err")"; return 1; }
	[ "$(grep -c "warning: image" "$s/err")" = 1 ] || { echo "want one image warning: $(cat "$s/err")"; return 1; }
	"$CA_PY" - "$s/l" <<-'EOF'
	import re, sys
	sys.path.insert(0, "tests/tools")
	import check_figures
	items, nodes = check_figures.read(sys.argv[1])
	imgs = [it for it in items if it["kind"] == "image"]
	got = []
	for it in imgs:
	    n = it["node"]
	    if n is None:
	        got.append(("art", None, None))
	        continue
	    kids = [k for k, v in nodes.items() if v["parent"] == n]
	    cap = [t["text"] for t in items if t["node"] in kids and t["text"]]
	    got.append((nodes[n]["type"], nodes[n]["alt"], " ".join(cap)))
	want = [("Figure", "Een groen vlak", "Beeld A"), ("Figure", "Beeld B", "Beeld B"),
	        ("art", None, None), ("art", None, None), ("art", None, None)]
	if got != want:
	    print("images: got %s" % got)
	    sys.exit(1)
	# The caption of a decorative image is still read: a P.
	c = [t for t in items if t["text"] == "Beeld C"]
	if not c or c[0]["node"] is None or nodes[c[0]["node"]]["type"] != "P":
	    print("the caption of the decorative image is not a P: %s" % c)
	    sys.exit(1)
	EOF
	out=$("$CA_PY" tests/tools/check_figures.py "$s/l" --charts 4 --images 2) || { echo "$out"; return 1; }
}
check "image alt: alt, caption as fallback, decorative and alt: \"\" as artifacts, a warning for neither" image_alts

# A goal card's and an intervention's status is a word of its own (a P),
# the pill and the shape around it decoration.
badge_words() {
	local s
	s=$(scratch)
	"$BIN" build tests/fixtures/mini --dump=layout > "$s/l" || return 1
	"$CA_PY" - "$s/l" <<-'EOF'
	import sys
	sys.path.insert(0, "tests/tools")
	import check_figures
	items, nodes = check_figures.read(sys.argv[1])
	for word in ("Aandacht nodig", "Op koers"):
	    hits = [i for i, t in enumerate(items) if t["text"] == word and t["kind"] == "text"
	            and t["node"] is not None and nodes[t["node"]]["type"] == "P"]
	    if not hits:
	        print("the badge word %r is not a P of its own" % word)
	        sys.exit(1)
	    i = hits[0]
	    # The pill and the shape drawn just before the word are artifacts.
	    if items[i - 1]["role"] != "art" or items[i - 2]["role"] != "art":
	        print("the badge of %r is not decoration: %s %s" % (word, items[i - 2]["role"], items[i - 1]["role"]))
	        sys.exit(1)
	    # ... and its P holds nothing else (it is not read inside the title).
	    if [t["text"] for t in items if t["node"] == items[i]["node"]] != [word]:
	        print("the P of %r holds more" % word)
	        sys.exit(1)
	EOF
}
check "status badge: the word is text of its own, the pill and shape decoration" badge_words

# Privacy: no alternative text, in the dump or (once the PDF is tagged) in
# the PDF's /Alt, shows a hidden figure: the audit looks for the value of
# every hidden cell of tests/fixtures/privacy, and for the hidden values
# and changes the privacy test names. The PDF's texts are the dump's.
alt_privacy() {
	local s out secret
	s=$(scratch)
	"$BIN" build tests/fixtures/privacy --dump=cells > "$s/cells" || return 1
	"$BIN" build tests/fixtures/privacy --dump=layout > "$s/l" || return 1
	"$BIN" build tests/fixtures/privacy -o "$s/a.pdf" > /dev/null || return 1
	[ "$(alts "$s/l" | wc -l)" = 5 ] || { echo "want 5 chart texts: $(alts "$s/l")"; return 1; }
	local files="$s/l"
	if "$CA_PY" tests/tools/alt_texts.py --tagged "$s/a.pdf"; then
		files="$files $s/a.pdf"
		"$CA_PY" tests/tools/alt_texts.py "$s/a.pdf" | sort > "$s/pdf.alt"
		alts "$s/l" | sort > "$s/dump.alt"
		cmp -s "$s/pdf.alt" "$s/dump.alt" || { echo "the PDF's /Alt differ from the dump's: $(diff "$s/dump.alt" "$s/pdf.alt" | head -5)"; return 1; }
	fi
	# shellcheck disable=SC2086
	out=$("$CA_PY" tests/tools/privacy_audit.py "$s/cells" --check-alt $files) || { echo "$out"; return 1; }
	for secret in "3,70" "6,15" "0,70" "1,65"; do
		if alts "$s/l" | grep -q -- "$secret"; then echo "a suppressed figure is in an alternative text: $secret"; return 1; fi
	done
	# The audit does look: a text with a hidden value fails it.
	sed 's/\(alt "Staafdiagram[^"]*\)"$/\1 Noord-A 3,70."/' "$s/l" > "$s/leak"
	if "$CA_PY" tests/tools/privacy_audit.py "$s/cells" --check-alt "$s/leak" > /dev/null; then
		echo "the audit passes a text that shows Noord-A's hidden 3,70"
		return 1
	fi
	# ... and in the PDF's other strings: a link's /Contents, the
	# document information, the XMP metadata.
	if "$CA_PY" -c 'import pikepdf' 2>/dev/null && "$CA_PY" tests/tools/alt_texts.py --tagged "$s/a.pdf"; then
		local where
		for where in contents info xmp; do
			"$CA_PY" - "$s/a.pdf" "$s/leak-$where.pdf" "$where" <<-'PY' || return 1
			import sys, pikepdf
			src, dst, where = sys.argv[1:]
			pdf = pikepdf.open(src)
			if where == "contents":
			    n = 0
			    for page in pdf.pages:
			        for a in page.obj.get("/Annots", []):
			            a.Contents = pikepdf.String("Noord-A 3,70")
			            n += 1
			    assert n, "no link annotation to plant a leak in"
			elif where == "info":
			    pdf.docinfo.Keywords = pikepdf.String("Noord-A 3,70")
			else:
			    m = pdf.Root.Metadata
			    m.write(m.read_bytes().replace(b"</x:xmpmeta>", b"<!-- Noord-A 3,70 --></x:xmpmeta>"))
			pdf.save(dst)
			PY
			if "$CA_PY" tests/tools/privacy_audit.py "$s/cells" --check-alt "$s/leak-$where.pdf" > /dev/null; then
				echo "the audit passes a PDF whose $where shows Noord-A's hidden 3,70"
				return 1
			fi
		done
	fi
}
check "privacy: no alternative text (dump and PDF /Alt), link /Contents, document information or XMP shows a hidden figure" alt_privacy

# The same audit over content/ and the samples (hidden GGD figures in
# content/, hidden buurten in the samples).
alt_privacy_projects() {
	local s d out
	s=$(scratch)
	for d in content samples/*; do
		"$BIN" build "$d" --dump=cells > "$s/cells" 2>/dev/null || { echo "$d: no dump"; return 1; }
		"$BIN" build "$d" --dump=layout > "$s/l" 2>/dev/null || { echo "$d: no dump"; return 1; }
		"$BIN" build "$d" -o "$s/a.pdf" >/dev/null 2>&1 || { echo "$d: no PDF"; return 1; }
		out=$("$CA_PY" tests/tools/privacy_audit.py "$s/cells" --check-alt "$s/l" "$s/a.pdf") || { echo "$d: $out"; return 1; }
	done
}
check "privacy: no alternative text of content/ or a sample shows a hidden figure" alt_privacy_projects

# The reader of the PDF's /Alt (for when the PDF is tagged) on a small PDF
# of its own: a UTF-16 hex string and a literal one with escapes.
alt_reader_pdf() {
	local s
	s=$(scratch)
	python3 - "$s/t.pdf" <<-'EOF'
	import sys
	objs = [b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 4 0 R >>",
	        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
	        b"<< /Type /StructTreeRoot /K [5 0 R 6 0 R] >>",
	        b"<< /Type /StructElem /S /Figure /P 4 0 R /Alt <FEFF0063006C006900EB006E00740065006E> >>",
	        b"<< /Type /StructElem /S /Figure /P 4 0 R /Alt (Staaf \\(a\\) 3,5\\\ncaf\\351) >>"]
	out, offs = bytearray(b"%PDF-1.7\n"), []
	for i, o in enumerate(objs, 1):
	    offs.append(len(out))
	    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
	x = len(out)
	out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
	out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
	open(sys.argv[1], "wb").write(out)
	EOF
	"$CA_PY" tests/tools/alt_texts.py --tagged "$s/t.pdf" || { echo "not seen as tagged"; return 1; }
	[ "$("$CA_PY" tests/tools/alt_texts.py "$s/t.pdf")" = "$(printf 'cliënten\nStaaf (a) 3,5café')" ] ||
		{ echo "read: $("$CA_PY" tests/tools/alt_texts.py "$s/t.pdf")"; return 1; }
}
check "the alternative-text reader reads a PDF's /Alt: UTF-16 and literal strings" alt_reader_pdf
