#!/usr/bin/env bash
# The whole test suite. Its last line is "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh

# Unit tests: one line per test, and a count at the end.
unit_out=$("${UNIT:-build/unit-tests}" 2>&1)
printf '%s\n' "$unit_out" | grep -v ' passed, .* failed$'
counts=$(printf '%s\n' "$unit_out" | tail -n 1)
if [[ $counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
	PASSED=$((PASSED + BASH_REMATCH[1]))
	FAILED=$((FAILED + BASH_REMATCH[2]))
else
	fail "unit tests" "the unit test binary did not finish: $counts"
fi

for t in tests/e2e/*.sh; do
	. "$t"
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
