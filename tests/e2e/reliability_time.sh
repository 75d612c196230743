# Hang guards: input whose cost must grow with its size, not with its
# square. Each case gives a generous time limit that a linear engine meets
# many times over (under valgrind too) and a quadratic one misses by far;
# this is not a speed measurement (that is the benchmark's).

# check_in_time APPEND_PYTHON: appends to the mini fixture's foreword what
# the Python statement writes to f, then `check` must end, with exit 1 (the
# unknown key), within 60 s.
check_in_time() {
	local s rc
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	python3 -c "import sys
with open(sys.argv[1], 'a') as f:
    f.write('extra:\\n')
    $1" "$s/p/chapters/voorwoord.yaml"
	timeout 60 "$BIN" check "$s/p" >/dev/null 2>&1; rc=$?
	[ "$rc" -ne 124 ] || { echo "check did not finish within 60 s"; return 1; }
	[ "$rc" -eq 1 ] || { echo "want exit 1 (the unknown key), got $rc"; return 1; }
}

# 120,000 one-line mappings (1.3 MB): finding each one's place in the file
# by reading from its start took about three minutes.
yaml_many_mappings() { check_in_time "f.write('  - {a: 1}\\n' * 120000)"; }
check "a YAML file of 120,000 mappings loads in time that grows with its size" yaml_many_mappings

# 100,000 block scalars (|): the indentation of each was found by counting
# lines from the top of the file.
yaml_many_blocks() { check_in_time "f.write('  - |\\n    x\\n' * 100000)"; }
check "a YAML file of 100,000 block scalars loads in time that grows with its size" yaml_many_blocks

catalogue_many_indicators() {
	local s rc
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	# 80,000 indicators, the last one twice: each id used to be compared
	# with every id before it, and every reference with every id.
	python3 - "$s/p/data/indicators.yaml" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    for i in range(80000):
        f.write("- {id: i%d, name: Indicator %d, unit: percent, polarity: lower-is-better, source: CBS}\n" % (i, i))
    f.write("- {id: i79999, name: Twee keer, unit: percent, polarity: lower-is-better, source: CBS}\n")
PY
	local err
	err=$(timeout 60 "$BIN" check "$s/p" 2>&1 >/dev/null); rc=$?
	[ "$rc" -ne 124 ] || { echo "check did not finish within 60 s"; return 1; }
	[ "$rc" -eq 1 ] || { echo "want exit 1 (the id used twice), got $rc"; return 1; }
	[[ $err == *"'i79999' is used twice"* ]] || { echo "the id used twice is not reported: $err"; return 1; }
}
check "a catalogue of 80,000 indicators is checked in time that grows with its size" catalogue_many_indicators
