# Structure roles of text (docs/DESIGN.md, "Structure"), read from
# --dump=layout: every piece of text is content of a paragraph, heading,
# list label, link or note, never bare content of a section or an
# artifact; headings never skip a level; lists, links, notes and the
# contents are well formed. And the soft hyphen: a hyphen the line
# breaker adds is U+00AD drawn with the hyphen's glyph, a written one
# stays U+002D, and a line broken between words keeps its space.
MINI=${MINI:-tests/fixtures/mini}

# roles_project DIR: the mini monitor with chapters of text only (no
# tables or charts, which tests/e2e of their own cover): a foreword, key
# messages, Markdown with every construct, a theme without figures, and
# the colophon.
roles_project() {
	local p=$1
	cp -r "$MINI" "$p"
	cat > "$p/monitor.yaml" <<-'EOF'
	title: Sociale Monitor
	subtitle: Rollen in de tekst
	municipality: {name: Teststad, code: GM9999}
	edition: 2024
	cycle: {document: begroting, year: 2025}
	published: 2024-10-01
	references: [NL01]
	colophon:
	  publisher: Gemeente Teststad
	  editors: [Team Onderzoek, Team Communicatie]
	  contact: onderzoek@teststad.example
	data:
	  areas: data/areas.csv
	  indicators: data/indicators.yaml
	  observations: [data/obs.csv]
	chapters:
	  - chapters/voorwoord.yaml
	  - chapters/kern.yaml
	  - chapters/tekst.yaml
	  - chapters/thema.yaml
	  - chapters/colofon.yaml
	EOF
	cat > "$p/chapters/kern.yaml" <<-'EOF'
	kind: text
	title: Kernboodschappen
	text: Drie boodschappen.
	EOF
	cat > "$p/chapters/tekst.yaml" <<-'EOF'
	kind: text
	title: Leeswijzer
	text: {file: text/tekst.md}
	blocks:
	  - quote: {text: "Pas toen ik hulp vroeg, ging het beter.", source: "Inwoner, 43 jaar"}
	EOF
	cat > "$p/text/tekst.md" <<-'EOF'
	## Een kopje zonder sectie ervoor

	De arbeidsongeschiktheidsverzekeringsmaatschappij en de
	jeugdbeschermingsmaatregelen van Midden-Veld worden besproken in een
	alinea die over meer regels loopt, met een [link naar het
	CBS](https://www.cbs.nl) en een voetnoot.[^1] Ook de
	ondersteuningsmogelijkheden en de arbeidsongeschiktheidsverzekeringsmaatschappij
	komen terug, want jeugdbeschermingsmaatregelen vragen om
	ondersteuningsmogelijkheden in Midden-Veld.

	Schuldhulpverleningstrajecten, arbeidsongeschiktheidsverzekeringen,
	jeugdbeschermingsmaatregelen, ondersteuningsmogelijkheden,
	mantelzorgondersteuning, schuldhulpverleningstrajecten,
	arbeidsongeschiktheidsverzekeringen, jeugdbeschermingsmaatregelen,
	ondersteuningsmogelijkheden en mantelzorgondersteuning.

	# Een sectie

	- Eerste punt
	- Tweede punt, met daaronder
	  - een genest punt
	  - nog een genest punt

	  en een tweede alinea in het tweede punt
	- Derde punt

	1. Genummerd punt
	2. Nog een genummerd punt

	> Een citaat in de tekst, met een bron.

	## Een subsectie

	Tekst onder de subsectie.

	[^1]: De voetnoot, met een [link](https://www.example.org).
	EOF
	cat > "$p/chapters/thema.yaml" <<-'EOF'
	kind: theme
	title: Bestaanszekerheid
	programme: 3 Sociaal domein
	vision: {file: text/visie.md}
	status:
	  - text: Steeds meer inwoners hebben moeite om rond te komen.
	  - quote: {text: "Het gaat beter met ons.", source: "Inwoner, 51 jaar"}
	interventions:
	  - title: Vroegsignalering
	    description: Partners melden betalingsachterstanden.
	    partners: [Schuldhulp Teststad, Woonstede]
	    status: on-track
	stories:
	  - {title: "Sandra (38)", text: "Ik durfde eerst niet te bellen."}
	EOF
}

roles_dump() {
	local s=$1
	roles_project "$s/p"
	"$BIN" build "$s/p" --dump=layout > "$s/d.layout" 2> "$s/err" || { echo "build failed: $(cat "$s/err")"; return 1; }
}

roles_text_well_formed() {
	local s out
	s=$(scratch)
	roles_dump "$s" || return 1
	python3 tests/tools/check_roles.py roles "$s/d.layout" || return 1
	# Every kind the project has is there.
	local t
	for t in "Document" "Sect" "H1" "H2" "H3" "P" "L" "LI" "Lbl" "LBody" "BlockQuote" "Note" "Link" "TOC" "TOCI" "Div"; do
		grep -q "^node [0-9]* $t parent" "$s/d.layout" || { echo "no $t element"; return 1; }
	done
	# A subsection before any section is an H2, not an H3.
	out=$(python3 tests/tools/check_roles.py text "$s/d.layout" H2)
	grep -qx "Een kopje zonder sectie ervoor" <<< "$out" || { echo "the first heading is not an H2: $out"; return 1; }
	# The cover's title is its H1, the contents' title one too.
	out=$(python3 tests/tools/check_roles.py text "$s/d.layout" H1)
	grep -qx "Sociale Monitor 2024" <<< "$out" || { echo "cover title is no H1: $out"; return 1; }
	grep -qx "Inhoud" <<< "$out" || { echo "contents title is no H1: $out"; return 1; }
}
check "roles: text is in P, H1-H3, Lbl, Link or Note; headings skip no level; lists, links, notes, contents well formed" \
	roles_text_well_formed

roles_text_content() {
	local s out
	s=$(scratch)
	roles_dump "$s" || return 1
	# The contents: each entry a Link saying where it leads.
	grep -q '^node [0-9]* Link parent [0-9]* alt "Hoofdstuk 2 Leeswijzer, pagina [0-9]*"$' "$s/d.layout" ||
		{ echo "contents link: $(grep 'Link.*pagina' "$s/d.layout" | head -3)"; return 1; }
	grep -q '^node [0-9]* Link parent [0-9]* alt "Voorwoord, pagina [0-9]*"$' "$s/d.layout" ||
		{ echo "unnumbered chapter's link: $(grep 'Link.*pagina' "$s/d.layout" | head -3)"; return 1; }
	grep -q '^node [0-9]* Link parent [0-9]* alt "https://www.cbs.nl"$' "$s/d.layout" || { echo "no link to the CBS"; return 1; }
	# A paragraph's text reads whole: words across lines apart, hyphenated
	# words joined, written hyphens kept.
	out=$(python3 tests/tools/check_roles.py text "$s/d.layout" P)
	local want="De arbeidsongeschiktheidsverzekeringsmaatschappij en de jeugdbeschermingsmaatregelen van Midden-Veld worden besproken in een alinea die over meer regels loopt, met een link naar het CBS en een voetnoot.1 Ook de ondersteuningsmogelijkheden en de arbeidsongeschiktheidsverzekeringsmaatschappij komen terug, want jeugdbeschermingsmaatregelen vragen om ondersteuningsmogelijkheden in Midden-Veld."
	grep -qxF "$want" <<< "$out" || { echo "paragraph text: $(grep arbeids <<< "$out")"; return 1; }
	# The footnote: a Note of that paragraph, its number and text.
	out=$(python3 tests/tools/check_roles.py text "$s/d.layout" Note)
	grep -qxF "1 De voetnoot, met een link." <<< "$out" || { echo "note: $out"; return 1; }
	# List labels and bodies.
	out=$(python3 tests/tools/check_roles.py text "$s/d.layout" Lbl)
	[ "$(grep -c '^•$' <<< "$out")" -eq 3 ] && grep -qx "2." <<< "$out" && [ "$(grep -c '^–$' <<< "$out")" -eq 2 ] ||
		{ echo "labels: $out"; return 1; }
	out=$(python3 tests/tools/check_roles.py text "$s/d.layout" P)
	grep -qxF "en een tweede alinea in het tweede punt" <<< "$out" || { echo "an item's second paragraph: $out"; return 1; }
	# The nested list is in the body of the second item, with its second paragraph.
	awk '$1 == "node" { type[$2] = $3; parent[$2] = $5 }
	     END { for (n in type) if (type[n] == "L" && type[parent[n]] == "LBody") {
			for (m in type) if (type[m] == "P" && parent[m] == parent[n]) ok = 1 }
		   exit !ok }' "$s/d.layout" || { echo "no list inside an item's body beside a paragraph"; return 1; }
	# A hyphen added at a line end is U+00AD (the paragraph of long words
	# has some), and the paragraph reads whole without them.
	grep -q $'\xc2\xad"$' "$s/d.layout" || { echo "no soft hyphen at a line end"; return 1; }
	want="Schuldhulpverleningstrajecten, arbeidsongeschiktheidsverzekeringen, jeugdbeschermingsmaatregelen, ondersteuningsmogelijkheden, mantelzorgondersteuning, schuldhulpverleningstrajecten, arbeidsongeschiktheidsverzekeringen, jeugdbeschermingsmaatregelen, ondersteuningsmogelijkheden en mantelzorgondersteuning."
	grep -qxF "$want" <<< "$out" || { echo "hyphenated paragraph: $(grep Schuld <<< "$out")"; return 1; }
}
check "roles: contents and text links say where they lead; a paragraph, a note and list items read whole" roles_text_content

# The PDF: U+00AD is drawn with the hyphen's glyph and width in every
# font that draws it; pdftotext gives the words whole once the soft
# hyphens at line ends are joined; what is drawn is what a hyphen drew.
roles_soft_hyphen_pdf() {
	local s
	s=$(scratch)
	roles_project "$s/p"
	"$BIN" build "$s/p" -o "$s/a.pdf" > /dev/null 2>&1 || { echo "build failed"; return 1; }
	python3 tests/tools/check_roles.py hyphen "$s/a.pdf" > /dev/null || return 1
	pdftotext "$s/a.pdf" - | sed -z 's/\xC2\xAD\n//g' | tr '\n' ' ' > "$s/a.txt"
	grep -qF "arbeidsongeschiktheidsverzekeringsmaatschappij en de" "$s/a.txt" || { echo "a hyphenated word is not whole"; return 1; }
	grep -qF "Midden-Veld" "$s/a.txt" || { echo "a written hyphen is lost"; return 1; }
	grep -qF "Schuldhulpverleningstrajecten, arbeidsongeschiktheidsverzekeringen, jeugdbeschermingsmaatregelen, ondersteuningsmogelijkheden, mantelzorgondersteuning, schuldhulpverleningstrajecten, arbeidsongeschiktheidsverzekeringen, jeugdbeschermingsmaatregelen, ondersteuningsmogelijkheden en mantelzorgondersteuning." "$s/a.txt" ||
		{ echo "hyphenated words are not whole: $(grep -o 'Schuldhulp.\{0,300\}' "$s/a.txt")"; return 1; }
}
check "soft hyphen: U+00AD draws the hyphen's glyph at its width; extracted words are whole" roles_soft_hyphen_pdf
