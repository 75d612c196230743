# Memory that follows the data, and small numbers that stay hidden: the
# cell store of the computation stage and its secondary suppression.

# A project whose observations span 1900 to the edition year, over many
# indicators and areas. The engine stores only the cells that exist, so
# the span of the years costs nothing (a grid over every year asked for
# half a gigabyte here).
wide_years_memory() {
	local s i w b
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	{
		echo "code;naam;niveau;ouder"
		echo "NL01;Nederland;land;"
		echo "GM9999;Teststad;gemeente;"
		for w in $(seq 10 29); do
			echo "WK9999$w;Wijk $w;wijk;GM9999"
			for b in $(seq 10 29); do echo "BU9999$w$b;Buurt $w-$b;buurt;WK9999$w"; done
		done
	} > "$s/p/data/areas.csv"
	{
		cat tests/fixtures/mini/data/indicators.yaml
		for i in $(seq 1 60); do
			printf -- '- id: ind%d\n  name: Indicator %d\n  unit: percent\n  aggregate: ratio\n' "$i" "$i"
		done
	} > "$s/p/data/indicators.yaml"
	{
		cat tests/fixtures/mini/data/obs.csv
		echo "bijstand;GM9999;1900;4,0"
		for i in $(seq 1 60); do
			echo "ind$i;GM9999;1900;1,0"
			echo "ind$i;GM9999;2024;2,0"
			echo "ind$i;NL01;2024;2,5"
		done
	} > "$s/p/data/obs.csv"
	local rss
	# Bounded, so that an engine that does ask for gigabytes fails here
	# instead of taking the machine down.
	rss=$( (ulimit -v 2000000; /usr/bin/time -f %M "$BIN" build "$s/p" -o "$s/a.pdf" 2>&1 >/dev/null) | tail -n 1)
	[ -s "$s/a.pdf" ] || { echo "no PDF: $rss"; return 1; }
	[[ $rss =~ ^[0-9]+$ ]] || { echo "no peak memory reported: $rss"; return 1; }
	[ "$rss" -lt 60000 ] || { echo "peak memory ${rss} KB for a few hundred rows"; return 1; }
}
case $BIN in
*asan* | *valgrind*)
	pass "observations from 1900 to the edition year: memory for what exists (skipped: ASan and valgrind change peak memory and do not run under ulimit -v)" ;;
*)
	check "observations from 1900 to the edition year take memory for what exists, not for the span" wide_years_memory ;;
esac
