# Reliability of the output: how the PDF reaches the disk. A full disk, a
# file-size limit, a signal or running out of memory ends the build with
# a message and leaves the old PDF whole and no temporary file; only a
# regular, writable file is replaced, and it keeps its mode.
MINI=${MINI:-tests/fixtures/mini}

# ro_skipped NAME REASON: a test that cannot run here still shows, with why.
ro_skipped() { pass "$1 (skipped: $2)"; }

# ro_only_left DIR NAME...: DIR holds exactly these names (no temporary file).
ro_only_left() {
	local dir=$1; shift
	local want have
	want=$(printf '%s\n' "$@" | sort)
	have=$(ls -A "$dir" | sort)
	[ "$want" = "$have" ] || { echo "left in the folder: $(echo $have)"; return 1; }
}

# Under ASan (shadow memory) and valgrind the address space holds far more
# than the engine's own memory: a limit on it says nothing there.
ro_plain_binary() { [[ $BIN != *asan* && $BIN != *valgrind* ]]; }

# --- a full disk, on a small tmpfs of its own

full_disk_at() {
	local s=$1 fs=$1/fs need extra free fill err rc
	"$BIN" build $MINI -o "$s/new.pdf" >/dev/null || return 1
	"$BIN" build $MINI --layout layouts/zwartwit.yaml -o "$s/old.pdf" >/dev/null || return 1
	need=$((($(stat -c %s "$s/new.pdf") + 4095) / 4096))
	# Room for the new PDF less three pages up to one page more than it needs.
	for extra in -3 -2 -1 0 1; do
		rm -f "$fs"/*
		cp "$s/old.pdf" "$fs/out.pdf"
		free=$(stat -f -c %a "$fs")
		fill=$((free - need - extra))
		[ "$fill" -ge 0 ] || { echo "the tmpfs is too small for the test"; return 1; }
		head -c $((fill * 4096)) /dev/zero > "$fs/fill" 2>/dev/null
		[ "$(stat -f -c %a "$fs")" -eq $((need + extra)) ] || { echo "could not leave $((need + extra)) pages free"; return 1; }
		err=$("$BIN" build $MINI -o "$fs/out.pdf" 2>&1 >/dev/null); rc=$?
		if [ "$extra" -ge 0 ]; then
			[ "$rc" -eq 0 ] || { echo "room to spare ($extra pages): exit $rc: $err"; return 1; }
			cmp -s "$s/new.pdf" "$fs/out.pdf" || { echo "room to spare ($extra pages): not the new PDF"; return 1; }
		else
			[ "$rc" -eq 3 ] || { echo "$((-extra)) pages short: want exit 3, got $rc: $err"; return 1; }
			[[ $err == *"cannot write '$fs/out.pdf': No space left on device"* ]] ||
				{ echo "$((-extra)) pages short: the message does not name the cause: $err"; return 1; }
			cmp -s "$s/old.pdf" "$fs/out.pdf" || { echo "$((-extra)) pages short: the old PDF was changed"; return 1; }
		fi
		ro_only_left "$fs" out.pdf fill || return 1
	done
}

full_disk() {
	local s rc
	s=$(scratch)
	mkdir "$s/fs"
	mount -t tmpfs -o size=256k tmpfs "$s/fs" 2>/dev/null || return 2
	full_disk_at "$s"; rc=$?
	umount "$s/fs"
	return $rc
}
ro_name="a full disk is exit 3 with 'No space left on device', the old PDF kept whole"
if [ "$(id -u)" != 0 ]; then
	ro_skipped "$ro_name" "mounting a small tmpfs needs root"
else
	ro_out=$(full_disk 2>&1); ro_rc=$?
	if [ $ro_rc -eq 2 ] && [ -z "$ro_out" ]; then ro_skipped "$ro_name" "this machine does not allow mounting a tmpfs"
	elif [ $ro_rc -eq 0 ]; then pass "$ro_name"
	else fail "$ro_name" "$(printf '%s' "$ro_out" | head -c 400)"; fi
fi

file_size_limit() {
	local s err rc
	s=$(scratch)
	printf 'an earlier good PDF\n' > "$s/out.pdf"
	# 16 KB, less than the PDF: SIGXFSZ would end the process unannounced.
	err=$( (ulimit -f 16; exec "$BIN" build $MINI -o "$s/out.pdf") 2>&1 >/dev/null); rc=$?
	[ "$rc" -eq 3 ] || { echo "want exit 3, got $rc: $err"; return 1; }
	[[ $err == *"cannot write '$s/out.pdf': File too large"* ]] || { echo "unclear message: $err"; return 1; }
	[ "$(cat "$s/out.pdf")" = "an earlier good PDF" ] || { echo "the old PDF was changed"; return 1; }
	ro_only_left "$s" out.pdf
}
check "a file-size limit (ulimit -f) is exit 3 with 'File too large', nothing left behind" file_size_limit

# --- signals, at a known moment: the test hook SM_TEST_PAUSE_BEFORE_RENAME
# makes the build wait with the new PDF written to its temporary file.

signals() {
	local s sig pid rc i
	s=$(scratch)
	for sig in INT TERM HUP QUIT ALRM USR1 USR2 PIPE; do
		printf 'an earlier good PDF\n' > "$s/out.pdf"
		# A background job starts with INT and QUIT ignored: give it the
		# defaults, as a build started from a terminal has them.
		(ulimit -c 0; SM_TEST_PAUSE_BEFORE_RENAME=60 exec env --default-signal "$BIN" build $MINI -o "$s/out.pdf") \
			>/dev/null 2>&1 &
		pid=$!
		for ((i = 0; i < 1200; i++)); do
			compgen -G "$s/out.pdf.*" >/dev/null && break
			kill -0 $pid 2>/dev/null || break
			sleep 0.05
		done
		if ! compgen -G "$s/out.pdf.*" >/dev/null; then
			kill -KILL $pid 2>/dev/null
			wait $pid 2>/dev/null
			echo "SIG$sig: the build ended without pausing at its temporary file"
			return 1
		fi
		kill -"$sig" $pid
		wait $pid; rc=$?
		[ "$rc" -eq $((128 + $(kill -l "$sig"))) ] || { echo "SIG$sig: exit status $rc, not ended by the signal"; return 1; }
		[ "$(cat "$s/out.pdf")" = "an earlier good PDF" ] || { echo "SIG$sig: the old PDF was changed"; return 1; }
		ro_only_left "$s" out.pdf || { echo "after SIG$sig"; return 1; }
	done
}
check "a build ended by INT, TERM, HUP, QUIT, ALRM, USR1, USR2 or PIPE leaves the old PDF and no temporary file" signals

# --- out of memory

# The test hook SM_TEST_FAIL_ALLOC=N fails the Nth allocation (the engine's
# and libharu's); a build that makes fewer reports how many it made.
alloc_failures() {
	local s err rc total n k samples list
	s=$(scratch)
	err=$(SM_TEST_FAIL_ALLOC=1000000000 "$BIN" build $MINI -o "$s/ref.pdf" 2>&1 >/dev/null)
	[[ $err =~ test:\ ([0-9]+)\ allocations ]] || { echo "the build does not count its allocations: $err"; return 1; }
	total=${BASH_REMATCH[1]}
	rm "$s/ref.pdf"
	samples=60
	[[ $BIN == *valgrind* ]] && samples=6
	list="1 2 3 $((total - 2)) $((total - 1)) $total"
	for ((k = 1; k < samples; k++)); do list="$list $((1 + k * (total - 1) / samples))"; done
	for n in $list; do
		printf 'an earlier good PDF\n' > "$s/out.pdf"
		err=$(SM_TEST_FAIL_ALLOC=$n "$BIN" build $MINI -o "$s/out.pdf" 2>&1 >/dev/null); rc=$?
		[ "$rc" -eq 3 ] || { echo "allocation $n of $total failing: want exit 3, got $rc: $err"; return 1; }
		# valgrind's own lines: what was still allocated at exit.
		err=$(printf '%s\n' "$err" | grep -v '^==[0-9]*==')
		[ "$err" = "sociale-monitor: error: out of memory" ] ||
			{ echo "allocation $n of $total failing: want one message 'out of memory', got: $err"; return 1; }
		[ "$(cat "$s/out.pdf")" = "an earlier good PDF" ] || { echo "allocation $n: the old PDF was changed"; return 1; }
		ro_only_left "$s" out.pdf || { echo "after allocation $n failed"; return 1; }
	done
}
check "a failed allocation anywhere in a build is exit 3 with 'out of memory', nothing left behind" alloc_failures

# The real thing: address-space limits from the lowest at which the program
# starts at all (below it the dynamic loader or GLib's start-up gives up,
# before main) to the lowest at which the build succeeds.
address_space() {
	local s lo hi kb err rc step
	s=$(scratch)
	for ((lo = 4096; lo < 262144; lo += 256)); do
		(ulimit -v $lo; exec "$BIN" --version) >/dev/null 2>&1 && break
	done
	for ((hi = lo; hi < 262144; hi += 512)); do
		(ulimit -v $hi; exec "$BIN" build $MINI -o "$s/probe.pdf") >/dev/null 2>&1 && break
	done
	rm -f "$s/probe.pdf"
	[ "$hi" -lt 262144 ] || { echo "the build does not succeed under 256 MB"; return 1; }
	step=$(((hi - lo) / 60 + 1))
	for ((kb = lo; kb <= hi; kb += step)); do
		printf 'an earlier good PDF\n' > "$s/out.pdf"
		err=$( (ulimit -v $kb; exec "$BIN" build $MINI -o "$s/out.pdf") 2>&1 >/dev/null); rc=$?
		[ "$rc" -lt 128 ] || { echo "ulimit -v $kb: ended by signal $((rc - 128)): $err"; return 1; }
		if [ "$rc" -ne 0 ]; then
			[ "$rc" -eq 3 ] && [[ $err == *"out of memory"* ]] ||
				{ echo "ulimit -v $kb: want exit 3 'out of memory', got $rc: $err"; return 1; }
			[ "$(cat "$s/out.pdf")" = "an earlier good PDF" ] || { echo "ulimit -v $kb: the old PDF was changed"; return 1; }
		fi
		ro_only_left "$s" out.pdf || { echo "after ulimit -v $kb"; return 1; }
	done
}
ro_name="little memory (ulimit -v) is exit 3 with 'out of memory': no crash, nothing left behind"
if ro_plain_binary; then check "$ro_name" address_space
else ro_skipped "$ro_name" "$BIN reserves memory of its own"; fi

# --- what -o may replace

special_targets() {
	local s t err rc
	s=$(scratch)
	mkfifo "$s/fifo"
	printf 'the real file\n' > "$s/real.pdf"
	ln -s real.pdf "$s/link.pdf"
	mkdir "$s/folder"
	for t in fifo link.pdf folder; do
		err=$("$BIN" build $MINI -o "$s/$t" 2>&1 >/dev/null); rc=$?
		[ "$rc" -eq 2 ] || { echo "-o $t: want exit 2, got $rc: $err"; return 1; }
		[[ $err == *"'$s/$t' is a"*", not a regular file, and is not replaced"* ]] || { echo "-o $t: unclear message: $err"; return 1; }
	done
	[ -p "$s/fifo" ] || { echo "the FIFO was replaced"; return 1; }
	[ -L "$s/link.pdf" ] || { echo "the symbolic link was replaced"; return 1; }
	[ "$(cat "$s/real.pdf")" = "the real file" ] || { echo "the file the link points to was changed"; return 1; }
	[ -d "$s/folder" ] || { echo "the folder was replaced"; return 1; }
	ro_only_left "$s" fifo real.pdf link.pdf folder
}
check "-o on a FIFO, a symbolic link or a folder is refused with exit 2, the node untouched" special_targets

device_target() {
	local s err rc
	s=$(scratch)
	mknod "$s/null" c 1 3 2>/dev/null || return 2
	err=$("$BIN" build $MINI -o "$s/null" 2>&1 >/dev/null); rc=$?
	[ "$rc" -eq 2 ] || { echo "want exit 2, got $rc: $err"; return 1; }
	[[ $err == *"'$s/null' is a device, not a regular file"* ]] || { echo "unclear message: $err"; return 1; }
	[ -c "$s/null" ] || { echo "the device node was replaced"; return 1; }
	ro_only_left "$s" null
}
ro_name="-o on a device node (as /dev/null) is refused with exit 2, the node untouched"
ro_out=$(device_target 2>&1); ro_rc=$?
if [ $ro_rc -eq 2 ] && [ -z "$ro_out" ]; then ro_skipped "$ro_name" "mknod is not allowed here"
elif [ $ro_rc -eq 0 ]; then pass "$ro_name"
else fail "$ro_name" "$(printf '%s' "$ro_out" | head -c 400)"; fi

target_modes() {
	local s err rc
	s=$(scratch)
	# Write-protected (chmod 444): refused, for root too.
	printf 'protected\n' > "$s/ro.pdf"
	chmod 444 "$s/ro.pdf"
	err=$("$BIN" build $MINI -o "$s/ro.pdf" 2>&1 >/dev/null); rc=$?
	[ "$rc" -eq 3 ] || { echo "write-protected: want exit 3, got $rc: $err"; return 1; }
	[[ $err == *"'$s/ro.pdf' is write-protected"* ]] || { echo "write-protected: unclear message: $err"; return 1; }
	[ "$(cat "$s/ro.pdf")" = "protected" ] && [ "$(stat -c %a "$s/ro.pdf")" = 444 ] ||
		{ echo "the write-protected file was changed"; return 1; }
	# An existing PDF keeps its mode; a new one gets 0666 less the umask.
	printf 'old\n' > "$s/kept.pdf"
	chmod 604 "$s/kept.pdf"
	(umask 022; exec "$BIN" build $MINI -o "$s/kept.pdf") >/dev/null || return 1
	[ "$(stat -c %a "$s/kept.pdf")" = 604 ] || { echo "mode 604 became $(stat -c %a "$s/kept.pdf")"; return 1; }
	pdf_ok "$s/kept.pdf" || return 1
	(umask 027; exec "$BIN" build $MINI -o "$s/new.pdf") >/dev/null || return 1
	[ "$(stat -c %a "$s/new.pdf")" = 640 ] || { echo "a new PDF under umask 027 has mode $(stat -c %a "$s/new.pdf")"; return 1; }
	ro_only_left "$s" ro.pdf kept.pdf new.pdf
}
check "a write-protected PDF is not replaced (exit 3); a replaced PDF keeps its mode" target_modes
