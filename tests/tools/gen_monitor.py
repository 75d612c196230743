#!/usr/bin/env python3
"""Writes a monitor project the engine has not seen, from docs/FORMAT.md
alone: a made-up municipality with wijken and buurten, a catalogue, two
observation files (Dutch `;` and English `,`), and chapters of every kind
with every block kind: Markdown with sections, subsections, bullet, ordered
and nested lists, block quotes, links, emphasis and footnotes; tables by
years and by areas; line, bar, column, dot and heatmap charts; quotes;
images; goals, interventions and stories. What it draws from (names,
words, numbers, which blocks go where) varies with the seed.

    gen_monitor.py DIR [SEED]

Standard library only; the same seed writes the same files.
"""
import os
import random
import struct
import sys
import zlib

LONG_WORDS = [
	"ondersteuningsbehoefte", "arbeidsmarktparticipatie", "schuldhulpverlening",
	"jeugdgezondheidszorg", "mantelzorgondersteuning", "woningcorporaties",
	"gezondheidsachterstanden", "maatschappelijke", "vroegsignalering",
	"armoedebestrijding", "laaggeletterdheid", "inkomensondersteuning",
	"participatievoorzieningen", "buurtsportcoaches", "keukentafelgesprekken",
	"huishoudelijke", "wijkverpleegkundigen", "schoolmaatschappelijk",
	"vrijwilligersorganisaties", "gemeenteraadsleden", "toegankelijkheid",
	"samenwerkingsafspraken", "jongerenwerkers", "bewonersinitiatieven",
]
SHORT = ("de het een en in van voor met op bij zij wij ook niet meer minder "
	"inwoners buurt wijk zorg hulp werk geld school thuis team jaar gemeente "
	"samen vaak soms goed beter snel dichtbij").split()
PLACES = ["Beekveld", "Rietmeer", "Hoogwoud", "Zandvoorde", "Lindendal", "Oosterbroek",
	"Weiland", "Kerkhoven", "Molenkamp", "Eikenrode", "Dijkzicht", "Heidebos",
	"Veenhuizen", "Brugstede", "Akkerveld", "Waterkant", "Midden-Veld", "Noord-Akker"]
PEOPLE = ["Anna de Wit", "Mohamed El Idrissi", "Sanne Jansen", "Kees Visser", "Priya Ramdin", "Tom Bakker"]


def sentence(r, words=12):
	w = [r.choice(SHORT if r.random() < 0.75 else LONG_WORDS) for _ in range(words)]
	return w[0].capitalize() + " " + " ".join(w[1:]) + "."


def paragraph(r, n=3):
	return " ".join(sentence(r, r.randint(8, 16)) for _ in range(n))


def png(path, w, h, seed):
	"""A small RGB gradient, so that an image block has something to show."""
	rows = []
	for y in range(h):
		row = bytearray([0])
		for x in range(w):
			row += bytes(((x * 255 // w + seed) % 256, (y * 255 // h) % 256, (x + y + 3 * seed) % 256))
		rows.append(bytes(row))

	def chunk(t, d):
		return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
	data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
		chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
	with open(path, "wb") as f:
		f.write(data)


def q(s):
	"""A YAML double-quoted string."""
	return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
	out = sys.argv[1]
	seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
	r = random.Random(seed)
	for d in ("chapters", "text", "data", "images"):
		os.makedirs(os.path.join(out, d), exist_ok=True)

	def write(rel, text):
		with open(os.path.join(out, rel), "w", encoding="utf-8") as f:
			f.write(text)

	# Areas: one gemeente, 3 or 4 wijken of 2 to 4 buurten, Nederland and G40.
	places = PLACES[:]
	r.shuffle(places)
	gm_num = r.randint(1000, 1999)
	gm_code = "GM%04d" % gm_num
	gm_name = places.pop()
	areas = [("NL01", "Nederland", "land", ""), ("G40", "G40-gemeenten", "reference", ""),
		(gm_code, gm_name, "gemeente", "")]
	wijken, buurten = [], []
	for wi in range(1, r.randint(3, 4) + 1):
		wk = "WK%04d%02d" % (gm_num, wi)
		areas.append((wk, places.pop(), "wijk", gm_code))
		wijken.append(wk)
		for bi in range(1, r.randint(2, 4) + 1):
			bu = "BU%04d%02d%02d" % (gm_num, wi, bi)
			areas.append((bu, "%s %s" % (areas[-bi][1].split()[0] if bi > 1 else areas[-1][1], ["Noord", "Zuid", "Oost", "West"][bi - 1]), "buurt", wk))
			buurten.append(bu)
	write("data/areas.csv", "code;naam;niveau;ouder\n" + "".join("%s;%s;%s;%s\n" % a for a in areas))

	# The catalogue.
	inds = [
		dict(id="bijstand", name="Inwoners met bijstandsuitkering", unit="percent", polarity="lower-is-better",
			source="CBS, Statistiek bijstandsuitkeringen", base=4.0, target=3.0, file="nl"),
		dict(id="eenzaam", name="Volwassenen die zich eenzaam voelen", unit="percent", polarity="lower-is-better",
			source="GGD, Gezondheidsmonitor", base=45.0, target=None, file="en"),
		dict(id="wmo", name="Wmo-cliënten per 1.000 inwoners", unit="per-1000", polarity="neutral",
			source="CBS, Monitor Sociaal Domein", base=55.0, target=None, file="nl"),
		dict(id="jeugdhulp", name="Jongeren met jeugdhulp", unit="percent", polarity="lower-is-better",
			source="CBS, Beleidsinformatie Jeugd", base=10.0, target=9.0, file="nl"),
		dict(id="gezond", name="Ervaren gezondheid goed of zeer goed", unit="percent", polarity="higher-is-better",
			source="GGD, Gezondheidsmonitor", base=75.0, target=80.0, file="en"),
		dict(id="participatie", name="Rapportcijfer meedoen in de buurt", unit="score", polarity="higher-is-better",
			source="Gemeente, Burgerpeiling", base=6.5, target=7.0, file="en"),
	]
	lines = []
	for i in inds:
		lines.append("- id: %s\n  name: %s\n  definition: %s\n  unit: %s\n  polarity: %s\n  source: %s\n" % (
			i["id"], q(i["name"]), q(sentence(r, 10)), i["unit"], i["polarity"], q(i["source"])))
		if i["target"] is not None:
			lines.append("  target: {value: %s, year: 2026}\n" % i["target"])
	write("data/indicators.yaml", "".join(lines))

	# Observations 2016-2023 for every area, half in a Dutch file, half in
	# an English one.
	years = list(range(2016, 2024))
	nl = ["indicator;gebied;jaar;waarde\n"]
	en = ["indicator,area,year,value\n"]
	for i in inds:
		for code, _, level, _ in areas:
			v = i["base"] * r.uniform(0.8, 1.2)
			for y in years:
				v = max(0.5, v * r.uniform(0.95, 1.05))
				if i["unit"] == "score":
					v = min(v, 9.5)
				if i["unit"] == "percent":
					v = min(v, 95.0)
				if i["file"] == "nl":
					nl.append("%s;%s;%d;%s\n" % (i["id"], code, y, ("%.1f" % v).replace(".", ",")))
				else:
					en.append("%s,%s,%d,%.1f\n" % (i["id"], code, y, v))
	write("data/registraties.csv", "".join(nl))
	write("data/enquete.csv", "".join(en))

	png(os.path.join(out, "images/wijkteam.png"), 96, 64, seed)
	png(os.path.join(out, "images/buurt.png"), 64, 64, seed + 7)

	# Markdown: sections, lists, quotes, links, emphasis, footnotes.
	def md(title_words=True):
		parts = [paragraph(r, 2) + "[^een]", "",
			"# " + r.choice(["Wat we zien", "Wat we willen", "Hoe het gaat"]), "",
			paragraph(r, 2) + " Meer op [de website van de gemeente](https://www.example.org/monitor) en "
			"bij *het wijkteam* of **de bibliotheek**.", "",
			"- " + sentence(r, 6), "- " + sentence(r, 7), "  - " + sentence(r, 5), "  - " + sentence(r, 5),
			"- " + sentence(r, 6), "",
			"## " + r.choice(["Voorbeelden", "In de buurt", "Samen met partners"]), "",
			"1. " + sentence(r, 6), "2. " + sentence(r, 6), "3. " + sentence(r, 8), "",
			"> " + sentence(r, 12) + "[^twee]", "",
			paragraph(r, 3), "",
			"[^een]: " + sentence(r, 9),
			"[^twee]: Zie " + r.choice(LONG_WORDS) + " in de begrippenlijst.", ""]
		return "\n".join(parts)

	chapters = []

	def chapter(name, text):
		chapters.append("chapters/%s.yaml" % name)
		write("chapters/%s.yaml" % name, text)

	chapter("01-voorwoord", "kind: foreword\ntitle: Voorwoord\ntext: |\n  %s\n\n  %s\nsigned: {name: %s, role: wethouder Sociaal Domein}\n" % (
		paragraph(r, 3), paragraph(r, 2) + " Lees meer op [onze website](https://www.example.org/).", q(r.choice(PEOPLE))))
	write("text/leeswijzer.md", md())
	chapter("02-leeswijzer", "kind: text\ntitle: Leeswijzer\ntext: {file: text/leeswijzer.md}\nblocks:\n"
		"  - image: {file: images/buurt.png, caption: %s, credit: Gemeente %s}\n"
		"  - table: {indicators: [bijstand, wmo, gezond], areas: [%s, NL01], years: 2019-2023, title: Drie kerncijfers}\n" % (
			q("Een buurt in " + gm_name), gm_name, gm_code))
	chapter("03-kernboodschappen", "kind: summary\ntitle: Kernboodschappen\nmessages:\n" + "".join(
		"  - {title: %s, text: %s}\n" % (q(t), q(sentence(r, 14))) for t in ["Meer inwoners doen mee", "Zorg dichtbij", "Geldzorgen blijven"]))

	themes = [("Bestaanszekerheid", ["bijstand", "participatie"]), ("Gezondheid en zorg", ["gezond", "eenzaam", "wmo"]),
		("Jeugd", ["jeugdhulp", "gezond"])]
	r.shuffle(themes)
	themes = themes[:r.randint(2, 3)]
	for n, (title, ids) in enumerate(themes, 4):
		slug = "thema%d" % n
		write("text/%s.md" % slug, md())
		goals = []
		for g, ind in enumerate(ids, 1):
			goals.append("  - id: T%d%d\n    title: %s\n    level: effect\n    indicators: [%s]\n    status: %s\n    explanation: %s\n" % (
				n, g, q(sentence(r, 5)[:-1]), ind, r.choice(["auto", "on-track", "attention", "off-track"]), q(sentence(r, 10))))
		others = [i["id"] for i in inds]
		blocks = [
			"  - text: %s\n" % q(paragraph(r, 2)),
			"  - table: {indicators: [%s], areas: [%s, NL01], years: 2019-2023, title: %s}\n" % (", ".join(ids), gm_code, q("Cijfers over " + title.lower())),
			"  - table: {indicators: [%s], areas: wijken, year: latest, columns: [value, change, reference, target, status]}\n" % ids[0],
			"  - chart: {type: line, indicator: %s, areas: [%s, NL01, G40], years: 2016-2023}\n" % (ids[0], gm_code),
			"  - chart: {type: bar, indicator: %s, areas: buurten, year: latest, reference: %s}\n" % (ids[-1], gm_code),
			"  - chart: {type: column, indicator: %s, areas: [%s, NL01], years: last-5}\n" % (r.choice(ids), gm_code),
			"  - chart: {type: dot, indicators: [%s], year: latest, reference: NL01, title: %s}\n" % (
				", ".join(r.sample(others, 3)), q("%s naast Nederland" % gm_name)),
			"  - chart: {type: heatmap, indicators: [%s], areas: wijken, year: latest, reference: %s, title: %s}\n" % (
				", ".join(r.sample(others, 3)), gm_code, q("De wijken vergeleken")),
			"  - quote: {text: %s, source: %s}\n" % (q(sentence(r, 14)), q("Inwoner %s, %d jaar" % (r.choice(places), r.randint(19, 88)))),
			"  - image: {file: images/wijkteam.png, caption: %s}\n" % q("Het wijkteam van " + r.choice(places)),
		]
		head, tail = blocks[:1], blocks[1:]
		r.shuffle(tail)
		chapter("%02d-%s" % (n, slug), "kind: theme\ntitle: %s\nprogramme: %d Sociaal domein\nvision: {file: text/%s.md}\ngoals:\n%sstatus:\n%s"
			"interventions:\n  - title: %s\n    goals: [T%d1]\n    description: %s\n    partners: [%s, %s]\n"
			"    reach: {value: %d, unit: huishoudens}\n    budget: {planned: %d, actual: %d}\n    status: on-track\n"
			"stories:\n  - {title: %s, text: %s}\n" % (
				q(title), n, slug, "".join(goals), "".join(head + tail),
				q(sentence(r, 4)[:-1]), n, q(paragraph(r, 1)), q("Stichting " + r.choice(places)), q("Wijkteam " + r.choice(places)),
				r.randint(50, 900), r.randint(100, 2000), r.randint(80, 2000),
				q("%s (%d)" % (r.choice(["Sandra", "Ahmed", "Lotte", "Wim"]), r.randint(20, 80))), q(paragraph(r, 2))))
	n = 4 + len(themes)
	chapter("%02d-wijken" % n, "kind: areas\ntitle: Wijken en buurten\ntext: %s\nareas: wijken\nindicators: [bijstand, jeugdhulp, eenzaam]\nthreshold: 2\n" % q(sentence(r, 12)))
	chapter("%02d-begrippen" % (n + 1), "kind: definitions\ntitle: Begrippen en bronnen\n")
	chapter("%02d-colofon" % (n + 2), "kind: colophon\ntitle: Colofon\n")

	write("monitor.yaml", """title: Sociale Monitor
subtitle: %s
municipality: {name: %s, code: %s}
edition: 2024
cycle: {document: jaarstukken, year: 2023}
published: 2024-06-10
state: final
layout: %s
references: [NL01, G40]
baseline: 2019
colophon:
  publisher: Gemeente %s, team Onderzoek
  editors: [%s, %s]
  contact: onderzoek@example.org
  reuse: Overname van cijfers is toegestaan met bronvermelding.
data:
  areas: data/areas.csv
  indicators: data/indicators.yaml
  observations: [data/registraties.csv, data/enquete.csv]
chapters:
%s""" % (q("Hoe gaat het met de inwoners van %s?" % gm_name), gm_name, gm_code, r.choice(["standaard", "stad", "zwartwit"]),
		gm_name, q(PEOPLE[0]), q(PEOPLE[1]), "".join("  - %s\n" % c for c in chapters)))


main()
