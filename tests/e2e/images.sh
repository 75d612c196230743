# Images: every PNG flavour (palette, grey, alpha, 16-bit, interlaced) and
# JPEG (baseline, grey, progressive) is decoded by our own code and placed;
# broken ones are refused with their position (tests/bad/*image*).

images_project() {
	local s=$1
	cp -r tests/fixtures/mini "$s/p"
	mkdir -p "$s/p/images"
	build/mkimages "$s/p/images" || return 1
	{
		printf 'kind: text\ntitle: Beelden\ntext: Alle soorten afbeeldingen.\nblocks:\n'
		for n in palette.png grey.png grey-alpha.png rgb.png rgba.png rgb16.png rgba16.png interlaced.png \
			photo.jpg grey.jpg progressive.jpg; do
			printf '  - image: {file: images/%s, caption: "Beeld %s", credit: Testbeeld}\n' "$n" "$n"
		done
	} > "$s/p/chapters/beelden.yaml"
	sed -i 's|  - chapters/colofon.yaml|  - chapters/beelden.yaml\n  - chapters/colofon.yaml|' "$s/p/monitor.yaml"
}

images_all_flavours() {
	local s
	s=$(scratch)
	images_project "$s" || return 1
	"$BIN" build "$s/p" -o "$s/out.pdf" >/dev/null || return 1
	pdf_ok "$s/out.pdf" || return 1
	local n
	n=$(pdfimages -list "$s/out.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)
	[ "$n" -eq 11 ] || { echo "want 11 images, got $n"; return 1; }
	# Alpha becomes a soft mask: rgba, grey-alpha, rgba16 and the palette's tRNS.
	n=$(pdfimages -list "$s/out.pdf" | awk 'NR > 2 && $3 == "smask"' | wc -l)
	[ "$n" -eq 4 ] || { echo "want 4 soft masks, got $n"; return 1; }
	pdftotext "$s/out.pdf" - | grep -q "Beeld rgb16.png" || { echo "caption missing"; return 1; }
	# The 16-bit image is drawn in its colours: house green at the left.
	local page
	page=$(pdftotext "$s/out.pdf" - | awk '/\f/{p++} /Beeld rgb16.png/{print p + 1; exit}')
	pdftoppm -r 30 -f "$page" -l "$page" "$s/out.pdf" "$s/pg" || return 1
	python3 - "$s"/pg*.ppm <<'PY' || return 1
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
greens = oranges = 0
for i in range(0, len(px) - 2, 3):
    r, g, b = px[i], px[i + 1], px[i + 2]
    if r < 40 and 80 < g < 120 and 50 < b < 100:
        greens += 1
    if r > 200 and 120 < g < 160 and b < 50:
        oranges += 1
if greens < 20 or oranges < 20:
    print("image colours not found: green %d orange %d" % (greens, oranges))
    sys.exit(1)
PY
}
check "images: every PNG and JPEG flavour is placed" images_all_flavours
