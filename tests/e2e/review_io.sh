# Review of the input/output fixes: the PDF is never written over a file
# the build read; names that can only be folders are refused before
# anything is made; long legal names work; messages show invisible and
# bidi characters as escapes.
RIO_MINI=tests/fixtures/mini

rio_output_over_input() {
	local s=$1 target=$2 err rc
	cp -r $RIO_MINI "$s/p"
	cp "$s/p/$target" "$s/before"
	err=$(SM_TEST_MSG_IDS=1 "$BIN" build "$s/p" -o "$s/p/$target" 2>&1 >/dev/null); rc=$?
	[ "$rc" = 2 ] || { echo "exit $rc, want 2: $err"; return 1; }
	[[ $err == *"a file this build reads"*"[output_is_input]"* ]] || { echo "message: $err"; return 1; }
	cmp -s "$s/before" "$s/p/$target" || { echo "$target was changed"; return 1; }
	[ -z "$(ls "$s/p/$(dirname "$target")" | grep '\.......$')" ] || { echo "a temporary file was left"; return 1; }
}
for f in data/obs.csv monitor.yaml text/visie.md; do
	check "-o naming the input $f is refused, exit 2, the file unchanged" rio_output_over_input "$(scratch)" $f
done

rio_output_hard_link() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"
	ln "$s/p/monitor.yaml" "$s/link.pdf"
	local err rc
	err=$("$BIN" build "$s/p" -o "$s/link.pdf" 2>&1 >/dev/null); rc=$?
	[ "$rc" = 2 ] || { echo "exit $rc, want 2: $err"; return 1; }
	[[ $err == *"monitor.yaml"* ]] || { echo "the message does not name monitor.yaml: $err"; return 1; }
	cmp -s $RIO_MINI/monitor.yaml "$s/p/monitor.yaml" || { echo "monitor.yaml was changed"; return 1; }
}
check "-o naming a hard link to monitor.yaml is refused" rio_output_hard_link

rio_folder_name() {
	local s; s=$(scratch)
	local name err rc bin=$BIN
	[[ $bin == /* ]] || bin=$PWD/$bin
	for name in new.pdf/ sub/new.pdf/ new.pdf/. sub/..; do
		err=$(cd "$s" && "$bin" build "$OLDPWD/$RIO_MINI" -o $name 2>&1 >/dev/null); rc=$?
		[ "$rc" = 2 ] || { echo "-o $name: exit $rc, want 2: $err"; return 1; }
		[[ $err == *"names a folder"* ]] || { echo "-o $name: $err"; return 1; }
		[ -z "$(ls -A "$s")" ] || { echo "-o $name created: $(ls -A "$s")"; return 1; }
	done
}
check "-o with a name that can only be a folder: exit 2, nothing created" rio_folder_name

rio_long_name() {
	local s; s=$(scratch)
	local name out rc
	name=$(printf 'x%.0s' $(seq 250)).pdf
	out=$("$BIN" build $RIO_MINI -o "$s/$name" 2>&1); rc=$?
	[ "$rc" = 0 ] || { echo "exit $rc: $out"; return 1; }
	pdf_ok "$s/$name" || return 1
	[ "$(ls -A "$s")" = "$name" ] || { echo "left: $(ls -A "$s")"; return 1; }
}
check "-o with a 254-byte file name writes the PDF, no temporary file left" rio_long_name

rio_escaped() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"
	printf 'indicator;gebied;jaar;waarde\nbijstand;GM9999;2023;3,5\nbij\342\200\213stand;GM9999;2023;3,5\nbijstand;GM9999\357\273\277;2023;3,5\n' > "$s/p/data/obs.csv"
	local err
	err=$("$BIN" check "$s/p" 2>&1)
	[[ $err == *"'bij\\u200bstand'"* ]] || { echo "U+200B not escaped: $err"; return 1; }
	[[ $err == *"GM9999\\ufeff"* ]] || { echo "U+FEFF not escaped: $err"; return 1; }
	! printf '%s' "$err" | grep -q $'\342\200\213\|\357\273\277' || { echo "raw format characters in: $err"; return 1; }
}
check "messages show zero-width and BOM characters from a project as escapes" rio_escaped

rio_bidi_refused() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"
	sed -i 's/^\(BU[0-9]*;\)\([A-Za-z]\)/\1\2\xe2\x81\xa6/' "$s/p/data/areas.csv"
	local err rc
	err=$("$BIN" check "$s/p" 2>&1); rc=$?
	[ "$rc" = 1 ] || { echo "exit $rc, want 1: $err"; return 1; }
	[[ $err == *"areas.csv:"*":"*": error: direction control character U+2066"* ]] || { echo "message: $err"; return 1; }
	! printf '%s' "$err" | grep -q $'\342\201\246' || { echo "raw U+2066 in: $err"; return 1; }
}
check "a bidi isolate in an area name is refused at its line and column, shown escaped" rio_bidi_refused

# Too few file descriptors: a folder or layout the system could not open
# is a system error (exit 3, naming the cause), never "font file not
# found" or the "built-in layout"; a build that succeeds gives the same
# bytes as without the limit.
rio_few_files() {
	local s; s=$(scratch)
	local n err rc seen3=""
	"$BIN" build content -o "$s/ref.pdf" >/dev/null 2>&1 || { echo "no reference PDF"; return 1; }
	for n in 4 5 6 7 8 9 10 11 12 14 16; do
		rm -f "$s/n.pdf"
		err=$(ulimit -n $n; "$BIN" build content -o "$s/n.pdf" 2>&1 >/dev/null); rc=$?
		case $rc in
		0) cmp -s "$s/ref.pdf" "$s/n.pdf" || { echo "ulimit -n $n: another PDF than without the limit"; return 1; } ;;
		3) seen3=1
		   [[ $err == *"Too many open files"* ]] || { echo "ulimit -n $n: exit 3 without the cause: $err"; return 1; } ;;
		*) echo "ulimit -n $n: exit $rc: $(printf '%s' "$err" | head -c 300)"; return 1 ;;
		esac
		[[ $err != *"not found"* && $err != *"built-in layout"* ]] || { echo "ulimit -n $n: $err"; return 1; }
	done
	[ -n "$seen3" ] || echo "(no limit tried was low enough to fail)"
}
rio_few_files_layouts() {
	local n out ref rc
	ref=$("$BIN" layouts content) || { echo "layouts fails"; return 1; }
	for n in 4 5 6 7 8; do
		out=$(ulimit -n $n; "$BIN" layouts content 2>&1); rc=$?
		case $rc in
		0) [ "$out" = "$ref" ] || { echo "ulimit -n $n: another list: $out"; return 1; } ;;
		3) [[ $out == *"Too many open files"* ]] || { echo "ulimit -n $n: $out"; return 1; } ;;
		*) echo "ulimit -n $n: exit $rc: $out"; return 1 ;;
		esac
	done
}
if [[ $BIN == *asan* || $BIN == *valgrind* ]]; then
	pass "too few file descriptors is a system error (skipped: the sanitizer needs descriptors of its own)"
	pass "layouts with too few file descriptors (skipped: the sanitizer needs descriptors of its own)"
else
	check "too few file descriptors is a system error naming the cause, not a missing font" rio_few_files
	check "layouts with too few file descriptors: the full list or exit 3 with the cause" rio_few_files_layouts
fi

rio_font_once() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"; mkdir "$s/p/layouts"
	printf 'fonts: {regular: Nope.ttf}\n' > "$s/p/layouts/huis.yaml"; echo 'layout: huis' >> "$s/p/monitor.yaml"
	local err rc
	err=$("$BIN" build "$s/p" -o "$s/x.pdf" 2>&1 >/dev/null); rc=$?
	[ "$rc" = 1 ] || { echo "exit $rc, want 1"; return 1; }
	[ "$(printf '%s\n' "$err" | grep -c "Nope.ttf")" = 1 ] || { echo "not once: $err"; return 1; }
	[[ $err == "$s/p/layouts/huis.yaml:1:18: error: font file 'Nope.ttf' not found"* ]] || { echo "not positioned: $err"; return 1; }
}
check "a font the layout names that is not found is reported once, at its place" rio_font_once

# A name in the project that is there but is not a file (a named pipe, a
# folder) is "not a regular file" at the place that names it, not "does
# not exist"; a CBS file for `areas` that is not a file is a usage error.
rio_not_regular() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"
	rm "$s/p/data/obs.csv"; mkfifo "$s/p/data/obs.csv"
	rm "$s/p/text/visie.md"; mkdir "$s/p/text/visie.md"
	local err rc
	err=$(timeout 20 "$BIN" check "$s/p" 2>&1); rc=$?
	[ "$rc" = 1 ] || { echo "exit $rc, want 1: $err"; return 1; }
	[[ $err == *"monitor.yaml:"*":"*": error: cannot read '$s/p/data/obs.csv': not a regular file"* ]] || { echo "pipe: $err"; return 1; }
	[[ $err == *"thema.yaml:"*":"*": error: cannot read '$s/p/text/visie.md': not a regular file"* ]] || { echo "folder: $err"; return 1; }
	[[ $err != *"does not exist"* ]] || { echo "says does not exist: $err"; return 1; }
}
check "a pipe or folder named in the project is not a regular file, at its place" rio_not_regular

rio_areas_not_file() {
	local f err rc
	for f in /dev/null "$(scratch)" "$TMP_ROOT/no-such.csv"; do
		err=$("$BIN" areas "$f" 2>&1 >/dev/null); rc=$?
		[ "$rc" = 2 ] || { echo "areas $f: exit $rc, want 2: $err"; return 1; }
	done
	err=$("$BIN" areas tests/fixtures/mini/data/obs.csv /dev/null 2>&1 >/dev/null); rc=$?
	[ "$rc" = 2 ] || { echo "areas FILE /dev/null: exit $rc, want 2: $err"; return 1; }
}
check "areas with a file that is missing or not a regular file is a usage error (exit 2)" rio_areas_not_file

# `new` on a full disk takes back what it made, so that it can run again.
rio_new_full_disk() {
	local s; s=$(scratch)
	mkdir "$s/mnt"
	mount -t tmpfs -o size=12k tmpfs "$s/mnt" 2>/dev/null || { echo "SKIP"; return 0; }
	local err rc
	err=$("$BIN" new "$s/mnt/p" 2>&1 >/dev/null); rc=$?
	local left; left=$(ls -A "$s/mnt")
	mkdir "$s/mnt/q"
	local err2 rc2
	err2=$("$BIN" new "$s/mnt/q" 2>&1 >/dev/null); rc2=$?
	local left2; left2=$(ls -A "$s/mnt/q")
	umount "$s/mnt"
	[ "$rc" = 3 ] || { echo "exit $rc, want 3: $err"; return 1; }
	[[ $err == *"No space left on device"* ]] || { echo "no cause: $err"; return 1; }
	[ -z "$left" ] || { echo "left behind: $left"; return 1; }
	# A folder that was there (empty) stays, emptied of what new put in it.
	[ "$rc2" = 3 ] && [ -z "$left2" ] || { echo "into an empty folder: exit $rc2, left: $left2"; return 1; }
}
if [ "$(id -u)" != 0 ]; then
	pass "new on a full disk leaves nothing behind (skipped: mounting a small tmpfs needs root)"
else
	check "new on a full disk leaves nothing behind, exit 3 with the cause" rio_new_full_disk
fi

rio_chapter_alias() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"
	ln -s thema.yaml "$s/p/chapters/alias.yaml"
	sed -i 's|  - chapters/colofon.yaml|  - chapters/alias.yaml\n  - chapters/colofon.yaml|' "$s/p/monitor.yaml"
	local err rc
	err=$(SM_TEST_MSG_IDS=1 "$BIN" check "$s/p" 2>&1); rc=$?
	[ "$rc" = 1 ] || { echo "exit $rc, want 1"; return 1; }
	[[ $err == "$s/p/monitor.yaml:19:5: error: chapter file 'chapters/alias.yaml' is listed twice"*"[chapter_twice]"* ]] || { echo "$err"; return 1; }
}
check "a chapter listed twice through a symbolic link is found at the second name" rio_chapter_alias

rio_layout_photo_outside() {
	local s; s=$(scratch)
	cp -r $RIO_MINI "$s/p"; mkdir -p "$s/p/lay/sub"
	printf 'cover: {photo: ../p.png}\n' > "$s/p/lay/sub/l.yaml"
	: > "$s/p/lay/p.png"
	local err rc bin=$BIN
	[[ $bin == /* ]] || bin=$PWD/$bin
	err=$(cd "$s" && "$bin" build p --layout p/lay/sub/l.yaml -o x.pdf 2>&1 >/dev/null); rc=$?
	[ "$rc" = 1 ] || { echo "exit $rc, want 1: $err"; return 1; }
	[[ $err == "p/lay/sub/l.yaml:1:16: error: '../p.png' leaves the folder of the layout (p/lay/sub)"* ]] || { echo "$err"; return 1; }
}
check "a layout file's photo outside its folder names the layout's folder, not the project" rio_layout_photo_outside
