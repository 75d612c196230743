#!/usr/bin/python3
"""The alternative texts of a build, from either of its two outputs:

- the engine's `--dump=layout`: its "node N Figure parent P ... alt "..."" lines;
- the PDF itself: every /Alt and /ActualText string of its objects (read
  after `qpdf --qdf --object-streams=disable`, so that no object hides in
  a compressed stream), decoded from PDFDocEncoding or UTF-16BE.

The privacy audit reads both (privacy_audit.py --check-alt), so a hidden
figure is looked for in what the screen reader is given, not only in what
the page shows.

    alt_texts.py FILE          one text per line
    alt_texts.py --tagged PDF  exit 0 when the PDF has a structure tree
"""
import re
import subprocess
import sys

NODE = re.compile(r'^node (\d+) (\S+) parent (-?\d+)(?: scope \d+)? alt "(.*)"$')


def from_dump(text):
    """[(node, type, alt)] of a layout dump."""
    out = []
    for line in text.splitlines():
        m = NODE.match(line)
        if m:
            out.append((int(m.group(1)), m.group(2), m.group(4)))
    return out


def qdf(path):
    """The PDF's bytes with every object written out plainly."""
    r = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, "-"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    # qpdf exits 3 for warnings; the output is still whole.
    if r.returncode not in (0, 3):
        raise SystemExit("qpdf cannot read %s" % path)
    return r.stdout


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
           b"(": b"(", b")": b")", b"\\": b"\\"}


def literal(data, i):
    """The PDF literal string starting after the '(' at i: (bytes, end)."""
    out = bytearray()
    depth = 1
    while i < len(data):
        c = data[i:i + 1]
        if c == b"\\":
            n = data[i + 1:i + 2]
            if n in ESCAPES:
                out += ESCAPES[n]
                i += 2
            elif n.isdigit():
                j = i + 1
                while j < i + 4 and data[j:j + 1].isdigit() and data[j:j + 1] < b"8":
                    j += 1
                out.append(int(data[i + 1:j], 8) & 0xFF)
                i = j
            elif n in (b"\r", b"\n"):
                i += 2
                if n == b"\r" and data[i:i + 1] == b"\n":
                    i += 1
            else:
                i += 1
            continue
        if c == b"(":
            depth += 1
        elif c == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out += c
        i += 1
    return bytes(out), i


def decode(b):
    if b.startswith(b"\xfe\xff"):
        return b[2:].decode("utf-16-be", "replace")
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8", "replace")
    return b.decode("latin-1")


def from_pdf(path, every=False):
    """[(None, key, text)] for every /Alt and /ActualText string; with
    every, also every other string a reader can show or speak beside the
    page: link /Contents, outline and document information strings, /E,
    and the XMP metadata."""
    data = qdf(path)
    out = []
    keys = rb"Alt|ActualText|Contents|Title|Subject|Keywords|Author|Creator|Producer|Lang|E" if every else rb"Alt|ActualText"
    for m in re.finditer(rb"/(" + keys + rb")\s*([(<])", data):
        key = m.group(1).decode()
        if m.group(2) == b"<" and data[m.end():m.end() + 1] == b"<":
            continue            # a dictionary, not a string
        if m.group(2) == b"(":
            s, _ = literal(data, m.end())
        else:
            end = data.index(b">", m.end())
            hexs = re.sub(rb"\s", b"", data[m.end():end])
            if len(hexs) % 2:
                hexs += b"0"
            s = bytes.fromhex(hexs.decode())
        out.append((None, key, decode(s)))
    # The XMP metadata, as a reader of the file's metadata would see it.
    for m in re.finditer(rb"<x:xmpmeta.*?</x:xmpmeta>", data if every else b"", re.S):
        out.append((None, "XMP", m.group(0).decode("utf-8", "replace")))
    return out


def tagged(path):
    return b"/StructTreeRoot" in qdf(path)


def read(path, every=False):
    """The alternative texts of a PDF or of a layout dump (every: and the
    PDF's other strings, see from_pdf)."""
    with open(path, "rb") as f:
        head = f.read(5)
    if head == b"%PDF-":
        return from_pdf(path, every)
    with open(path, encoding="utf-8") as f:
        return from_dump(f.read())


def main(argv):
    if argv and argv[0] == "--tagged":
        return 0 if tagged(argv[1]) else 1
    for _, _, text in read(argv[0]):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
