#!/bin/bash
# regen.sh [BIN]: rewrites tests/golden/NAME.layout for every project in
# tests/golden/projects from the engine's --dump=layout (`make golden`).
# The result is a diff to review in git, not a truth in itself.
set -e
cd "$(dirname "$0")/../.."
BIN=${1:-build/sociale-monitor}
grep -v '^#' tests/golden/projects | while read -r name dir; do
	[ -n "$name" ] || continue
	LC_ALL=C TZ=UTC "$BIN" build "$dir" --dump=layout > "tests/golden/$name.layout.tmp"
	mv "tests/golden/$name.layout.tmp" "tests/golden/$name.layout"
	echo "tests/golden/$name.layout"
done
