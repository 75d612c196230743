# Structure: the layout files call only files below them, in the order
# docs/DESIGN.md gives ("Layout in one direction"), read from the undefined
# symbols of each object file (nm -u) against the symbols the others define.
# A call upward or sideways fails here.

# layer_check DESIGN OBJDIR: prints each call that breaks the order.
layer_check() {
	local design=$1 obj=$2 bad=0 f g sym lv files o mine theirs
	command -v nm >/dev/null || { echo "nm is missing (binutils)"; return 1; }
	# The table between the markers: "LAYER  file.c file.c ...  what they do",
	# top first; the words that end in .c are the files.
	local table
	table=$(sed -n '/^<!-- layers: begin/,/^<!-- layers: end/p' "$design" | grep -E '^[0-9]+ ')
	[ -n "$table" ] || { echo "no layer table in $design"; return 1; }
	declare -A layer owner
	while read -r lv files; do
		for f in $files; do [[ $f == *.c ]] && layer[${f%.c}]=$lv; done
	done <<<"$table"
	# Which file of the table defines each global symbol.
	for f in "${!layer[@]}"; do
		[ -f "$obj/$f.o" ] || { echo "$f.c is in the layer table but has no object $obj/$f.o"; bad=1; continue; }
		while read -r sym; do owner[$sym]=$f; done < <(nm --defined-only -g "$obj/$f.o" | awk '{print $3}')
	done
	for o in "$obj"/*.o; do
		f=$(basename "$o" .o)
		mine=${layer[$f]:-}
		while read -r sym; do
			g=${owner[$sym]:-}
			[ -n "$g" ] && [ "$g" != "$f" ] || continue
			theirs=${layer[$g]}
			if [ -z "$mine" ]; then
				# The stages below layout call none of it, but for
				# figure.c's parser and resolver (loading, validating).
				[ "$g" = figure ] && continue
				echo "$f.c (below layout) calls $sym of $g.c"; bad=1
			elif [[ $f == dev_* ]]; then
				echo "the device $f.c calls $sym of $g.c: devices draw pages and call no layout"; bad=1
			elif [ "$theirs" -ge "$mine" ]; then
				echo "$f.c (layer $mine) calls $sym of $g.c (layer $theirs): upward or sideways"; bad=1
			fi
		done < <(nm -u "$o" | awk '{print $2}')
	done
	return $bad
}
check "layout files call only files below them (docs/DESIGN.md layers, nm -u)" layer_check docs/DESIGN.md build/obj

# The devices draw what layout hands them: no model, no theme.
devices_read_pages_only() {
	local hits
	hits=$(grep -nE 'struct sm_(doc|theme|chapter|indicator|data)\b|"(sm|model|theme|layout|calc)\.h"' generator/dev_*.c generator/dev.h)
	[ -z "$hits" ] || { echo "a device reads the model or the theme: $hits"; return 1; }
}
check "the output devices read only the pages layout made (no sm_doc, no theme)" devices_read_pages_only

# libharu's internals are reached in one file, pdf_internals.c: no other
# file includes its private headers or touches its object functions and
# struct fields.
libharu_internals_in_one_file() {
	local others users hits
	others=$(ls generator/*.c generator/*.h | grep -v '/pdf_internals\.[ch]$')
	# The files that use libharu at all: no private header, no struct field,
	# no object function.
	users=$(grep -l -e '<hpdf.h>' -e '"pdf_internals.h"' $others)
	hits=$(grep -n '#include <hpdf_' $others;
	       [ -z "$users" ] || grep -nE -e '->(mmgr|catalog|xref|filter|write_fn|attr|header|trailer|pdf_version)\b' \
		-e '\bHPDF_(Dict_|Array_|Xref_|DictStream_|String_New|Null_New|Binary_New|Stream_|MemStream_|MD5|PageAttr)' $users)
	[ -z "$hits" ] || { echo "libharu internals outside pdf_internals.c: $(printf '%s' "$hits" | head -5)"; return 1; }
}
check "libharu's internals are reached only in pdf_internals.c" libharu_internals_in_one_file
