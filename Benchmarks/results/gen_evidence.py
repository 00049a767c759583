#!/usr/bin/env python3
"""Add the bpv application's evidence to a synthetic ROC made by Benchmarks/reconcile/gen_roc.py, for the results
benchmark (scripts/bench-results.sh).

    python3 Benchmarks/results/gen_evidence.py ROC_FOLDER

Reads ROC_FOLDER/school/poks.csv and writes, in the layouts of samples/onstage/ (mappings/onstage/):
  onstage/beoordelingen.csv  a tussenbeoordeling 6 weeks after each POK's begin and, for every second POK, an
                             eindbeoordeling signed by all three
  onstage/documenten.csv     5 STARRT-formulieren, a bpv-verslag, a gespreksverslag, a logboek, a
                             reflectieverslag and an evaluatieformulier per POK
and appends to ROC_FOLDER/bpv.yaml the three lists, `programmes:` (the repository's mappings/programmes) and
`exports:` (mappings/exports/sis-bpv-resultaat.yaml). Everything invented; deterministic.
"""
import csv, datetime, os, sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
folder = sys.argv[1]
os.makedirs(os.path.join(folder, "onstage"), exist_ok=True)
with open(os.path.join(folder, "school", "poks.csv"), encoding="utf-8") as f:
    poks = list(csv.DictReader(f, delimiter=";"))

def day(text, plus=0):
    return (datetime.date.fromisoformat(text) + datetime.timedelta(days=plus)).strftime("%d-%m-%Y")

with open(os.path.join(folder, "onstage", "beoordelingen.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["Formulier-ID", "Studentnummer", "POK-nummer", "Soort", "Datum", "Technische vaardigheden",
                "Ondernemende vaardigheden", "Eindoordeel", "Getekend student", "Getekend praktijkopleider",
                "Getekend bpv-docent"])
    for i, p in enumerate(poks):
        t = day(p["begindatum"], 42)
        w.writerow([f"B-{i}-T", p["studentnummer"], p["poknummer"], "Tussenbeoordeling", t, "V", "V", "V", t, t, ""])
        if i % 2 == 0:
            e = day(p["einddatum"], -14)
            w.writerow([f"B-{i}-E", p["studentnummer"], p["poknummer"], "Eindbeoordeling", e, "G", "V",
                        "G" if i % 4 == 0 else "V", e, e, e])

kinds = ["STARRT-formulier"] * 5 + ["BPV-verslag", "Gespreksverslag", "Logboek", "Reflectieverslag", "Evaluatieformulier"]
with open(os.path.join(folder, "onstage", "documenten.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["Document-ID", "Studentnummer", "POK-nummer", "Soort document", "Ingeleverd op", "Beoordeling",
                "Goedgekeurd praktijkopleider", "Goedgekeurd bpv-docent"])
    for i, p in enumerate(poks):
        for k, kind in enumerate(kinds):
            d = day(p["begindatum"], 30 + 20 * k)
            grade = "V" if kind in ("BPV-verslag", "Evaluatieformulier") else ""
            w.writerow([f"D-{i}-{k}", p["studentnummer"], p["poknummer"], kind, d, grade, d, d])

config = os.path.join(folder, "bpv.yaml")
with open(config, encoding="utf-8") as f:
    text = f.read()
if "gen_evidence" not in text:
    lists = "".join(f"  - file: onstage/{name}.csv\n    mapping: {root}/mappings/onstage/onstage-{name}.yaml\n"
                    for name in ("beoordelingen", "documenten"))
    text = text.replace("lists:\n", "lists:\n" + lists, 1)
    text += f"""
# Added by Benchmarks/results/gen_evidence.py
programmes: {root}/mappings/programmes
exports:
  - {root}/mappings/exports/sis-bpv-resultaat.yaml
"""
    with open(config, "w", encoding="utf-8") as f:
        f.write(text)
print(f"{len(poks)} POKs: evidence written to {folder}/onstage/")
