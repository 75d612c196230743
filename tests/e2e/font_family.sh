# Fonts by family name, through fontconfig (generator/sysfont.c): a layout
# that names `Open Sans` gets the very files the standaard layout names, and
# the user's own fontconfig configuration changes nothing. (A misspelt or
# incomplete family: tests/bad/font-family-*.)

# family_layout DIR: the mini project with layouts/huis.yaml naming the
# standaard fonts by family (or, with "files", by file).
family_layout() {
	cp -r tests/fixtures/mini "$1"
	mkdir -p "$1/layouts"
	printf 'layout: huis\n' >> "$1/monitor.yaml"
	if [ "$2" = files ]; then
		printf 'fonts: {regular: OpenSans-Regular.ttf, bold: OpenSans-Bold.ttf, italic: OpenSans-Italic.ttf, bold-italic: OpenSans-BoldItalic.ttf, heading: OpenSans-Bold.ttf}\n'
	else
		printf 'fonts: {regular: Open Sans, bold: Open Sans, italic: Open Sans, bold-italic: Open Sans, heading: Open Sans}\n'
	fi > "$1/layouts/huis.yaml"
}

family_same_bytes() {
	local s err
	s=$(scratch)
	family_layout "$s/files" files
	family_layout "$s/family" family
	"$BIN" build "$s/files" -o "$s/files.pdf" >/dev/null || return 1
	err=$("$BIN" build "$s/family" -o "$s/family.pdf" 2>&1 >/dev/null) || { echo "by family: $err"; return 1; }
	cmp -s "$s/files.pdf" "$s/family.pdf" || { echo "naming Open Sans by family gives other bytes than by file"; return 1; }
	# The layout was used: its PDF differs from the one of standaard's defaults
	# only if it names other fonts, so check it really names these families.
	grep -q 'regular: Open Sans,' "$s/family/layouts/huis.yaml" && grep -q '^layout: huis' "$s/family/monitor.yaml" || return 1
	sed -i 's/Open Sans/Lato/g' "$s/family/layouts/huis.yaml"
	"$BIN" build "$s/family" -o "$s/lato.pdf" >/dev/null || { echo "Lato by family fails"; return 1; }
	cmp -s "$s/files.pdf" "$s/lato.pdf" && { echo "the layout is not used: Lato gives the same bytes"; return 1; }
	return 0
}
check "a layout naming 'Open Sans' by family builds the same bytes as naming its files" family_same_bytes

# The user's fontconfig (FONTCONFIG_FILE, ~/.config/fontconfig) is not read:
# a configuration that knows no fonts, and one that maps Open Sans to
# another font, leave the PDF as it is.
user_config_ignored() {
	local s err
	s=$(scratch)
	family_layout "$s/p" family
	"$BIN" build "$s/p" -o "$s/ref.pdf" >/dev/null || return 1
	mkdir -p "$s/home/.config/fontconfig" "$s/home/.fonts"
	printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' > "$s/empty.conf"
	cat > "$s/home/.config/fontconfig/fonts.conf" <<'XML'
<?xml version="1.0"?>
<fontconfig>
  <match target="pattern"><test name="family"><string>Open Sans</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Lato</string></edit></match>
  <selectfont><rejectfont><glob>*OpenSans*</glob></rejectfont></selectfont>
</fontconfig>
XML
	err=$(FONTCONFIG_FILE="$s/empty.conf" "$BIN" build "$s/p" -o "$s/empty.pdf" 2>&1 >/dev/null) ||
		{ echo "with an empty FONTCONFIG_FILE: $err"; return 1; }
	cmp -s "$s/ref.pdf" "$s/empty.pdf" || { echo "FONTCONFIG_FILE changed the PDF"; return 1; }
	err=$(HOME="$s/home" XDG_CONFIG_HOME="$s/home/.config" "$BIN" build "$s/p" -o "$s/user.pdf" 2>&1 >/dev/null) ||
		{ echo "with a user fonts.conf: $err"; return 1; }
	cmp -s "$s/ref.pdf" "$s/user.pdf" || { echo "the user's fonts.conf changed the PDF"; return 1; }
	# A font only in the user's ~/.fonts is not a system font.
	cp "$(fc-match -f '%{file}' 'Lato:style=Regular' 2>/dev/null || echo /usr/share/fonts/truetype/lato/Lato-Regular.ttf)" \
		"$s/home/.fonts/Huisletter-Regular.ttf"
	sed -i 's/regular: Open Sans/regular: Huisletter-Regular.ttf/' "$s/p/layouts/huis.yaml"
	err=$(HOME="$s/home" XDG_CONFIG_HOME="$s/home/.config" SM_TEST_MSG_IDS=1 "$BIN" build "$s/p" -o "$s/home.pdf" 2>&1 >/dev/null)
	[[ $err == *"[font_missing]"* ]] || { echo "a font in ~/.fonts was used: $err"; return 1; }
}
check "the user's fontconfig configuration and ~/.fonts are ignored" user_config_ignored

# A font the layout names and that cannot be found is reported once, where
# the layout names it (not again as a built-in default for that role).
font_reported_once() {
	local s err n
	s=$(scratch)
	family_layout "$s/p" family
	printf 'fonts: {regular: Open Sams, bold: Nope.ttf}\n' > "$s/p/layouts/huis.yaml"
	err=$("$BIN" build "$s/p" -o "$s/x.pdf" 2>&1 >/dev/null)
	n=$(grep -c "error: font" <<< "$err")
	[ "$n" = 2 ] || { echo "want 2 font messages, got $n: $err"; return 1; }
	[[ $err == *"huis.yaml:1:18: error: font family 'Open Sams'"* && $err == *"huis.yaml:1:35: error: font file 'Nope.ttf'"* ]] ||
		{ echo "not at the layout's lines: $err"; return 1; }
}
check "a font that cannot be found is reported once, at the layout line naming it" font_reported_once
