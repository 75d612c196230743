#!/usr/bin/env python3
"""Random monitor projects for the privacy audit: a gemeente with a few
wijken of a few buurten each, and indicators with small random counts
(some buurten empty, some pairs that are small together), for three
periods. Fixed seeds: the same projects every run.

    random_hierarchy.py DIR SEED
"""
import os
import random
import sys


def main(out, seed):
    rnd = random.Random(seed)
    os.makedirs(out + "/data", exist_ok=True)
    os.makedirs(out + "/chapters", exist_ok=True)
    gm = "GM%04d" % (9000 + seed % 1000)
    with open(out + "/monitor.yaml", "w") as f:
        f.write("title: Willekeurig %d\nmunicipality: {name: Willekeurig, code: %s}\n"
                "edition: 2024\npublished: 2024-03-01\ndata:\n  areas: data/areas.csv\n"
                "  indicators: data/indicators.yaml\n  observations: [data/obs.csv]\n"
                "chapters: [chapters/tekst.yaml]\n" % (seed, gm))
    with open(out + "/chapters/tekst.yaml", "w") as f:
        f.write("kind: text\ntitle: Cijfers\ntext: Willekeurige cijfers.\n")
    buurten = []
    with open(out + "/data/areas.csv", "w") as f:
        f.write("code;naam;niveau;ouder\nNL01;Nederland;land;\n%s;Willekeurig;gemeente;\n" % gm)
        for w in range(rnd.randint(2, 5)):
            wk = "WK%s%02d" % (gm[2:], w + 1)
            f.write("%s;Wijk %d;wijk;%s\n" % (wk, w + 1, gm))
            for b in range(rnd.randint(1, 5)):
                bu = "BU%s%02d" % (wk[2:], b + 1)
                f.write("%s;Buurt %d-%d;buurt;%s\n" % (bu, w + 1, b + 1, wk))
                buurten.append(bu)
    units = ["percent", "percent", "per-1000"]
    with open(out + "/data/indicators.yaml", "w") as cat, open(out + "/data/obs.csv", "w") as obs:
        obs.write("indicator;gebied;jaar;waarde;teller;noemer;n\n")
        for i in range(12):
            unit = rnd.choice(units)
            min_n = rnd.choice([5, 10, 10, 15])
            cat.write("- id: i%d\n  name: Indicator %d\n  unit: %s\n  decimals: %d\n  aggregate: ratio\n"
                      "  min-n: %d\n" % (i, i, unit, rnd.choice([0, 1, 2]), min_n))
            respondents = rnd.random() < 0.3       # n counts the denominator
            for year in (2021, 2022, 2023):
                for bu in buurten:
                    r = rnd.random()
                    if r < 0.08:
                        den = 0                     # an empty buurt
                    elif r < 0.4:
                        den = rnd.randint(3, 30)
                    else:
                        den = rnd.randint(30, 400)
                    cap = den if unit == "percent" else 3 * den
                    num = min(cap, int(rnd.expovariate(1 / 12))) if den else 0
                    n = den if respondents else num
                    obs.write("i%d;%s;%d;;%d;%d;%d\n" % (i, bu, year, num, den, n))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
