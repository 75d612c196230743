#!/usr/bin/env bash
# Runs the engine under valgrind for `make valgrind`: any memory error or
# definite leak makes it exit 99, which no test expects.
here=$(cd "$(dirname "$0")/.." && pwd)
# valgrind 3.19 (Debian 12) does not know openat2 and warns on stderr on
# every run; the engine then opens files below their folder by walking the
# path, which this variable chooses from the start.
export SM_TEST_NO_OPENAT2=1
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--suppressions="$here/tests/valgrind.supp" "$here/build/sociale-monitor" "$@"
