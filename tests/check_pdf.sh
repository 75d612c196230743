#!/usr/bin/env bash
# `make check-pdf`: only the checks that the PDFs are tagged and accessible
# (tests/e2e/tagged.sh). Its last line is "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
# Here the failures are what one came for: show more of each.
TAGGED_LINES=${TAGGED_LINES:-80}
. tests/e2e/tagged.sh
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
