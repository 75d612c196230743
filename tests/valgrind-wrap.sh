#!/usr/bin/env bash
# Runs the engine under valgrind for `make valgrind`: any memory error or
# definite leak makes it exit 99, which no test expects.
here=$(cd "$(dirname "$0")/.." && pwd)
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--suppressions="$here/tests/valgrind.supp" "$here/build/sociale-monitor" "$@"
