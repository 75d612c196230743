# Reliability: output errors are system errors (3) that leave nothing
# behind (more in reliability_output.sh: full disk, signals, memory); the
# same bytes in every locale. (Suppressed figures: tests/e2e/privacy.sh.)

unwritable_target() {
	local s rc err
	s=$(scratch)
	err=$("$BIN" build $MINI -o /proc/sociale-monitor-test.pdf 2>&1 >/dev/null); rc=$?
	[ "$rc" -eq 3 ] || { echo "want exit 3, got $rc: $err"; return 1; }
	[[ $err == *"cannot write"* ]] || { echo "unclear message: $err"; return 1; }
	# A folder that cannot be created.
	err=$("$BIN" build $MINI -o /proc/nowhere/x.pdf 2>&1 >/dev/null); rc=$?
	[ "$rc" -eq 3 ] || { echo "missing folder: want exit 3, got $rc"; return 1; }
}
check "an unwritable target is a clear error with exit status 3" unwritable_target

locales() {
	local s l
	s=$(scratch)
	"$BIN" build $MINI -o "$s/ref.pdf" >/dev/null || return 1
	for l in nl_NL.UTF-8 tr_TR.UTF-8 C; do
		if [ "$l" != C ] && ! locale -a 2>/dev/null | grep -qi "^${l%%.*}.utf-\?8$"; then
			echo "locale $l is not installed (Debian's locales-all provides it)"
			return 1
		fi
		LANG=$l LC_ALL=$l TZ=Asia/Kathmandu "$BIN" build $MINI -o "$s/$l.pdf" >/dev/null 2>&1 || return 1
		cmp -s "$s/ref.pdf" "$s/$l.pdf" || { echo "different bytes under $l"; return 1; }
	done
}
check "same input, same bytes: two builds, and under nl_NL, tr_TR and C in another time zone" locales
