#!/usr/bin/python3
"""check_archival.py [--only ASPECT,...] PDF...: what PDF/A-2a asks of the
file beyond the tags, checked with pikepdf (Debian python3-pikepdf: run by
/usr/bin/python3). Prints each failure as "PDF: what" and exits 1 if any.

Aspects:
  header   %PDF-1.7 and a binary comment line; no object or xref streams
  id       trailer /ID: two equal strings of 16 bytes
  xmp      the XMP packet says what /Info says, field by field, with
           dc:language, pdfaid part 2 conformance A, pdfuaid part 1 and
           the pdfaExtension description of pdfuaid; unfiltered
  intent   one /GTS_PDFA1 output intent with an RGB ICC profile, /N 3
  links    destinations of links and outline items are direct arrays;
           every annotation is printed (/F has bit 3)
  fonts    every CIDFontType2: its CIDToGIDMap leads each CID of /W to a
           glyph of the embedded TrueType program (not .notdef), and /W
           gives that glyph's advance from hmtx, in thousandths of the em,
           within 1 (PDF/A-2 6.2.11.5; PDFBox Preflight does not check
           these fonts' widths)
"""
import re
import struct
import sys
import datetime
import xml.etree.ElementTree as ET

import pikepdf

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def check_header(pdf, raw, bad):
    lines = raw.split(b"\n", 2)
    if lines[0] != b"%PDF-1.7":
        bad("header is %r, not %%PDF-1.7" % lines[0][:20])
    if len(lines) < 2 or not lines[1].startswith(b"%") or sum(c >= 128 for c in lines[1][1:5]) < 4:
        bad("no binary comment line after the header")
    for word in (b"/ObjStm", b"/XRefStm", b"/Type /XRef"):
        if word in raw:
            bad("uses %s (object or xref streams)" % word.decode())
    if b"\ntrailer" not in raw:
        bad("no classic trailer")


def check_id(pdf, raw, bad):
    ident = pdf.trailer.get("/ID")
    if ident is None:
        bad("no trailer /ID")
        return
    v = [bytes(s) for s in ident]
    if len(v) != 2 or any(len(s) != 16 for s in v) or v[0] != v[1]:
        bad("trailer /ID is not two equal 16-byte strings: %r" % v)


def pdf_date(s):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:([+-])(\d\d)'(\d\d)'?|Z.*)?", s)
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(m.group(i)) for i in range(1, 7))
    off = 0
    if m.group(7):
        off = (1 if m.group(7) == "+" else -1) * (int(m.group(8)) * 60 + int(m.group(9)))
    return datetime.datetime(y, mo, d, h, mi, sec, tzinfo=datetime.timezone(datetime.timedelta(minutes=off)))


def xmp_date(s):
    try:
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def check_xmp(pdf, raw, bad):
    md = pdf.Root.get("/Metadata")
    if md is None:
        bad("no /Metadata in the catalogue")
        return
    if md.get("/Type") != "/Metadata" or md.get("/Subtype") != "/XML":
        bad("metadata stream is not /Type /Metadata /Subtype /XML")
    if "/Filter" in md:
        bad("metadata stream is filtered")
    data = md.read_raw_bytes()
    if not data.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'):
        bad("XMP packet header missing or wrong")
    if not re.search(rb'<\?xpacket end="[rw]"\?>\s*$', data):
        bad("XMP packet trailer missing")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        bad("XMP is not well-formed XML: %s" % e)
        return
    descs = root.findall("rdf:RDF/rdf:Description", NS)

    def find(path):
        for d in descs:
            for e in d.findall(path, NS):
                yield e

    def one(path):
        found = list(find(path))
        return found[0] if len(found) == 1 else None

    def items(prop, container):
        e = one(prop)
        if e is None:
            return None
        c = e.find("rdf:" + container, NS)
        return None if c is None else c.findall("rdf:li", NS)

    info = pdf.docinfo

    def info_str(key):
        return str(info[key]) if key in info else None

    # /Info entry -> (XMP property, container)
    title = items("dc:title", "Alt")
    want = info_str("/Title")
    if want is not None:
        if not title or len(title) != 1 or title[0].get(XML_LANG) != "x-default" or title[0].text != want:
            bad("dc:title is not exactly /Title %r (x-default)" % want)
    want = info_str("/Author")
    creator = items("dc:creator", "Seq")
    if want is not None and (not creator or len(creator) != 1 or creator[0].text != want):
        bad("dc:creator is not a Seq of exactly /Author %r" % want)
    want = info_str("/Subject")
    desc = items("dc:description", "Alt")
    if want is not None:
        if not desc or len(desc) != 1 or desc[0].get(XML_LANG) != "x-default" or desc[0].text != want:
            bad("dc:description is not exactly /Subject %r" % want)
    elif desc is not None:
        bad("dc:description without a /Subject")
    for key, prop in (("/Keywords", "pdf:Keywords"), ("/Producer", "pdf:Producer"), ("/Creator", "xmp:CreatorTool")):
        want = info_str(key)
        e = one(prop)
        if want is not None and (e is None or e.text != want):
            bad("%s is %r, /Info %s is %r" % (prop, None if e is None else e.text, key, want))
        if want is None and e is not None:
            bad("%s without %s in /Info" % (prop, key))
    for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        want = info_str(key)
        e = one(prop)
        if want is None:
            continue
        a, b = pdf_date(want), xmp_date(e.text if e is not None else "")
        if a is None or b is None or a != b or a.utcoffset() != b.utcoffset():
            bad("%s %r is not /Info %s %r (same moment, same zone)" % (prop, None if e is None else e.text, key, want))
    lang = items("dc:language", "Bag")
    want = str(pdf.Root.get("/Lang", ""))
    if not lang or [li.text for li in lang] != [want]:
        bad("dc:language is not a Bag of the catalogue's /Lang %r" % want)
    for prop, want in (("pdfaid:part", "2"), ("pdfaid:conformance", "A"), ("pdfuaid:part", "1")):
        e = one(prop)
        if e is None or e.text != want:
            bad("%s is not %s" % (prop, want))
    # PDF/A-2 6.6.2.3: a schema it does not predefine is described.
    ok = False
    for li in find("pdfaExtension:schemas/rdf:Bag/rdf:li"):
        if li.findtext("pdfaSchema:namespaceURI", None, NS) == NS["pdfuaid"] and \
           li.findtext("pdfaSchema:prefix", None, NS) == "pdfuaid":
            props = li.findall("pdfaSchema:property/rdf:Seq/rdf:li", NS)
            ok = any(p.findtext("pdfaProperty:name", None, NS) == "part" and
                     p.findtext("pdfaProperty:valueType", None, NS) == "Integer" and
                     p.findtext("pdfaProperty:category", None, NS) == "internal" and
                     p.findtext("pdfaProperty:description", None, NS) for p in props)
    if not ok:
        bad("no pdfaExtension description of the pdfuaid schema (property part, Integer, internal)")


def check_intent(pdf, raw, bad):
    intents = pdf.Root.get("/OutputIntents")
    if intents is None or len(intents) == 0:
        bad("no /OutputIntents")
        return
    pdfa = [oi for oi in intents if oi.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        bad("%d /GTS_PDFA1 output intents, want 1" % len(pdfa))
        return
    oi = pdfa[0]
    if "/OutputConditionIdentifier" not in oi:
        bad("output intent without /OutputConditionIdentifier")
    prof = oi.get("/DestOutputProfile")
    if prof is None or not isinstance(prof, pikepdf.Stream):
        bad("output intent without a /DestOutputProfile stream")
        return
    if prof.get("/N") != 3:
        bad("ICC profile /N is %r, want 3" % prof.get("/N"))
    icc = prof.read_bytes()
    if len(icc) < 128 or icc[36:40] != b"acsp" or icc[16:20] != b"RGB " or int.from_bytes(icc[:4], "big") != len(icc):
        bad("/DestOutputProfile is not an RGB ICC profile")


def check_links(pdf, raw, bad):
    n = 0
    for i, page in enumerate(pdf.pages, 1):
        for a in page.obj.get("/Annots", []):
            n += 1
            if not int(a.get("/F", 0)) & 4:
                bad("page %d: annotation %s not printed (/F %s)" % (i, a.get("/Subtype"), a.get("/F")))
            d = a.get("/Dest")
            if d is not None and (d.is_indirect or not isinstance(d, pikepdf.Array)):
                bad("page %d: link destination is not a direct array" % i)

    def walk(item):
        while item is not None:
            d = item.get("/Dest")
            if d is not None and (d.is_indirect or not isinstance(d, pikepdf.Array)):
                bad("outline item %r: destination is not a direct array" % str(item.get("/Title")))
            walk(item.get("/First"))
            item = item.get("/Next")

    outlines = pdf.Root.get("/Outlines")
    if outlines is not None:
        walk(outlines.get("/First"))


def truetype_advances(data):
    """units per em, and the advance width of every glyph, from head,
    hhea, maxp and hmtx."""
    ntables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(ntables):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = data[off:off + length]
    upem = struct.unpack(">H", tables["head"][18:20])[0]
    nmetrics = struct.unpack(">H", tables["hhea"][34:36])[0]
    nglyphs = struct.unpack(">H", tables["maxp"][4:6])[0]
    hmtx = tables["hmtx"]
    adv = [struct.unpack(">H", hmtx[4 * i:4 * i + 2])[0] for i in range(nmetrics)]
    adv += [adv[-1]] * (nglyphs - nmetrics)
    return upem, adv


def widths_of(w):
    """/W as {cid: width}."""
    out, i = {}, 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], pikepdf.Array):
            for k, x in enumerate(w[i + 1]):
                out[first + k] = float(x)
            i += 2
        else:
            for c in range(first, int(w[i + 1]) + 1):
                out[c] = float(w[i + 2])
            i += 3
    return out


def check_fonts(pdf, raw, bad):
    seen = set()
    for pg in pdf.pages:
        fonts = pg.obj.get("/Resources", {}).get("/Font", {})
        for _, f in fonts.items():
            if f.get("/Subtype") != "/Type0":
                continue
            d = f.DescendantFonts[0]
            if d.objgen in seen or d.get("/Subtype") != "/CIDFontType2":
                continue
            seen.add(d.objgen)
            name = str(d.get("/BaseFont"))
            ff = d.FontDescriptor.get("/FontFile2")
            if ff is None:
                bad("%s: no embedded TrueType program" % name)
                continue
            upem, adv = truetype_advances(ff.read_bytes())
            m = d.get("/CIDToGIDMap")
            gidmap = None if m is None or m == pikepdf.Name.Identity else m.read_bytes()
            if gidmap is not None and len(gidmap) % 2:
                bad("%s: CIDToGIDMap has an odd length" % name)
            wrong = []
            for cid, width in sorted(widths_of(d.get("/W", pikepdf.Array())).items()):
                if gidmap is None:
                    gid = cid
                elif 2 * cid + 1 < len(gidmap):
                    gid = gidmap[2 * cid] << 8 | gidmap[2 * cid + 1]
                else:
                    gid = 0
                if gid == 0 or gid >= len(adv):
                    wrong.append("CID %04X has no glyph (gid %d of %d)" % (cid, gid, len(adv)))
                    continue
                want = adv[gid] * 1000.0 / upem
                if abs(width - want) > 1:
                    wrong.append("CID %04X /W %g, the font %.1f" % (cid, width, want))
            if wrong:
                bad("%s: %d widths or glyphs wrong: %s" % (name, len(wrong), "; ".join(wrong[:5])))


CHECKS = {"header": check_header, "id": check_id, "xmp": check_xmp, "intent": check_intent, "links": check_links, "fonts": check_fonts}


def main(argv):
    aspects = list(CHECKS)
    if len(argv) > 2 and argv[1] == "--only":
        aspects = argv[2].split(",")
        argv = argv[2:]
    failures = 0
    for path in argv[1:]:
        raw = open(path, "rb").read()
        with pikepdf.open(path) as pdf:
            said = []

            def bad(what, path=path):
                nonlocal failures
                failures += 1
                said.append(what)
                if len(said) <= 10:
                    print("%s: %s" % (path, what))
            for a in aspects:
                CHECKS[a](pdf, raw, bad)
            if len(said) > 10:
                print("%s: and %d more" % (path, len(said) - 10))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
