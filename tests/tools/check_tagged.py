#!/usr/bin/python3
"""Is this PDF tagged, the way PDF/UA-1 asks? The Matterhorn Protocol
checkpoints that a program can decide, read from the file with pikepdf
(Debian's python3-pikepdf), independent of the engine that wrote it:

  01-005  no painting operator outside marked content with an MCID or /Artifact
  01-00x  BT/ET and q/Q balanced inside each marked sequence; BDC/EMC paired
  02-00x  only standard structure types, or a RoleMap to them
  06-001..003  a Metadata stream with XMP, pdfuaid:part 1, dc:title
  07-001  /ViewerPreferences /DisplayDocTitle true
  11-001  /Lang on the catalog
  13-004  every Figure has /Alt or /ActualText
  14-003  no skipped heading level, in tree order; the first heading is H1
  15-003  every TH has /Scope
  16-00x  L holds only LI (or Caption), LI only Lbl and LBody
  19-003/004  every Note has an /ID, and no two the same
  10-001  every font the pages use maps its codes to Unicode (/ToUnicode)
  28-008/009  every page /Tabs /S
  28-011  every link annotation has /StructParent and is an OBJR in a Link
  28-012  every link annotation has /Contents (and, for PDF/A, the print flag)
and: /MarkInfo /Marked true; a StructTreeRoot with a ParentTree; every page
/StructParents; every MCID on a page is in the ParentTree and in the tree,
and every MCID the tree names exists on its page.

    check_tagged.py [--max N] PDF...

Prints one line per failure (page, object, what is wrong, what is
expected; at most N of one kind per page) and exits 1 on any.
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

# PDF 1.7 (ISO 32000-1, 14.8.4) standard structure types.
STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead
TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP
Warichu WT WP Figure Formula Form""".split())

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PATH_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
PAINT = TEXT_SHOW | PATH_PAINT | {"Do", "sh", "INLINE IMAGE", "BI"}

NS = {
	"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"dc": "http://purl.org/dc/elements/1.1/",
	"pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def ref(obj):
	"""'12 0 R' for an indirect object, 'direct' otherwise."""
	try:
		if obj.is_indirect:
			return "%d %d R" % obj.objgen
	except Exception:
		pass
	return "direct object"


def key(obj):
	"""An identity for an object: its object number, or the Python id."""
	try:
		if obj.is_indirect:
			return obj.objgen
	except Exception:
		pass
	return ("direct", id(obj))


def name_of(v):
	return str(v)[1:] if isinstance(v, Name) else None


class Report:
	"""Failures grouped by (checkpoint, where): one kind of failure on one
	page prints at most `limit` lines and then a count; at most `total`
	lines in all."""

	def __init__(self, pdf_name, limit, total=60):
		self.pdf_name = pdf_name
		self.limit = limit
		self.total = total
		self.groups = {}       # group -> [lines], in order of first failure
		self.counts = {}

	def fail(self, group, msg):
		n = self.counts.get(group, 0) + 1
		self.counts[group] = n
		lines = self.groups.setdefault(group, [])
		if n <= self.limit:
			lines.append("%s: %s" % (self.pdf_name, msg))

	def finish(self):
		out = []
		for group, lines in self.groups.items():
			out += lines
			n = self.counts[group]
			if n > self.limit:
				out.append("%s:   ... and %d more like the last (%s on %s)" % (
					self.pdf_name, n - self.limit, group[0], "page %s" % group[1] if isinstance(group[1], int) else group[1] or "the document"))
		if len(out) > self.total:
			cut = len(out) - self.total
			out = out[:self.total] + ["%s: ... %d more lines not shown" % (self.pdf_name, cut)]
		return out


def number_tree(node, out, seen=None):
	"""The pairs of a number tree (ParentTree) into out{int: object}."""
	seen = seen if seen is not None else set()
	k = key(node)
	if k in seen:
		return
	seen.add(k)
	if "/Nums" in node:
		nums = node.Nums
		for i in range(0, len(nums) - 1, 2):
			out[int(nums[i])] = nums[i + 1]
	if "/Kids" in node:
		for kid in node.Kids:
			number_tree(kid, out, seen)


class Tree:
	"""The structure tree, walked once in order from StructTreeRoot."""

	def __init__(self, pdf, rep):
		self.rep = rep
		self.elems = {}        # key -> element dictionary
		self.order = []        # elements, depth first in /K order
		self.parent = {}       # key -> parent key (None for the root's children)
		self.mcids = {}        # (page key, mcid) -> element key, as the tree names them
		self.objrs = {}        # annotation key -> element key
		self.rolemap = {}
		self.first_page = {}   # element key -> page key of its first content
		self.page_no = {key(p.obj): n for n, p in enumerate(pdf.pages, 1)}
		root = pdf.Root.get("/StructTreeRoot")
		self.root = root
		if root is None:
			return
		rm = root.get("/RoleMap")
		if isinstance(rm, Dictionary):
			for k, v in rm.items():
				self.rolemap[k[1:]] = name_of(v)
		kids = root.get("/K")
		if kids is None:
			rep.fail(("struct", "root"), "StructTreeRoot %s has no /K: the structure tree is empty; expected the Document element" % ref(root))
			return
		for kid in (kids if isinstance(kids, Array) else [kids]):
			self.walk(kid, None, None, 0)

	def where(self, e):
		"""'structure element 12 0 R /P (page 3)'."""
		pg = self.first_page.get(key(e))
		if pg is None and "/Pg" in e:
			pg = key(e.Pg)
		n = self.page_no.get(pg) if pg is not None else None
		return "structure element %s /%s%s" % (ref(e), name_of(e.S), " (page %d)" % n if n else "")

	def standard(self, t):
		"""The standard type a type maps to through the RoleMap, or None."""
		seen = set()
		while t is not None and t not in STANDARD:
			if t in seen:
				return None
			seen.add(t)
			t = self.rolemap.get(t)
		return t

	def walk(self, e, parent, pg, depth):
		rep = self.rep
		if not isinstance(e, Dictionary) or "/S" not in e:
			rep.fail(("struct", "kid"), "structure element %s (child of %s) is not a dictionary with /S" % (
				ref(e), ref(parent) if parent is not None else "StructTreeRoot"))
			return
		k = key(e)
		if k in self.elems:
			rep.fail(("struct", "cycle"), "structure element %s appears twice in the tree; expected each element once" % ref(e))
			return
		if depth > 200:
			rep.fail(("struct", "depth"), "structure tree deeper than 200 at %s" % ref(e))
			return
		self.elems[k] = e
		self.order.append(e)
		self.parent[k] = key(parent) if parent is not None else None
		want_p = parent if parent is not None else self.root
		if "/P" not in e or key(e.P) != key(want_p):
			rep.fail(("struct", "P"), "structure element %s /%s: /P is %s, expected its parent %s" % (
				ref(e), name_of(e.S), ref(e.P) if "/P" in e else "missing", ref(want_p)))
		if "/Pg" in e:
			pg = e.Pg
		kids = e.get("/K")
		if kids is None:
			return
		for kid in (kids if isinstance(kids, Array) else [kids]):
			if isinstance(kid, int):
				self.add_mcid(e, pg, int(kid))
			elif isinstance(kid, Dictionary):
				t = kid.get("/Type")
				if t == Name.MCR and "/Stm" in kid:
					pass    # marked content in a form XObject: not a page's
				elif t == Name.MCR:
					self.add_mcid(e, kid.get("/Pg", pg), int(kid.MCID))
				elif t == Name.OBJR:
					obj = kid.get("/Obj")
					if obj is None:
						rep.fail(("struct", "OBJR"), "OBJR in %s has no /Obj" % ref(e))
					else:
						self.objrs[key(obj)] = k
				else:
					self.walk(kid, e, pg, depth + 1)
			else:
				rep.fail(("struct", "kid"), "structure element %s has a /K entry of type %s; expected an MCID, MCR, OBJR or element" % (
					ref(e), type(kid).__name__))

	def add_mcid(self, e, pg, mcid):
		if pg is None:
			self.rep.fail(("struct", "Pg"), "structure element %s names MCID %d without a page (/Pg); expected /Pg on the element or the MCR" % (ref(e), mcid))
			return
		at = (key(pg), mcid)
		k = key(e)
		while k is not None and k not in self.first_page:
			self.first_page[k] = key(pg)
			k = self.parent.get(k)
		if at in self.mcids:
			self.rep.fail(("struct", "mcid-twice"), "MCID %d of page %s is named by both %s and %s; expected one element per MCID" % (
				mcid, ref(pg), "%d %d R" % self.mcids[at] if isinstance(self.mcids[at][0], int) else "a direct element", ref(e)))
		self.mcids[at] = key(e)


def check_catalog(pdf, rep):
	root = pdf.Root
	mi = root.get("/MarkInfo")
	if not isinstance(mi, Dictionary) or mi.get("/Marked") is not True:
		rep.fail(("MarkInfo", ""), "catalog: /MarkInfo <</Marked true>> missing; expected it in a tagged PDF")
	lang = root.get("/Lang")
	if lang is None or not str(lang).strip():
		rep.fail(("11-001", ""), "catalog: 11-001 no /Lang; expected the document's language, e.g. (nl-NL)")
	vp = root.get("/ViewerPreferences")
	if not isinstance(vp, Dictionary) or vp.get("/DisplayDocTitle") is not True:
		rep.fail(("07-001", ""), "catalog: 07-001 /ViewerPreferences /DisplayDocTitle is not true; expected true")
	if "/StructTreeRoot" not in root:
		rep.fail(("struct", "root"), "catalog: no /StructTreeRoot; expected a structure tree (the PDF is not tagged)")
	else:
		str_root = root.StructTreeRoot
		if "/ParentTree" not in str_root:
			rep.fail(("struct", "PT"), "StructTreeRoot %s has no /ParentTree; expected a number tree from StructParents to elements" % ref(str_root))
	check_xmp(root, rep)


def check_xmp(root, rep):
	md = root.get("/Metadata")
	if not isinstance(md, Stream):
		rep.fail(("06-001", ""), "catalog: 06-001 no /Metadata stream; expected XMP metadata")
		return
	try:
		data = md.read_bytes()
		# The packet wrapper's processing instructions are fine for ElementTree.
		x = ET.fromstring(data.strip(b"\0 \r\n\t"))
	except Exception as e:
		rep.fail(("06-001", ""), "Metadata %s: 06-001 not well-formed XMP (%s)" % (ref(md), e))
		return
	descs = x.findall(".//rdf:Description", NS)
	if not descs:
		rep.fail(("06-001", ""), "Metadata %s: 06-001 no rdf:Description; expected XMP" % ref(md))
	part = None
	for d in descs:
		a = d.get("{%s}part" % NS["pdfuaid"])
		if a is not None:
			part = a
		el = d.find("pdfuaid:part", NS)
		if el is not None:
			part = (el.text or "").strip()
	if part is None:
		rep.fail(("06-002", ""), "Metadata %s: 06-002 no pdfuaid:part; expected pdfuaid:part 1 (namespace %s)" % (ref(md), NS["pdfuaid"]))
	elif part.strip() != "1":
		rep.fail(("06-002", ""), "Metadata %s: 06-002 pdfuaid:part is %r; expected 1" % (ref(md), part))
	titles = [(li.text or "").strip() for li in x.findall(".//dc:title//rdf:li", NS)]
	if not any(titles):
		rep.fail(("06-003", ""), "Metadata %s: 06-003 no dc:title with text; expected dc:title/rdf:Alt/rdf:li with the document's title" % ref(md))


def check_elements(tree, rep):
	"""Types, Figures, headings, TH scope, lists, tables, notes: per element."""
	last_level = 0
	first = True
	note_ids = {}
	for e in tree.order:
		t = name_of(e.S)
		std = tree.standard(t)
		where = tree.where(e)
		if std is None:
			rep.fail(("02-001", t), "%s: 02-001 not a standard structure type and not role-mapped to one; expected a PDF 1.7 type or a /RoleMap entry" % where)
			continue
		if std != t:
			where += " (role-mapped to /%s)" % std
		kid_types = []
		kids = e.get("/K")
		for kid in (kids if isinstance(kids, Array) else ([] if kids is None else [kids])):
			if isinstance(kid, Dictionary) and "/S" in kid and kid.get("/Type") not in (Name.MCR, Name.OBJR):
				kid_types.append(tree.standard(name_of(kid.S)))
			elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
				kid_types.append("OBJR")
			else:
				kid_types.append("content")
		if std == "Figure":
			alt = e.get("/Alt")
			act = e.get("/ActualText")
			if not (alt is not None and str(alt).strip()) and not (act is not None and str(act).strip()):
				rep.fail(("13-004", ""), "%s: 13-004 Figure without /Alt or /ActualText; expected an alternative text" % where)
		if re.fullmatch(r"H[1-6]", std):
			level = int(std[1])
			if first and level != 1:
				rep.fail(("14-003", ""), "%s: 14-003 the first heading is H%d; expected H1" % (where, level))
			elif not first and level > last_level + 1:
				rep.fail(("14-003", ""), "%s: 14-003 H%d follows H%d, skipping a level; expected at most H%d" % (
					where, level, last_level, last_level + 1))
			first = False
			last_level = level
		if std == "Note":
			nid = e.get("/ID")
			if nid is None or not bytes(nid):
				rep.fail(("19-003", ""), "%s: 19-003 Note without /ID; expected a unique byte string /ID on every Note" % where)
			elif bytes(nid) in note_ids:
				rep.fail(("19-004", ""), "%s: 19-004 Note /ID %r is also the /ID of %s; expected each Note's /ID unique" % (
					where, bytes(nid).decode("latin-1"), ref(note_ids[bytes(nid)])))
			else:
				note_ids[bytes(nid)] = e
		if std == "TH":
			if not has_scope(e):
				rep.fail(("15-003", ""), "%s: 15-003 TH without /Scope; expected /A <</O /Table /Scope /Column (or /Row /Both)>>" % where)
		if std == "L":
			# Stricter than PDF 1.7's "should": a nested list goes in an LBody.
			bad = [k for k in kid_types if k not in ("LI", "Caption")]
			if bad:
				rep.fail(("16", "L"), "%s: 16 list holds %s; expected only LI (or a Caption), a nested L inside an LBody" % (where, ", ".join(sorted(set(map(str, bad))))))
		if std == "LI":
			bad = [k for k in kid_types if k not in ("Lbl", "LBody")]
			if bad:
				rep.fail(("16", "LI"), "%s: 16 list item holds %s; expected only Lbl and LBody" % (where, ", ".join(sorted(set(map(str, bad))))))
			pk = tree.parent.get(key(e))
			if pk is None or tree.standard(name_of(tree.elems[pk].S)) != "L":
				rep.fail(("16", "LI-parent"), "%s: 16 LI outside an L; expected its parent to be L" % where)
		# A Lbl may also label a note or a contents entry; an LBody is a list's.
		if std == "LBody":
			pk = tree.parent.get(key(e))
			if pk is None or tree.standard(name_of(tree.elems[pk].S)) != "LI":
				rep.fail(("16", "LI-kid"), "%s: 16 LBody outside an LI; expected its parent to be LI" % where)
		if std == "Table":
			bad = [k for k in kid_types if k not in ("TR", "THead", "TBody", "TFoot", "Caption")]
			if bad:
				rep.fail(("15", "Table"), "%s: table holds %s; expected only TR, THead, TBody, TFoot and Caption" % (where, ", ".join(sorted(set(map(str, bad))))))
		if std == "Table":
			# Every row as many cells as the others (no ColSpan is used): a
			# screen reader announces cells by column (veraPDF 7.2-42).
			widths = []
			for k in (kids if isinstance(kids, Array) else ([] if kids is None else [kids])):
				if not (isinstance(k, Dictionary) and "/S" in k):
					continue
				ks = tree.standard(name_of(k.S))
				rows = [k] if ks == "TR" else []
				if ks in ("THead", "TBody", "TFoot"):
					rk = k.get("/K")
					rows = [r for r in (rk if isinstance(rk, Array) else ([] if rk is None else [rk]))
						if isinstance(r, Dictionary) and "/S" in r and tree.standard(name_of(r.S)) == "TR"]
				for r in rows:
					ck = r.get("/K")
					widths.append(sum(1 for c in (ck if isinstance(ck, Array) else ([] if ck is None else [ck]))
							  if isinstance(c, Dictionary) and "/S" in c and tree.standard(name_of(c.S)) in ("TH", "TD")))
			if len(set(widths)) > 1:
				rep.fail(("15", "ragged"), "%s: table rows of %s cells; expected every row to have as many cells (an empty cell is an empty TD)" % (
					where, "/".join(str(w) for w in sorted(set(widths)))))
		if std in ("THead", "TBody", "TFoot"):
			bad = [k for k in kid_types if k != "TR"]
			if bad:
				rep.fail(("15", std), "%s: %s holds %s; expected only TR" % (where, std, ", ".join(sorted(set(map(str, bad))))))
		if std == "TR":
			bad = [k for k in kid_types if k not in ("TH", "TD")]
			if bad:
				rep.fail(("15", "TR"), "%s: table row holds %s; expected only TH and TD" % (where, ", ".join(sorted(set(map(str, bad))))))
		if std in ("TH", "TD", "TR"):
			pk = tree.parent.get(key(e))
			want = ("TR",) if std != "TR" else ("Table", "THead", "TBody", "TFoot")
			if pk is None or tree.standard(name_of(tree.elems[pk].S)) not in want:
				rep.fail(("15", "cell-parent"), "%s: %s outside %s; expected its parent to be %s" % (where, std, "/".join(want), " or ".join(want)))


def has_scope(e):
	attrs = e.get("/A")
	if attrs is None:
		return False
	for a in (attrs if isinstance(attrs, Array) else [attrs]):
		if isinstance(a, Dictionary) and a.get("/O") == Name.Table and a.get("/Scope") in (Name.Row, Name.Column, Name.Both):
			return True
	return False


class Content:
	"""Walks one content stream (and the forms it draws) for 01-005, the
	balance of BT/ET and q/Q inside marked sequences, and the MCIDs used."""

	def __init__(self, rep, pageno, page_ref, mcids):
		self.rep = rep
		self.pageno = pageno
		self.page_ref = page_ref
		self.mcids = mcids     # mcid -> count, filled for this page
		self.fonts = {}        # font key -> (font, resource name), as Tf selects them
		self.outside = 0

	def where(self, what):
		return "page %d (%s)%s" % (self.pageno, self.page_ref, what)

	def run(self, obj, resources, stack, label, depth=0):
		rep = self.rep
		try:
			ops = pikepdf.parse_content_stream(obj)
		except Exception as e:
			rep.fail(("content", self.pageno), "%s: content stream cannot be parsed: %s" % (self.where(label), e))
			return
		q = 0
		bt = False
		base = len(stack)
		props = resources.get("/Properties") if isinstance(resources, Dictionary) else None
		for i, (operands, op) in enumerate(ops):
			op = str(op)
			if op in ("BDC", "BMC"):
				tag = name_of(operands[0]) if operands else None
				mcid = None
				if op == "BDC" and len(operands) > 1:
					d = operands[1]
					if isinstance(d, Name) and isinstance(props, Dictionary):
						d = props.get(str(d))
					if isinstance(d, Dictionary) and "/MCID" in d:
						mcid = int(d.MCID)
				artifact = tag == "Artifact"
				in_art = any(s["artifact"] for s in stack)
				in_tag = any(s["mcid"] is not None for s in stack)
				if mcid is not None:
					if in_art:
						rep.fail(("01-005n", self.pageno), "%s: op #%d: MCID %d inside an /Artifact sequence; expected tagged content and artifacts apart" % (
							self.where(label), i, mcid))
					if in_tag:
						rep.fail(("01-005n", self.pageno), "%s: op #%d: MCID %d inside another MCID's sequence; expected marked sequences with an MCID not to nest" % (
							self.where(label), i, mcid))
					self.mcids[mcid] = self.mcids.get(mcid, 0) + 1
				elif artifact and in_tag:
					rep.fail(("01-005n", self.pageno), "%s: op #%d: /Artifact inside a tagged sequence (MCID %s); expected artifacts outside tagged content" % (
						self.where(label), i, next(s["mcid"] for s in stack if s["mcid"] is not None)))
				stack.append({"tag": tag, "mcid": mcid, "artifact": artifact, "q": q, "bt": bt, "op": i})
			elif op == "EMC":
				if len(stack) <= base:
					rep.fail(("01-bal", self.pageno), "%s: op #%d: EMC without a BDC/BMC in this stream; expected each EMC to close a sequence opened in the same stream" % (
						self.where(label), i))
					continue
				s = stack.pop()
				what = "MCID %d" % s["mcid"] if s["mcid"] is not None else "/%s" % s["tag"]
				if s["q"] != q:
					rep.fail(("01-bal", self.pageno), "%s: ops #%d-#%d: q/Q unbalanced inside the marked sequence %s (depth %d at BDC, %d at EMC); expected q and Q to pair inside it" % (
						self.where(label), s["op"], i, what, s["q"], q))
				if s["bt"] != bt:
					rep.fail(("01-bal", self.pageno), "%s: ops #%d-#%d: BT/ET unbalanced inside the marked sequence %s (%s at BDC, %s at EMC); expected BT and ET to pair inside it" % (
						self.where(label), s["op"], i, what, "in text" if s["bt"] else "outside text", "in text" if bt else "outside text"))
			elif op == "Tf" and operands and isinstance(resources, Dictionary):
				fonts = resources.get("/Font")
				f = fonts.get(str(operands[0])) if isinstance(fonts, Dictionary) else None
				if isinstance(f, Dictionary):
					self.fonts.setdefault(key(f), (f, str(operands[0])))
			elif op == "q":
				q += 1
			elif op == "Q":
				q -= 1
				if q < 0:
					rep.fail(("01-bal", self.pageno), "%s: op #%d: Q without q" % (self.where(label), i))
					q = 0
			elif op == "BT":
				if bt:
					rep.fail(("01-bal", self.pageno), "%s: op #%d: BT inside BT" % (self.where(label), i))
				bt = True
			elif op == "ET":
				if not bt:
					rep.fail(("01-bal", self.pageno), "%s: op #%d: ET without BT" % (self.where(label), i))
				bt = False
			if op in PAINT:
				tagged = any(s["artifact"] or s["mcid"] is not None for s in stack)
				form = None
				if op == "Do" and operands and isinstance(resources, Dictionary):
					xo = resources.get("/XObject")
					form = xo.get(str(operands[0])) if isinstance(xo, Dictionary) else None
					if not (isinstance(form, Stream) and form.get("/Subtype") == Name.Form):
						form = None
				if form is not None and depth < 10:
					# A form's own content is judged operator by operator,
					# in the marked content around the Do.
					# A form with /StructParents has MCIDs of its own, in
					# its own ParentTree entry, not the page's: those are
					# not counted (nor checked) here.
					sub = form.get("/Resources", resources)
					saved = self.mcids
					if "/StructParents" in form:
						self.mcids = {}
					self.run(form, sub, stack, "%s, form %s %s" % (label, operands[0], ref(form)), depth + 1)
					self.mcids = saved
				elif not tagged:
					self.outside += 1
					rep.fail(("01-005", self.pageno), "%s: op #%d: 01-005 '%s'%s outside tagged content; expected it inside /TAG <</MCID n>> BDC ... EMC or /Artifact BMC ... EMC" % (
						self.where(label), i, op, " " + str(operands[0]) if op == "Do" and operands else ""))
		while len(stack) > base:
			s = stack.pop()
			rep.fail(("01-bal", self.pageno), "%s: op #%d: %s %s not closed by EMC at the end of the stream; expected every BDC/BMC closed in its stream" % (
				self.where(label), s["op"], "BDC" if s["mcid"] is not None else "BMC", "MCID %d" % s["mcid"] if s["mcid"] is not None else "/%s" % s["tag"]))
		if q != 0:
			rep.fail(("01-bal", self.pageno), "%s: %d q without Q at the end of the stream" % (self.where(label), q))


def check_pages(pdf, tree, rep):
	ptree = {}
	root = pdf.Root.get("/StructTreeRoot")
	if root is not None and "/ParentTree" in root:
		number_tree(root.ParentTree, ptree)
		nk = root.get("/ParentTreeNextKey")
		# Optional in ISO 32000-1; wrong when present and not past every key.
		if ptree and nk is not None and int(nk) <= max(ptree):
			rep.fail(("struct", "PTNK"), "StructTreeRoot %s: /ParentTreeNextKey is %s; expected more than the largest ParentTree key %d" % (
				ref(root), nk, max(ptree)))
	page_mcids = {}
	fonts_seen = set()
	for n, page in enumerate(pdf.pages, 1):
		pobj = page.obj
		pref = ref(pobj)
		pk = key(pobj)
		tabs = pobj.get("/Tabs")
		if not (isinstance(tabs, Name) and tabs == Name.S):
			rep.fail(("28-009", ""), "page %d (%s): 28-009 /Tabs is %s; expected the name /S" % (
				n, pref, "missing" if tabs is None else "the string (%s)" % tabs if isinstance(tabs, pikepdf.String) else str(tabs)))
		mcids = {}
		c = Content(rep, n, pref, mcids)
		if "/Contents" in pobj:
			c.run(page, pobj.get("/Resources", Dictionary()), [], "")
		page_mcids[pk] = mcids
		for fk, (f, fname) in c.fonts.items():
			if fk in fonts_seen:
				continue
			fonts_seen.add(fk)
			if not maps_to_unicode(f):
				rep.fail(("10-001", ""), "page %d (%s): font %s %s (/%s %s): 10-001 its codes do not map to Unicode; expected a /ToUnicode CMap" % (
					n, pref, fname, ref(f), name_of(f.get("/Subtype")), f.get("/BaseFont", "")))
		for m, cnt in mcids.items():
			if cnt > 1:
				rep.fail(("mcid", n), "page %d (%s): MCID %d is used by %d marked sequences; expected each MCID once per page" % (n, pref, m, cnt))
		sp = pobj.get("/StructParents")
		if sp is None:
			rep.fail(("StructParents", ""), "page %d (%s): no /StructParents; expected the page's key in the ParentTree" % (n, pref))
			arr = None
		else:
			arr = ptree.get(int(sp))
			if arr is None and mcids:
				rep.fail(("mcid", n), "page %d (%s): /StructParents %d has no entry in the ParentTree; expected an array of the elements of MCIDs 0..%d" % (
					n, pref, int(sp), max(mcids)))
		for m in sorted(mcids):
			owner = None
			if arr is not None:
				if not isinstance(arr, Array) or m >= len(arr) or not isinstance(arr[m], Dictionary):
					rep.fail(("mcid", n), "page %d (%s): MCID %d has no element in ParentTree[%s]; expected its structure element at index %d" % (
						n, pref, m, sp, m))
				else:
					owner = arr[m]
					if key(owner) not in tree.elems:
						rep.fail(("mcid", n), "page %d (%s): MCID %d: ParentTree[%s][%d] is %s, which is not in the structure tree; expected an element reachable from StructTreeRoot" % (
							n, pref, m, sp, m, ref(owner)))
			at = tree.mcids.get((pk, m))
			if at is None:
				rep.fail(("mcid", n), "page %d (%s): MCID %d is in no structure element's /K; expected an element naming it (with /Pg this page)" % (n, pref, m))
			elif owner is not None and key(owner) != at:
				rep.fail(("mcid", n), "page %d (%s): MCID %d: ParentTree says %s, the tree says %s; expected the same element" % (
					n, pref, m, ref(owner), "%d %d R" % at if isinstance(at[0], int) else "a direct element"))
		check_annots(pobj, n, pref, ptree, tree, rep)
	for (pgk, m), ek in tree.mcids.items():
		e = tree.elems[ek]
		if pgk not in page_mcids:
			rep.fail(("mcid", "tree"), "structure element %s /%s names MCID %d on %s, which is not a page of the document" % (
				ref(e), name_of(e.S), m, "%d %d R" % pgk if isinstance(pgk[0], int) else "a direct object"))
		elif m not in page_mcids[pgk]:
			n = next(i for i, p in enumerate(pdf.pages, 1) if key(p.obj) == pgk)
			rep.fail(("mcid", "tree"), "structure element %s /%s names MCID %d on page %d, which has no such marked content; expected every MCID in the tree drawn on its page" % (
				ref(e), name_of(e.S), m, n))


def maps_to_unicode(f):
	"""A ToUnicode CMap, or a simple font whose standard encoding (and no
	symbolic glyph names) says what each code is."""
	if "/ToUnicode" in f:
		return True
	sub = f.get("/Subtype")
	if sub in (Name.Type0, Name.Type3):
		return False
	enc = f.get("/Encoding")
	if isinstance(enc, Dictionary):
		enc = enc.get("/BaseEncoding")
	return enc in (Name.WinAnsiEncoding, Name.MacRomanEncoding, Name.StandardEncoding) or \
		(enc is None and str(f.get("/BaseFont", "")) in ("/Helvetica", "/Times-Roman", "/Courier"))


def check_annots(pobj, n, pref, ptree, tree, rep):
	for a in pobj.get("/Annots", []) or []:
		if not isinstance(a, Dictionary):
			continue
		sub = a.get("/Subtype")
		if sub in (Name.Popup, Name.PrinterMark):
			continue
		where = "page %d (%s): %s annotation %s" % (n, pref, name_of(sub), ref(a))
		sp = a.get("/StructParent")
		want = "Link" if sub == Name.Link else "Annot"
		if sp is None:
			rep.fail(("28-011", n), "%s: 28-011 no /StructParent; expected it to be an OBJR in a %s element" % (where, want))
		else:
			e = ptree.get(int(sp))
			if not isinstance(e, Dictionary) or "/S" not in e:
				rep.fail(("28-011", n), "%s: 28-011 /StructParent %d names no element in the ParentTree; expected the %s element holding its OBJR" % (where, int(sp), want))
			else:
				t = tree.standard(name_of(e.S))
				if key(e) not in tree.elems:
					rep.fail(("28-011", n), "%s: 28-011 ParentTree[%d] is %s, not in the structure tree" % (where, int(sp), ref(e)))
				elif sub == Name.Link and t != "Link":
					rep.fail(("28-011", n), "%s: 28-011 its structure parent %s is /%s; expected /Link" % (where, ref(e), t))
				if tree.objrs.get(key(a)) != key(e):
					rep.fail(("28-011", n), "%s: 28-011 no OBJR for it in %s; expected <</Type /OBJR /Obj %s>> among its /K" % (where, ref(e), ref(a)))
		if sub == Name.Link:
			c = a.get("/Contents")
			if c is None or not str(c).strip():
				rep.fail(("28-012", n), "%s: 28-012 no /Contents; expected a description of the link's target" % where)
		# PDF/A (6.3.2) as the issue asks: annotations print.
		if not int(a.get("/F", 0)) & 4:
			rep.fail(("print", n), "%s: /F is %d, without the print flag; expected /F 4" % (where, int(a.get("/F", 0))))


def check(path, limit):
	rep = Report(path, limit)
	try:
		pdf = pikepdf.open(path)
	except Exception as e:
		return ["%s: pikepdf cannot open it: %s" % (path, e)], "not read"
	with pdf:
		check_catalog(pdf, rep)
		tree = Tree(pdf, rep)
		check_elements(tree, rep)
		check_pages(pdf, tree, rep)
		if tree.root is not None and not tree.order:
			rep.fail(("struct", "empty"), "the structure tree has no elements; expected Document and its parts")
		stats = "%d pages, %d structure elements, %d MCIDs in the tree" % (len(pdf.pages), len(tree.order), len(tree.mcids))
	lines = rep.finish()
	return lines, "%d failures; %s" % (sum(rep.counts.values()), stats)


def main():
	args = sys.argv[1:]
	limit = 3
	if len(args) >= 2 and args[0] == "--max":
		limit = int(args[1])
		args = args[2:]
	if not args:
		sys.exit(__doc__)
	bad = 0
	for path in args:
		lines, stats = check(path, limit)
		if lines:
			bad += 1
			print("%s: NOT TAGGED AS REQUIRED (%s)" % (path, stats))
			for l in lines:
				print(l)
		else:
			print("%s: tagged ok (%s)" % (path, stats))
	sys.exit(1 if bad else 0)


main()
