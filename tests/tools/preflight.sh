#!/usr/bin/env bash
# preflight.sh PDF...: Apache PDFBox Preflight (Debian libpdfbox2-java) on
# each PDF. Preflight validates PDF/A-1b; our PDFs are PDF/A-2a, so the
# findings that only PDF/A-1 forbids are set aside, each by its code and
# its words, and every other finding fails: printed as "FILE: CODE: what".
#
# Set aside (PDF/A-2, ISO 19005-2, allows them):
#   4.1.2   ExtGState CA/ca: transparency (PDF/A-2 6.4)
#   2.2.2   an image's /SMask, "Soft Mask must be null or None" (6.4)
#   3.1.11  "The CIDSet entry is missing" (6.2.11.4.2: optional)
#   7.11.2  "part must be 1": the validator knows only part 1; we claim 2
# Exit 0: no other finding; 1: findings (or a file Preflight could not
# read); 2: java or the jars missing. Prints "PDF: ok (N set aside)" per
# clean file. All files go through one Java process, one after the other
# (its start is most of the time: a PDF takes a fraction of a second), with
# the serial collector and the quick compiler, the least CPU and memory.
set -u
J=/usr/share/java
CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
if ! command -v java >/dev/null; then
	echo "java is missing (Debian: default-jre-headless)"
	exit 2
fi
for j in ${CP//:/ }; do
	[ -r "$j" ] || { echo "$j is missing (Debian: libpdfbox2-java libactivation-java libjaxb-api-java)"; exit 2; }
done
[ $# -gt 0 ] || { echo "usage: preflight.sh PDF..."; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/preflight.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Group mode names each file by its base name only: each gets a link of
# its own number.
n=0
for f in "$@"; do
	[ -r "$f" ] || { echo "$f: cannot be read"; exit 1; }
	n=$((n + 1))
	ln -s "$(realpath "$f")" "$work/$n.pdf"
	echo "$work/$n.pdf" >> "$work/list"
	printf '%s\n' "$f" >> "$work/names"
done
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b \
	xml group "$work/list" >"$work/list.out" 2>&1
python3 - "$work" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET
work = sys.argv[1]
names = open(os.path.join(work, "names"), encoding="utf-8").read().splitlines()
allowed = [
    ("4.1.2", re.compile(r"^Transparency error, CA? entry in a ExtGState is invalid|^Transparency error, ca entry")),
    ("2.2.2", re.compile(r"^Invalid graphics transparency, Soft Mask must be null or None")),
    ("3.1.11", re.compile(r"^Invalid Font definition, .*: The CIDSet entry is missing")),
    ("7.11.2", re.compile(r"^Error on MetaData, part must be 1$")),
]
seen = {}
l = os.path.join(work, "list")
if not os.path.exists(l + ".preflight.xml"):
    print("Preflight wrote no result: " + open(l + ".out", errors="replace").read()[:400])
    sys.exit(1)
for pf in ET.parse(l + ".preflight.xml").getroot().iter("preflight"):
    seen[pf.get("name")] = pf
bad = 0
for i, name in enumerate(names, 1):
    pf = seen.get("%d.pdf" % i)
    if pf is None:
        print("%s: no result from Preflight" % name)
        bad += 1
        continue
    aside = 0
    findings = []
    for e in pf.iter("error"):
        code = (e.findtext("code") or "").strip()
        what = " ".join((e.findtext("details") or "").split())
        count = int(e.get("count") or 1)
        if any(code == c and r.search(what) for c, r in allowed):
            aside += count
        else:
            findings.append((code, what[:300], count))
    for t in ("exceptionThrown", "exception"):
        for e in pf.iter(t):
            findings.append(("exception", " ".join((e.text or "").split())[:300], 1))
    if findings:
        bad += 1
        merged = {}
        for code, what, count in findings:
            merged[(code, what)] = merged.get((code, what), 0) + count
        for k, ((code, what), count) in enumerate(merged.items()):
            if k == 15:
                print("%s: and %d other findings" % (name, len(merged) - 15))
                break
            print("%s: %s: %s%s" % (name, code, what, " (%d times)" % count if count > 1 else ""))
    else:
        print("%s: ok (%d set aside)" % (name, aside))
sys.exit(1 if bad else 0)
PY
