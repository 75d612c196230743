#!/usr/bin/python3
"""Checks a tagged PDF where the device makes it: the marked content of
every page against the structure tree.

  - the catalogue says /MarkInfo << /Marked true >> and has a
    StructTreeRoot; every page has /StructParents and /Tabs /S;
  - on every page, BDC/EMC are balanced, and each marked-content sequence
    holds whole text objects (BT ET) and graphics states (q Q); nothing is
    drawn or set outside them but a clip (q, re, W n, Q);
  - every MCID on a page is held by exactly one element of the tree (as a
    number on the element's /Pg, or a marked-content reference), every
    MCID the tree names exists on its page, and the ParentTree maps each
    page's MCIDs to those elements;
  - every element has a standard type, its parent as /P, and content;
    each is reached once;
  - every link annotation has /StructParent, /Contents, the print flag,
    and sits in a Link element as an object reference, which the
    ParentTree names for its key.

    check_device_tags.py PDF

Prints what is wrong and exits 1. Needs pikepdf (Debian python3-pikepdf).
"""
import sys

import pikepdf
from pikepdf import Name

STANDARD = set(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private "
    "H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot "
    "Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP "
    "Figure Formula Form".split())
# What may stand outside marked content: a clip and its graphics state.
OUTSIDE_OK = {"q", "Q", "re", "W", "W*", "n"}

problems = []


def bad(msg):
    problems.append(msg)


def key_of(obj):
    return obj.objgen


def page_marks(page, number):
    """The MCIDs of a page's content, in order, checking the operators."""
    mcids = []
    stack = []          # open marked content: [tag, text depth, q depth]
    text = q = 0
    props = page.obj.get("/Resources", {}).get("/Properties", {})
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = None
            if op == "BDC":
                p = operands[1]
                if isinstance(p, Name):
                    p = props.get(p, {})
                if "/MCID" in p:
                    mcid = int(p["/MCID"])
            if mcid is not None:
                mcids.append(mcid)
            elif tag != "/Artifact":
                bad("page %d: %s sequence without an MCID" % (number, tag))
            stack.append([tag, text, q])
            continue
        if op == "EMC":
            if not stack:
                bad("page %d: EMC without BDC" % number)
                continue
            tag, t0, q0 = stack.pop()
            if text != t0:
                bad("page %d: a %s sequence ends inside a text object (BT without ET)" % (number, tag))
            if q != q0:
                bad("page %d: a %s sequence ends with q and Q unbalanced" % (number, tag))
            continue
        if op == "BT":
            text += 1
            if text > 1:
                bad("page %d: BT inside BT" % number)
        elif op == "ET":
            text -= 1
        elif op == "q":
            q += 1
        elif op == "Q":
            q -= 1
            if stack and q < stack[-1][2]:
                bad("page %d: Q inside a %s sequence restores a state saved before it" % (number, stack[-1][0]))
        if not stack and op not in OUTSIDE_OK:
            bad("page %d: %s outside marked content" % (number, op))
    if stack:
        bad("page %d: %d marked-content sequences not closed" % (number, len(stack)))
    if text:
        bad("page %d: BT without ET" % number)
    if q:
        bad("page %d: q and Q unbalanced" % number)
    if len(set(mcids)) != len(mcids):
        bad("page %d: an MCID is used twice" % number)
    return mcids


def kids_of(elem):
    k = elem.get("/K")
    if k is None:
        return []
    if isinstance(k, pikepdf.Array):
        return list(k)
    return [k]


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    mi = root.get("/MarkInfo")
    if mi is None or not bool(mi.get("/Marked", False)):
        bad("the catalogue has no /MarkInfo << /Marked true >>")
    tree = root.get("/StructTreeRoot")
    if tree is None:
        bad("the catalogue has no /StructTreeRoot")
        return
    pages = {}          # page objgen -> number (1-based)
    marks = {}          # page objgen -> set of MCIDs
    for i, page in enumerate(pdf.pages):
        pages[page.obj.objgen] = i + 1
        marks[page.obj.objgen] = set(page_marks(page, i + 1))
        if "/StructParents" not in page.obj:
            bad("page %d has no /StructParents" % (i + 1))
        if page.obj.get("/Tabs") != Name.S:
            bad("page %d has no /Tabs /S" % (i + 1))

    held = {}           # (page objgen, MCID) -> element objgen
    objrs = {}          # annotation objgen -> element objgen
    types = {}          # element objgen -> its /S
    top = kids_of(tree)
    if len(top) != 1:
        bad("StructTreeRoot /K has %d elements, want the Document alone" % len(top))
    stack = [(k, tree) for k in reversed(top)]
    while stack:
        elem, parent = stack.pop()
        if not elem.is_indirect:
            bad("a structure element is a direct object")
            continue
        g = elem.objgen
        if g in types:
            bad("element %r is reached twice" % (g,))
            continue
        s = str(elem.get("/S", ""))
        types[g] = s
        if s[1:] not in STANDARD:
            bad("element %r has type %s, not a standard one" % (g, s))
        p = elem.get("/P")
        if p is None or p.objgen != parent.objgen:
            bad("element %r (%s): /P is not its parent" % (g, s))
        pg = elem.get("/Pg")
        kids = kids_of(elem)
        # An empty table cell is kept, so that its row keeps its columns.
        if not kids and parent is not tree and s not in ("/TD", "/TH"):
            bad("element %r (%s) has no content" % (g, s))
        below = []
        for k in kids:
            if isinstance(k, int):
                if pg is None:
                    bad("element %r (%s) has an MCID but no /Pg" % (g, s))
                    continue
                where = (pg.objgen, k)
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.MCR:
                where = (k.Pg.objgen, int(k.MCID))
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.OBJR:
                a = k.Obj.objgen
                if a in objrs:
                    bad("annotation %r is in the tree twice" % (a,))
                objrs[a] = g
                continue
            elif isinstance(k, pikepdf.Dictionary):
                below.append((k, elem))
                continue
            else:
                bad("element %r (%s) has a kid that is no element, MCID or reference" % (g, s))
                continue
            if where in held:
                bad("MCID %d of page %s is held twice" % (where[1], pages.get(where[0])))
            held[where] = g
            if where[0] not in marks or where[1] not in marks[where[0]]:
                bad("element %r (%s) names MCID %d on page %s, which has no such sequence"
                    % (g, s, where[1], pages.get(where[0])))
        stack.extend(reversed(below))

    for pgk, ms in marks.items():
        for m in ms:
            if (pgk, m) not in held:
                bad("MCID %d on page %d is in no element" % (m, pages[pgk]))

    ptree = tree.get("/ParentTree")
    if ptree is None:
        bad("StructTreeRoot has no /ParentTree")
        return
    nt = pikepdf.NumberTree(ptree)
    keys = [k for k, _ in nt.items()]
    nxt = tree.get("/ParentTreeNextKey")
    if nxt is None or (keys and int(nxt) <= max(keys)):
        bad("/ParentTreeNextKey %r is not above every key of the ParentTree" % nxt)
    for page in pdf.pages:
        n = pages[page.obj.objgen]
        sp = page.obj.get("/StructParents")
        if sp is None:
            continue
        ms = marks[page.obj.objgen]
        if int(sp) not in nt:
            if ms:
                bad("page %d: its key %d is not in the ParentTree" % (n, int(sp)))
            continue
        arr = nt[int(sp)]
        for m in ms:
            if m >= len(arr) or arr[m].objgen != held.get((page.obj.objgen, m)):
                bad("page %d: the ParentTree does not map MCID %d to the element that holds it" % (n, m))
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != Name.Link:
                continue
            what = "page %d: link annotation %r" % (n, annot.objgen)
            c = annot.get("/Contents")
            if c is None or not str(c).strip():
                bad(what + " has no /Contents")
            if not int(annot.get("/F", 0)) & 4:
                bad(what + " is not printed (/F 4)")
            e = objrs.get(annot.objgen)
            if e is None:
                bad(what + " is not in the structure tree")
            elif types[e] != "/Link":
                bad(what + " is in a %s element, not a Link" % types[e])
            k = annot.get("/StructParent")
            if k is None:
                bad(what + " has no /StructParent")
            elif int(k) not in nt or nt[int(k)].objgen != e:
                bad(what + ": the ParentTree does not name its Link element for its key")


main(sys.argv[1])
if problems:
    for p in problems[:20]:
        print(p)
    if len(problems) > 20:
        print("... and %d more" % (len(problems) - 20))
    sys.exit(1)
