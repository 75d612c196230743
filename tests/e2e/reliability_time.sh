# Hang guards: input whose cost must grow with its size, not with its
# square. Each case gives a generous time limit that a linear engine meets
# many times over (under valgrind too) and a quadratic one misses by far;
# this is not a speed measurement (that is the benchmark's).

yaml_many_mappings() {
	local s rc
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	# 120,000 one-line mappings (1.3 MB): finding each one's place in the
	# file by reading from its start took about three minutes.
	python3 - "$s/p/chapters/voorwoord.yaml" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    f.write("extra:\n")
    f.write("  - {a: 1}\n" * 120000)
PY
	timeout 60 "$BIN" check "$s/p" >/dev/null 2>&1; rc=$?
	[ "$rc" -ne 124 ] || { echo "check did not finish within 60 s"; return 1; }
	[ "$rc" -eq 1 ] || { echo "want exit 1 (the unknown key), got $rc"; return 1; }
}
check "a YAML file of 120,000 mappings loads in time that grows with its size" yaml_many_mappings

yaml_many_blocks() {
	local s rc
	s=$(scratch)
	cp -r tests/fixtures/mini "$s/p"
	# 100,000 block scalars (`|`): the indentation of each was found by
	# counting lines from the top of the file.
	python3 - "$s/p/chapters/voorwoord.yaml" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    f.write("extra:\n")
    f.write("  - |\n    x\n" * 100000)
PY
	timeout 60 "$BIN" check "$s/p" >/dev/null 2>&1; rc=$?
	[ "$rc" -ne 124 ] || { echo "check did not finish within 60 s"; return 1; }
	[ "$rc" -eq 1 ] || { echo "want exit 1 (the unknown key), got $rc"; return 1; }
}
check "a YAML file of 100,000 block scalars loads in time that grows with its size" yaml_many_blocks
