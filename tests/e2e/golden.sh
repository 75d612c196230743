# Golden layout: each project of tests/golden/projects built with
# --dump=layout (every display item with its page position, font and size)
# must give tests/golden/NAME.layout byte for byte. A spacing, break or
# pagination change shows as a diff here; when it is intended, run
# `make golden` and review the diff in git.

# golden_check NAME DIR: the dump equals the stored file; on a difference,
# the first differing lines.
golden_check() {
	local name=$1 dir=$2 want=tests/golden/$1.layout got
	got=$(scratch)/$name.layout
	[ -f "$want" ] || { echo "$want is missing (make golden)"; return 1; }
	"$BIN" build "$dir" --dump=layout > "$got" || { echo "build $dir --dump=layout failed"; return 1; }
	cmp -s "$want" "$got" && return 0
	echo "layout of $dir differs from $want (if intended: make golden, review the diff):"
	diff -U1 "$want" "$got" | sed -n '3,12p'
	return 1
}

# The dump is the same under another locale and time zone, run twice, and
# names no path of the machine it was made on.
golden_stable() {
	local d a b
	d=$(scratch)
	a=$d/a.layout; b=$d/b.layout
	LC_ALL=C TZ=UTC "$BIN" build tests/golden/notes --dump=layout > "$a" || return 1
	LC_ALL=nl_NL.UTF-8 TZ=Pacific/Auckland "$BIN" build tests/golden/notes --dump=layout > "$b" || return 1
	cmp -s "$a" "$b" || { echo "dump differs between locales/time zones"; diff "$a" "$b" | head -5; return 1; }
	if grep -nF -e "$PWD" -e "$HOME" -e "$TMP_ROOT" "$a" | head -3 | grep .; then
		echo "dump names a path of this machine"; return 1
	fi
	return 0
}

while read -r gname gdir; do
	case $gname in ''|'#'*) continue ;; esac
	check "golden layout: $gname ($gdir)" golden_check "$gname" "$gdir"
done < tests/golden/projects
check "golden layout: same dump under another locale and time zone, no machine paths" golden_stable
