#!/usr/bin/env bash
# Seeds the fuzz corpora from the projects in the repository:
#   tests/fuzz/seed.sh OUTDIR
set -eu
out=$1
mkdir -p "$out"/{yaml,md,csv,layout,pipeline}
i=0
for f in $(find content samples tests/fixtures layouts -name '*.yaml' 2>/dev/null | sort); do
	cp "$f" "$out/yaml/$i.yaml"; i=$((i + 1))
done
for f in $(find content samples tests/fixtures -name '*.md' 2>/dev/null | sort); do
	cp "$f" "$out/md/$i.md"; i=$((i + 1))
done
for f in $(find content samples tests/fixtures -name '*.csv' 2>/dev/null | sort); do
	cp "$f" "$out/csv/$i.csv"; i=$((i + 1))
done
cp layouts/*.yaml "$out/layout/"
# Whole projects, packed as "=== path" sections.
for p in tests/fixtures/mini tests/fixtures/calc samples/starter content; do
	[ -f "$p/monitor.yaml" ] || continue
	name=$(echo "$p" | tr / -)
	(cd "$p" && find . -type f \( -name '*.yaml' -o -name '*.md' -o -name '*.csv' \) | sort | while read -r f; do
		printf '=== %s\n' "${f#./}"; cat "$f"
	done) > "$out/pipeline/$name"
done
