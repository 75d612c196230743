# Files outside a project are never read: not a layout found by name, not
# an image beside a layout, not a file swapped for a link during the build.
# Each test makes its own project (a copy of tests/fixtures/mini) and an
# "outside" folder beside it whose files hold a marker; the marker may
# appear neither in the PDF nor in any message. The symbolic-link tests run
# twice: with openat2, and with the walk the engine falls back on where the
# kernel has none (SM_TEST_NO_OPENAT2).

OUTSIDE_MARK=OUTSIDE-FILE-MARK-41
OUTSIDE_FILE=outside-chapter.yaml

# outside_project: a project in $S/p, files holding the marker in $S/out, an
# earlier PDF in $S/out.pdf. Sets S.
outside_project() {
	S=$(scratch)
	cp -r tests/fixtures/mini "$S/p"
	mkdir "$S/out"
	cp layouts/standaard.yaml "$S/out/huis.yaml"
	printf 'labels:\n  contents: %s\n' "$OUTSIDE_MARK" >> "$S/out/huis.yaml"
	printf '%s: 1\n' "$OUTSIDE_MARK" > "$S/out/kapot.yaml"     # its key would be echoed
	sed "s/^title: .*/title: $OUTSIDE_MARK/" tests/fixtures/mini/chapters/thema.yaml > "$S/out/thema.yaml"
	cp "$S/out/thema.yaml" "$S/out/$OUTSIDE_FILE"
	cp layouts/stad-omslag.png "$S/out/foto.png"
	printf 'an earlier good PDF\n' > "$S/out.pdf"
}

# refused WHERE SAYS [ARGS...]: the build of $S/p exits 1 with a message at
# $S/p/WHERE that says SAYS, leaves the earlier PDF alone, and neither its
# messages nor anything it wrote holds the marker.
refused() {
	local where=$1 says=$2 err rc
	shift 2
	err=$("$BIN" build "$S/p" -o "$S/out.pdf" "$@" 2>&1 >/dev/null); rc=$?
	if [ "$rc" != 1 ]; then
		echo "exit status $rc, want 1: $(printf '%s' "$err" | head -c 300)"
		[ -f "$S/out.pdf" ] && pdftotext "$S/out.pdf" - 2>/dev/null | grep -q "$OUTSIDE_MARK" &&
			echo "the outside file's text is in the PDF"
		return 1
	fi
	[[ $err == *"$S/p/$where"* ]] || { echo "no message at $where: $err"; return 1; }
	[[ $err == *"$says"* ]] || { echo "the message does not say '$says': $err"; return 1; }
	[[ $err != *"$OUTSIDE_MARK"* ]] || { echo "a message shows the outside file: $err"; return 1; }
	[ "$(cat "$S/out.pdf")" = "an earlier good PDF" ] || { echo "the earlier PDF was replaced"; return 1; }
}

layout_name_links_out() {
	outside_project
	mkdir "$S/p/layouts"
	ln -s "$S/out/huis.yaml" "$S/p/layouts/huis.yaml"
	ln -s "$S/out/kapot.yaml" "$S/p/layouts/kapot.yaml"
	refused "layouts/huis.yaml" "'layouts/huis.yaml' leaves the project folder" --layout huis || return 1
	refused "layouts/kapot.yaml" "'layouts/kapot.yaml' leaves the project folder" --layout kapot || return 1
	echo "layout: huis" >> "$S/p/monitor.yaml"
	refused "monitor.yaml:20:" "'layouts/huis.yaml' leaves the project folder" || return 1
	# The layouts folder itself a link to a folder elsewhere.
	rm -r "$S/p/layouts"
	ln -s "$S/out" "$S/p/layouts"
	refused "monitor.yaml:20:" "'layouts/huis.yaml' leaves the project folder"
}

image_beside_layout_links_out() {
	outside_project
	mkdir "$S/p/layouts" "$S/lay"
	echo "layout: huis" >> "$S/p/monitor.yaml"
	printf 'cover: {style: photo, photo: foto.png}\n' > "$S/p/layouts/huis.yaml"
	ln -s "$S/out/foto.png" "$S/p/layouts/foto.png"
	refused "layouts/huis.yaml:1:30" "'foto.png' leaves the folder of the layout" || return 1
	# A layout given as a file: its images stay in that file's folder.
	printf 'cover: {style: photo, photo: foto.png}\n' > "$S/lay/x.yaml"
	ln -s "../out/foto.png" "$S/lay/foto.png"
	local err rc
	err=$("$BIN" build "$S/p" -o "$S/out.pdf" --layout "$S/lay/x.yaml" 2>&1 >/dev/null); rc=$?
	[ "$rc" = 1 ] || { echo "a layout file's image outside its folder: exit $rc, want 1"; return 1; }
	[[ $err == *"$S/lay/x.yaml:1:30: error: 'foto.png' leaves the folder of the layout"* ]] ||
		{ echo "unclear message: $err"; return 1; }
}

# Links that stay inside their folder keep working, and the project folder
# may be a link itself.
links_inside_work() {
	outside_project
	mkdir "$S/p/elders" "$S/p/layouts" "$S/p/layouts/img"
	mv "$S/p/chapters/thema.yaml" "$S/p/elders/thema.yaml"
	ln -s ../elders/thema.yaml "$S/p/chapters/thema.yaml"
	cp "$S/out/foto.png" "$S/p/layouts/img/foto.png"
	ln -s img/foto.png "$S/p/layouts/foto.png"
	printf 'cover: {style: photo, photo: foto.png}\n' > "$S/p/layouts/huis.yaml"
	echo "layout: huis" >> "$S/p/monitor.yaml"
	"$BIN" build "$S/p" -o "$S/out.pdf" >/dev/null || return 1
	pdf_ok "$S/out.pdf" || return 1
	# The project folder itself may be a link.
	ln -s p "$S/link-to-p"
	"$BIN" build "$S/link-to-p" -o "$S/out.pdf" >/dev/null
}

# SM_TEST_PAUSE_BEFORE_OPEN stops the engine just before it opens a file to
# read it; the test swaps the file (or its folder) for a link out of the
# project and lets the build go on. Nothing outside may be read.
swap_while_paused() {
	local what=$1 err rc pid state=""
	outside_project
	SM_TEST_PAUSE_BEFORE_OPEN=chapters/thema.yaml "$BIN" build "$S/p" -o "$S/out.pdf" \
		>/dev/null 2>"$S/err" &
	pid=$!
	for _ in $(seq 200); do
		state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)
		[ "$state" = T ] || [ -z "$state" ] && break
		sleep 0.05
	done
	if [ "$state" != T ]; then
		kill "$pid" 2>/dev/null
		wait "$pid"
		echo "the build did not pause before opening chapters/thema.yaml"
		return 1
	fi
	local says="'chapters/thema.yaml' leaves the project folder"
	case $what in
	folder)
		mv "$S/p/chapters" "$S/p/chapters.orig"
		ln -s "$S/out" "$S/p/chapters" ;;
	file)
		rm "$S/p/chapters/thema.yaml"
		ln -s "$S/out/thema.yaml" "$S/p/chapters/thema.yaml" ;;
	pipe)
		rm "$S/p/chapters/thema.yaml"
		mkfifo "$S/p/chapters/thema.yaml"
		says="cannot read '$S/p/chapters/thema.yaml': not a regular file" ;;
	esac
	kill -CONT "$pid"
	# A build that waits on the pipe is stopped after 20 s.
	for _ in $(seq 400); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill "$pid"
		wait "$pid"
		echo "the build hangs"
		return 1
	fi
	wait "$pid"; rc=$?
	err=$(cat "$S/err")
	[ "$rc" = 1 ] || { echo "exit status $rc, want 1: $err"; return 1; }
	[[ $err == *"$S/p/monitor.yaml:18:"*"$says"* ]] || { echo "unclear message: $err"; return 1; }
	[[ $err != *"$OUTSIDE_MARK"* ]] || { echo "a message shows the outside file: $err"; return 1; }
	[ "$(cat "$S/out.pdf")" = "an earlier good PDF" ] || { echo "the earlier PDF was replaced"; return 1; }
}
swap_file_while_paused() { swap_while_paused file; }
swap_folder_while_paused() { swap_while_paused folder; }
swap_pipe_while_paused() { swap_while_paused pipe; }

for paths_mode in openat2 walk; do
	if [ $paths_mode = walk ]; then export SM_TEST_NO_OPENAT2=1; paths_how=" (without openat2)"; else paths_how=""; fi
	check "a layout found by name is not read from outside the project$paths_how" layout_name_links_out
	check "an image beside a layout may not lead out of the layout's folder$paths_how" image_beside_layout_links_out
	check "symbolic links that stay inside the project still work$paths_how" links_inside_work
	check "a file swapped for a link out during the build is not read$paths_how" swap_file_while_paused
	check "a folder swapped for a link out during the build is not read$paths_how" swap_folder_while_paused
	check "a pipe swapped in for a file during the build does not make it wait$paths_how" swap_pipe_while_paused
	unset SM_TEST_NO_OPENAT2
done

chapter_twice_spelled_differently() {
	local s err rc spelling
	for spelling in "chapters/./thema.yaml" "chapters//thema.yaml" "chapters/../chapters/thema.yaml" "./chapters/thema.yaml"; do
		s=$(scratch)
		cp -r tests/fixtures/mini "$s/p"
		sed -i "s|^  - chapters/colofon.yaml|  - $spelling\n&|" "$s/p/monitor.yaml"
		err=$("$BIN" check "$s/p" 2>&1); rc=$?
		[ "$rc" = 1 ] || { echo "$spelling: exit status $rc, want 1"; return 1; }
		[[ $err == *"$s/p/monitor.yaml:19:5: error: chapter file '$spelling' is listed twice (also as 'chapters/thema.yaml' on line 18); list each chapter once"* ]] ||
			{ echo "$spelling: unclear message: $err"; return 1; }
	done
}
check "a chapter listed twice is found however its path is written" chapter_twice_spelled_differently

# Paths longer than PATH_MAX: a project deep in the file system builds; a
# folder name too long for the system is a system error (3) that says so.
long_paths() {
	local s err rc bin name deep
	s=$(scratch)
	bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
	name=$(printf 'd%.0s' $(seq 200))
	deep=$(printf "/$name%.0s" $(seq 22))       # 22 x 201 bytes: more than PATH_MAX
	# Made one folder at a time (the whole path is too long for one call);
	# the project is built from inside, so its own name is short.
	err=$(python3 - "$s" "$bin" "$PWD/tests/fixtures/mini" 2>&1 <<'PY'
import os, shutil, subprocess, sys
os.chdir(sys.argv[1])
for _ in range(22):
    os.mkdir("d" * 200)
    os.chdir("d" * 200)
shutil.copytree(sys.argv[3], "p")
r = subprocess.run([sys.argv[2], "build", "p", "-o", "p.pdf"], capture_output=True, text=True)
sys.stderr.write(r.stderr)
sys.exit(r.returncode)
PY
	); rc=$?
	[ "$rc" = 0 ] || { echo "a project deeper than PATH_MAX: exit $rc: $err"; return 1; }
	# The folder named on the command line is too long for the system.
	err=$("$BIN" build "$s$deep/p" -o "$s/x.pdf" 2>&1 >/dev/null); rc=$?
	[ "$rc" = 3 ] || { echo "a folder name longer than PATH_MAX: exit $rc, want 3: $(printf '%s' "$err" | tail -c 200)"; return 1; }
	[[ $err == *"File name too long"* ]] || { echo "unclear message: $(printf '%s' "$err" | tail -c 200)"; return 1; }
	# A path in monitor.yaml longer than PATH_MAX.
	cp -r tests/fixtures/mini "$s/q"
	sed -i "s|^  - chapters/colofon.yaml|  - chapters${deep}/x.yaml|" "$s/q/monitor.yaml"
	err=$("$BIN" check "$s/q" 2>&1); rc=$?
	[ "$rc" = 3 ] || { echo "a chapter path longer than PATH_MAX: exit $rc, want 3: $(printf '%s' "$err" | tail -c 200)"; return 1; }
	[[ $err == *"File name too long"* ]] || { echo "unclear message: $(printf '%s' "$err" | tail -c 200)"; return 1; }
}
check "paths longer than PATH_MAX: a deep project builds, a name too long is a system error" long_paths

layouts_of_no_folder() {
	local s err rc
	s=$(scratch)
	err=$("$BIN" layouts "$s/nonexistent" 2>&1 >/dev/null); rc=$?
	[ "$rc" = 2 ] || { echo "exit status $rc, want 2"; return 1; }
	[[ $err == *"'$s/nonexistent' is not a folder"* ]] || { echo "unclear message: $err"; return 1; }
}
check "sociale-monitor layouts of a folder that does not exist is a usage error" layouts_of_no_folder
