# Bad input: one case per message of the catalog (tests/bad/*/case). Each
# case copies tests/fixtures/mini, lays its files/ over it (and deletes what
# its `remove:` lines name), builds over an existing PDF, and asserts the
# exit status, the file:line of the message, a fragment of it, and that
# the existing PDF was left untouched with no temporary file beside it.

bad_case() {
	local dir=$1 name
	name=$(basename "$dir")
	local status="" where="" says="" args="" project_dir="p"
	while IFS= read -r line; do
		case $line in
		status:*) status=${line#status: } ;;
		where:*) where=${line#where: } ;;
		says:*) says=${line#says: } ;;
		args:*) args=${line#args: } ;;
		esac
	done < "$dir/case"
	local s
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	[ -d "$dir/files" ] && cp -r "$dir/files/." "$s/p/"
	if grep -q '^remove:' "$dir/case"; then
		grep '^remove:' "$dir/case" | while read -r _ f; do rm -rf "$s/p/$f"; done
	fi
	[ -x "$dir/prepare" ] && (cd "$s/p" && "$OLDPWD/$dir/prepare")
	printf 'an earlier good PDF\n' > "$s/out.pdf"
	local err rc
	# shellcheck disable=SC2086
	err=$("$BIN" build "$s/$project_dir" -o "$s/out.pdf" $args 2>&1 >/dev/null)
	rc=$?
	local why=""
	[ "$rc" = "${status:-1}" ] || why="exit status $rc, want ${status:-1}"
	if [ -n "$where" ] && [[ $err != *"$s/p/$where"* ]]; then
		why="${why:+$why; }no message at $where"
	fi
	if [ -n "$says" ] && [[ $err != *"$says"* ]]; then
		why="${why:+$why; }message does not say: $says"
	fi
	if [ "${status:-1}" = 0 ]; then
		# A warning, not an error: the PDF is written, and it is valid.
		pdf_ok "$s/out.pdf" >/dev/null || why="${why:+$why; }no valid PDF was written"
	else
		[ "$(cat "$s/out.pdf")" = "an earlier good PDF" ] || why="${why:+$why; }the existing PDF was changed"
	fi
	[ -z "$(ls "$s" | grep -v '^p$' | grep -v '^out.pdf$')" ] || why="${why:+$why; }a temporary file was left"
	if [ -z "$why" ]; then pass "bad input: $name"; else fail "bad input: $name" "$why. stderr: $(printf '%s' "$err" | head -c 300)"; fi
}

for d in tests/bad/*/; do
	bad_case "${d%/}"
done

# Every error in the catalog has a case (a few cannot be provoked from a
# project folder; they are listed with the reason).
catalog_cases() {
	local missing=""
	# write_failed and output_protected have their own tests
	# (tests/e2e/reliability*.sh); pdf_failed and too_many_pages need a
	# broken PDF library or a 5000-page monitor; file_unreadable a file the
	# engine may not read, which root always can.
	local exempt=" write_failed output_protected pdf_failed too_many_pages file_unreadable "
	for id in $(grep -o 'X([a-z_0-9]*, *SM_ERROR' generator/diag.h | sed 's/X(\([a-z_0-9]*\),.*/\1/'); do
		[[ $exempt == *" $id "* ]] && continue
		grep -qx "message: $id" tests/bad/*/case 2>/dev/null || missing="$missing $id"
	done
	[ -z "$missing" ] || { echo "no bad-input case for:$missing"; return 1; }
}
check "every error message has a bad-input case" catalog_cases
