#!/usr/bin/python3
"""Breaks one thing in a tagged PDF, so that a test can show the tag
checks catch it (a check that passes everything proves nothing).

    mutate_tagged.py IN OUT KIND

KIND: untag (the first marked sequence with an MCID and text loses its
BDC/EMC), alt (the first Figure loses /Alt and /ActualText), heading (an
H2 right after an H1 becomes H3), scope (the first TH loses its
attributes), list (the first LI becomes a P), link (the first link
annotation loses /StructParent), note (the first Note loses /ID), lang
(the catalog loses /Lang), ptree (the ParentTree names another element
for page 1's first MCID).

Exit 0 when OUT is written; 2 when IN is not tagged (no StructTreeRoot);
3 when IN has nothing of that KIND (said on stderr).
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name


def elements(pdf):
	"""Structure elements in tree order."""
	out, seen = [], set()

	def walk(e):
		if not isinstance(e, Dictionary) or "/S" not in e or e.get("/Type") in (Name.MCR, Name.OBJR):
			return
		if e.objgen in seen and e.objgen != (0, 0):
			return
		seen.add(e.objgen)
		out.append(e)
		k = e.get("/K")
		for c in (k if isinstance(k, Array) else [] if k is None else [k]):
			walk(c)
	k = pdf.Root.StructTreeRoot.get("/K")
	for c in (k if isinstance(k, Array) else [] if k is None else [k]):
		walk(c)
	return out


def first(pdf, t):
	return next((e for e in elements(pdf) if e.S == Name(t)), None)


def none(what):
	sys.stderr.write("nothing to break: %s\n" % what)
	sys.exit(3)


def untag(pdf):
	for page in pdf.pages:
		ops = list(pikepdf.parse_content_stream(page))
		for i, (o, op) in enumerate(ops):
			if str(op) != "BDC" or len(o) < 2 or not isinstance(o[1], Dictionary) or "/MCID" not in o[1]:
				continue
			depth, text = 0, False
			for j in range(i, len(ops)):
				name = str(ops[j][1])
				if name in ("BDC", "BMC"):
					depth += 1
				elif name == "EMC":
					depth -= 1
					if depth == 0:
						break
				elif name in ("Tj", "TJ", "'", '"'):
					text = True
			if text and depth == 0:
				del ops[j]
				del ops[i]
				page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
				return
	none("no marked sequence with an MCID and text")


def alt(pdf):
	e = first(pdf, "/Figure") or none("no Figure")
	for k in ("/Alt", "/ActualText"):
		if k in e:
			del e[k]


def heading(pdf):
	prev = None
	for e in elements(pdf):
		if e.S in (Name.H1, Name.H2, Name.H3, Name.H4, Name.H5, Name.H6):
			if e.S == Name.H2 and prev == Name.H1:
				e.S = Name.H3
				return
			prev = e.S
	none("no H2 right after an H1")


def scope(pdf):
	e = first(pdf, "/TH") or none("no TH")
	if "/A" in e:
		del e["/A"]


def lst(pdf):
	e = first(pdf, "/LI") or none("no LI")
	e.S = Name.P


def link(pdf):
	for page in pdf.pages:
		for a in page.obj.get("/Annots", []) or []:
			if a.get("/Subtype") == Name.Link and "/StructParent" in a:
				del a["/StructParent"]
				return
	none("no link annotation with /StructParent")


def note(pdf):
	e = first(pdf, "/Note") or none("no Note")
	if "/ID" in e:
		del e["/ID"]


def lang(pdf):
	if "/Lang" in pdf.Root:
		del pdf.Root["/Lang"]


def ptree(pdf):
	nums = {}

	def collect(node):
		if "/Nums" in node:
			for i in range(0, len(node.Nums) - 1, 2):
				nums[int(node.Nums[i])] = node.Nums[i + 1]
		for kid in node.get("/Kids", []):
			collect(kid)
	collect(pdf.Root.StructTreeRoot.ParentTree)
	for page in pdf.pages:
		arr = nums.get(int(page.obj.get("/StructParents", -1)))
		if isinstance(arr, Array) and len(arr) > 0 and isinstance(arr[0], Dictionary):
			other = next((e for e in elements(pdf) if e.objgen != arr[0].objgen), None)
			if other is not None:
				arr[0] = other
				return
	none("no page with MCID 0 in the ParentTree")


KINDS = {"untag": untag, "alt": alt, "heading": heading, "scope": scope, "list": lst,
	"link": link, "note": note, "lang": lang, "ptree": ptree}


def main():
	src, dst, kind = sys.argv[1:4]
	with pikepdf.open(src) as pdf:
		if "/StructTreeRoot" not in pdf.Root:
			sys.stderr.write("%s is not tagged (no StructTreeRoot)\n" % src)
			sys.exit(2)
		KINDS[kind](pdf)
		pdf.save(dst)


main()
