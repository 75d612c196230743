# The samples end to end: each shows what it was made for. (That every
# sample builds without a warning under every layout is in engine.sh.)

# Builds samples/NAME into a scratch folder and prints the path of its text.
sample_text() {
	local s
	s=$(scratch)
	"$BIN" build "samples/$1" -o "$s/a.pdf" >/dev/null || return 1
	pdftotext -layout "$s/a.pdf" "$s/a.txt" || return 1
	echo "$s/a.txt"
}

sample_sociale_kracht() {
	local t
	t=$(sample_text sociale-kracht) || return 1
	# Veld has fewer respondents than min-n in every year: a '.' in each
	# heatmap cell and for its bars, its stapeling not judged.
	grep -Eq '^Veld( +\.){7}$' "$t" || { echo "Veld's heatmap row is not suppressed"; return 1; }
	grep -Eq '^Veld +\.$' "$t" || { echo "Veld's bar is not suppressed"; return 1; }
	grep -Eq '^ *Veld +Buitengebied +0 +0$' "$t" || { echo "Veld is judged in the stapeling"; return 1; }
	# Scores judged against targets and the previous survey (auto status).
	grep -q "8 doelen. Op koers: 3 · Aandacht nodig: 3 · Niet op koers: 2." "$t" || { echo "goal counts"; return 1; }
	grep -Eq 'MR3 Minder inwoners met geldzorgen +Meedoen en rondkomen +Niet op koers' "$t" || { echo "MR3"; return 1; }
	grep -Eq 'Heuvelkamp +6,3 +5,9 +6,1 +6,4 +\+0,3 +6,6 \(2026\) +Aandacht nodig' "$t" || { echo "participatie row"; return 1; }
	# Differences under the catalogue's threshold of 0,3 point are comparable:
	# Lage Kamp-Zuid is the one aandachtsbuurt, unfavourable on all seven.
	grep -Eq 'Lage Kamp-Zuid +Lage Kamp +7 +7 +aandachtsbuurt' "$t" || { echo "Lage Kamp-Zuid"; return 1; }
	[ "$(grep -Ec ' [0-9]+ +[0-9]+ +aandachtsbuurt$' "$t")" = 1 ] || { echo "more than one aandachtsbuurt"; return 1; }
	# A table of scores says nothing about percentage points; the note names
	# the survey each change is measured from.
	grep -q "^Verandering: t.o.v. 2022$" "$t" || { echo "change note"; return 1; }
}
check "sample sociale-kracht: scores 0-10 with n, intervals and suppression of small buurten" sample_sociale_kracht

sample_almere_stijl() {
	local t
	t=$(sample_text almere-stijl) || return 1
	# Changes are measured against the nulmeting (baseline: 2018).
	grep -q "^Verandering: t.o.v. 2018, in procentpunten bij percentages" "$t" || { echo "baseline note"; return 1; }
	grep -q "22 doelen. Op koers: 10 · Aandacht nodig: 6 · Niet op koers: 2 · Gewijzigd: 2 · Geen oordeel: 2." "$t" ||
		{ echo "goal counts"; return 1; }
	for h in "Een sterk en inclusief stadsleven" "Passende ondersteuning vinden en ontvangen" \
		"Zo ‘thuis’ mogelijk wonen en opgroeien" "Effectief ingrijpen waar problemen zich opstapelen" "Randvoorwaarden op orde"; do
		grep -q "$h" "$t" || { echo "hoofdlijn missing: $h"; return 1; }
	done
}
check "sample almere-stijl: hoofdlijnen as themes, changes against the nulmeting" sample_almere_stijl
