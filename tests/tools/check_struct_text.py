#!/usr/bin/python3
"""Reads a monitor's PDF the way poppler's structure reader does
(`pdfinfo -struct-text`, the structure tree's text in tree order) and
checks it against the project it was built from:

  - every word of 12 or more letters in the Markdown the chapters use
    appears whole (soft hyphens U+00AD, and the line break after one,
    removed): a screen reader gets "ondersteuning", not "on-" "dersteuning";
  - the chapter titles are H1 headings, in the order of monitor.yaml.

    check_struct_text.py PROJECT PDF

Prints one line per failure and exits 1 on any.
"""
import os
import re
import subprocess
import sys
import unicodedata

import yaml

MIN_LETTERS = 12
MAX_SHOWN = 10


def md_files(project):
	"""The Markdown files the chapters name ({file: text/x.md}), in order."""
	with open(os.path.join(project, "monitor.yaml"), encoding="utf-8") as f:
		monitor = yaml.safe_load(f)
	files = []

	def walk(v):
		if isinstance(v, dict):
			for x in v.values():
				walk(x)
		elif isinstance(v, list):
			for x in v:
				walk(x)
		elif isinstance(v, str) and v.endswith(".md") and "\n" not in v:
			p = os.path.join(project, v)
			if os.path.isfile(p) and p not in files:
				files.append(p)
	titles = []
	for rel in monitor["chapters"]:
		with open(os.path.join(project, rel), encoding="utf-8") as f:
			chapter = yaml.safe_load(f)
		titles.append(str(chapter["title"]))
		walk(chapter)
	return files, titles


def long_words(path):
	"""Letter runs of MIN_LETTERS or more in what the Markdown prints."""
	with open(path, encoding="utf-8") as f:
		md = f.read()
	md = re.sub(r"<!--.*?-->", " ", md, flags=re.S)
	md = re.sub(r"\{\{.*?\}\}", " ", md)                 # figures: replaced by numbers
	md = re.sub(r"\]\([^)]*\)", "]", md)                 # link targets
	md = re.sub(r"<[a-z]+://[^>]*>", " ", md)            # autolinks
	md = re.sub(r"https?://\S+", " ", md)
	md = re.sub(r"\[\^[^\]]*\]", " ", md)                # footnote labels
	md = re.sub(r"</?[A-Za-z][^>]*>", " ", md)           # raw HTML tags
	md = unicodedata.normalize("NFKC", md)
	return re.findall(r"[^\W\d_]{%d,}" % MIN_LETTERS, md)


def struct_tree(pdf):
	"""[(indent, type, [texts])] for each element line of pdfinfo -struct-text,
	and all texts in order as (element number, text)."""
	r = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True)
	out = r.stdout.decode("utf-8", "replace")
	if r.returncode != 0:
		sys.exit("%s: pdfinfo -struct-text failed (%d): %s" % (pdf, r.returncode, r.stderr.decode("utf-8", "replace").strip()))
	elems = []
	texts = []
	lines = out.split("\n")
	i = 0
	while i < len(lines):
		line = lines[i]
		s = line.strip()
		if s.startswith('"'):
			# A text, possibly over several lines, up to a closing quote.
			buf = s[1:]
			while not buf.endswith('"') and i + 1 < len(lines):
				i += 1
				buf += "\n" + lines[i]
			t = buf[:-1] if buf.endswith('"') else buf
			texts.append((len(elems), t))
			if elems:
				elems[-1][2].append(t)
		elif s and not s.startswith("/") and not s.startswith("Object "):
			m = re.match(r"(\s*)([A-Za-z][\w:.-]*)", line)
			if m:
				elems.append((len(m.group(1)), m.group(2), []))
		i += 1
	return elems, texts


# The engine sets typographic quotes (FORMAT.md): compare quotes as straight.
QUOTES = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", "''''\"\"\"\"")


def clean(t):
	t = unicodedata.normalize("NFKC", t).translate(QUOTES)
	t = re.sub("\u00ad\\s*", "", t)
	return " ".join(t.split())


def headings(elems, level):
	"""The text of each H<level> element, with the text of its descendants."""
	out = []
	for i, (ind, typ, txt) in enumerate(elems):
		if typ != "H%d" % level:
			continue
		parts = list(txt)
		for ind2, _, txt2 in elems[i + 1:]:
			if ind2 <= ind:
				break
			parts += txt2
		out.append(clean(" ".join(parts)))
	return out


def main():
	project, pdf = sys.argv[1], sys.argv[2]
	files, titles = md_files(project)
	elems, texts = struct_tree(pdf)
	fails = []
	if not elems:
		print("%s: pdfinfo -struct-text prints no structure: the PDF has no structure tree; expected Document with the chapters' elements" % pdf)
		sys.exit(1)
	# Pieces of one element join as they are (a line broken between words
	# keeps its space; a word broken at a line end, its halves); elements
	# are apart.
	joined, last = [], None
	for at, t in texts:
		if last is not None and at != last:
			joined.append(" ")
		joined.append(t)
		last = at
	text = clean("".join(joined))
	missing = []
	total = 0
	for f in files:
		for w in long_words(f):
			total += 1
			if w not in text and (os.path.relpath(f, project), w) not in missing:
				missing.append((os.path.relpath(f, project), w))
	for f, w in missing[:MAX_SHOWN]:
		# Say what the tree has instead: the longest prefix of the word found.
		k = len(w)
		while k > 3 and w[:k] not in text:
			k -= 1
		at = text.find(w[:k])
		seen = text[max(0, at - 10):at + len(w) + 10] if k > 3 and at >= 0 else ""
		fails.append("%s: %s: the word %r is not whole in the structure text%s; expected it as one word (a line-end hyphen drawn for U+00AD)" % (
			pdf, f, w, " (nearest: %r)" % seen if seen else ""))
	if len(missing) > MAX_SHOWN:
		fails.append("%s:   ... and %d more long words not whole" % (pdf, len(missing) - MAX_SHOWN))
	h1 = headings(elems, 1)
	at = 0
	title_fails = 0
	# Spaces aside: a number and a title, or a title over two lines, may be
	# separate pieces of text in one heading.
	flat = [x.replace(" ", "") for x in h1]
	for t in titles:
		want = clean(t).replace(" ", "")
		j = next((j for j in range(at, len(h1)) if want in flat[j]), None)
		if j is None:
			title_fails += 1
			before = [x for x in flat if want in x]
			fails.append("%s: chapter title %r is not an H1 after %s; expected the chapter titles as H1 in the order of monitor.yaml (H1s: %s)" % (
				pdf, t, "the start" if at == 0 else repr(h1[at - 1]),
				"none" if not h1 else "; ".join(repr(x) for x in h1[:12]) + (" ..." if len(h1) > 12 else "")))
			if before:
				continue
		else:
			at = j + 1
	stats = "%d long words of %d Markdown files, %d chapter titles, %d elements, %d H1" % (
		total, len(files), len(titles), len(elems), len(h1))
	if fails:
		print("%s: NOT WHOLE FOR poppler (%d long words not whole, %d chapter titles not H1 in order; %s)" % (
			pdf, len(missing), title_fails, stats))
		for l in fails:
			print(l)
		sys.exit(1)
	print("%s: poppler struct-text ok (%s)" % (pdf, stats))


main()
