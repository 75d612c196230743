# Bad input: one case per message of the catalog (tests/bad/*/case). Each
# case copies tests/fixtures/mini, lays its files/ over it (and deletes what
# its `remove:` lines name), builds over an existing PDF, and asserts the
# exit status, the file:line of the message, a fragment of it, and that
# the existing PDF was left untouched with no temporary file beside it.
#
# A case's `message:` names the catalogue id it covers. The engine runs
# with SM_TEST_MSG_IDS=1, which ends each message with its [id]; the case
# passes only when one printed line carries that id, starts at `where:` and
# says `says:`, so a case covers a message only by really printing it.
# `message: none` is a case that expects no message at all.

bad_case() {
	local dir=$1 name
	name=$(basename "$dir")
	local status="" where="" says="" args="" project_dir="p" message=""
	while IFS= read -r line; do
		case $line in
		message:*) message=${line#message: } ;;
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
	err=$(SM_TEST_MSG_IDS=1 "$BIN" build "$s/$project_dir" -o "$s/out.pdf" $args 2>&1 >/dev/null)
	rc=$?
	local why=""
	[ "$rc" = "${status:-1}" ] || why="exit status $rc, want ${status:-1}"
	if [ -n "$where" ] && [[ $err != *"$s/p/$where"* ]]; then
		why="${why:+$why; }no message at $where"
	fi
	if [ -n "$says" ] && [[ $err != *"$says"* ]]; then
		why="${why:+$why; }message does not say: $says"
	fi
	if [ "$message" = none ]; then
		[ -z "$err" ] || why="${why:+$why; }a message was printed"
	elif [ -z "$message" ] || [ -z "$says" ]; then
		why="${why:+$why; }the case needs 'message:' and 'says:'"
	else
		# The labelled message itself, at its place, with its text.
		local l found=""
		while IFS= read -r l; do
			[[ $l == *" [$message]" ]] || continue
			[ -z "$where" ] || [[ $l == "$s/p/$where"* ]] || continue
			[[ $l == *"$says"* ]] || continue
			found=1
		done <<< "$err"
		[ -n "$found" ] || why="${why:+$why; }no '$message' message says: $says${where:+ at $where}"
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

# Every error and every warning in the catalog has a case (a few cannot be
# provoked from a project folder; they are listed with the reason). A case
# covers its message only by printing it (checked by bad_case above).
catalog_cases() {
	local missing=""
	# write_failed and output_protected have their own tests
	# (tests/e2e/reliability*.sh); pdf_failed needs a broken PDF library;
	# file_unreadable a file the engine may not read, which root always can;
	# output_is_input needs -o to name a file of the case's own project
	# (tests/e2e/review_io.sh).
	local exempt=" write_failed output_protected pdf_failed file_unreadable output_is_input "
	for id in $(grep -oE 'X\([a-z_0-9]*, *SM_(ERROR|WARNING)' generator/diag.h | sed 's/X(\([a-z_0-9]*\),.*/\1/'); do
		[[ $exempt == *" $id "* ]] && continue
		grep -qx "message: $id" tests/bad/*/case 2>/dev/null || missing="$missing $id"
	done
	[ -z "$missing" ] || { echo "no bad-input case for:$missing"; return 1; }
}
check "every error and warning message has a bad-input case" catalog_cases
