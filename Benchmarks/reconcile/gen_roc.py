#!/usr/bin/env python3
"""Generate a synthetic ROC (a large mbo school) for the reconciliation benchmark (scripts/bench-reconcile.sh).

    python3 Benchmarks/reconcile/gen_roc.py N_ENTRIES N_POKS OUT_FOLDER [--students=S] [--seed=S] [--check]

--check writes nothing: exit 0 when OUT_FOLDER/roc.json says the folder holds what these arguments would write
(same sizes and seed, and the same generator and mappings, by SHA-256), else 1.

Writes, under OUT_FOLDER, everything `bpv run --config OUT_FOLDER/bpv.yaml` imports:

  bpv.yaml                      200 employers (folder, Shiftbase mapping, 9-digit leerbedrijf-ID; fewer for a school
                                of under 200 students), `aliases:`, `lists:` with the students, `poks:` with the POK
                                list; database and output under out/
  school/students.csv           the layout of samples/school/students.csv (mapping mappings/sis/students-school.yaml)
  school/poks.csv               the layout of samples/school/poks.csv (mapping mappings/sis/poks-school.yaml)
  school/aliases.csv            employer;identity;student: every employer's personeelsnummer of a student
  inbox/hours/<employer>/Roosterdetail_01-09-2025_10-07-2026.csv
                                one Shiftbase "Roosterdetail" export per employer (the layout of
                                Benchmarks/csv/gen_shiftbase.py and mappings/hours/shiftbase-roosterdetail.yaml)
  roc.json                      what was generated (counts, seed, a hash of this script and of the mappings)

The columns of the students and POK lists are read from their mappings (`fields:` in mapping order, `column:`
names), so a mapping that grows a column gets it here too, provided this script knows the field (FIELD values
below); an unknown optional field is left empty (with a warning), an unknown required one stops the script.
Dates, codes and yes/no values are written in the form the mapping reads.

The school (everything invented: names, companies, leerbedrijf-IDs, studentnummers):
  * N_POKS POKs for S students (default S = N_POKS * 15 / 16: 16,000 POKs -> 15,000 students); the S - N_POKS
    students with two POKs have, half of them, a change of leerbedrijf on 2026-02-01 (one POK before, one after)
    and, the other half, a second address (a second leerbedrijf for Saturdays, `second_address` yes when the
    mapping has it);
  * POKs mostly from 2025-09-01, some from 2025-08-25, 2025-09-15, 2025-10-01 (hours in September then fall
    outside the period) or from 2024-09-02 (second-year students), to July 2026 or July 2027, 800..1,600 hours;
  * N_ENTRIES hour entries spread over the school year 2025-09-01 .. 2026-07-10: four fixed days a week per
    student, the two Christmas weeks and three more weeks off, on busy days a morning and an evening shift
    (never overlapping); ~94 % work (Dienst, or Opbouw/Afbouw/Voorstelling/Techniek at event companies),
    ~3 % Ziek, ~2 % Verlof, ~1 % Cursus, ~0.5 % Doktersbezoek; ~0.2 % of the rows twice (a duplicate);
    students under 18 only on day shifts;
  * ~1 % of the students' personeelsnummers have no alias (their entries are unknown_employee).
Deterministic for given sizes and seed. Speed: ~3.5 s per million entries (3.5M: 11 s, 1 GiB of memory).
"""
import datetime
import hashlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks", "csv"))
import gen_shiftbase as sb  # noqa: E402  (the Shiftbase layout, its formatting helpers and name lists)

try:
    import yaml
except ImportError:
    sys.exit("gen_roc.py: PyYAML is missing (apt-get install -y python3-yaml, or pip install pyyaml)")

HOURS_MAPPING = os.path.join(ROOT, "mappings", "hours", "shiftbase-roosterdetail.yaml")
STUDENTS_MAPPING = os.path.join(ROOT, "mappings", "sis", "students-school.yaml")
POKS_MAPPING = os.path.join(ROOT, "mappings", "sis", "poks-school.yaml")

N_EMPLOYERS = 200                             # fewer when there are fewer students (every export has rows)
YEAR_BEGIN = datetime.date(2025, 9, 1)
YEAR_END = datetime.date(2026, 7, 10)
SWITCH_DAY = datetime.date(2026, 2, 1)        # a change of leerbedrijf: the first POK ends the day before
CHRISTMAS = (datetime.date(2025, 12, 22), datetime.date(2026, 1, 4))
EXPORT_NAME = "Roosterdetail_01-09-2025_10-07-2026.csv"
CHUNK = 100_000

# Qualifications (crebo, opleiding, sector). The first four are the samples' (samples/school/students.csv).
CREBOS = [
    ("25604", "Software developer", "ict"),
    ("25605", "Expert IT systems and devices", "ict"),
    ("25606", "Allround medewerker IT systems and devices", "ict"),
    ("25798", "Allround podium- en evenemententechnicus", "events"),
    ("25799", "Podium- en evenemententechnicus", "events"),
    ("25180", "Zelfstandig werkend kok", "horeca"),
    ("25181", "Gastheer/gastvrouw", "horeca"),
    ("25250", "Eerste monteur elektrotechnische installaties", "techniek"),
    ("25251", "Monteur mechatronica", "techniek"),
    ("25480", "Verzorgende IG", "zorg"),
    ("25491", "Pedagogisch medewerker kinderopvang", "zorg"),
    ("25260", "Logistiek medewerker", "logistiek"),
]
SECTORS = {
    "ict": (["ByteBrug", "Netwerk", "Datakade", "Cloudwerf", "Codehaven", "Systeemhuis"], ["ICT", "Systeembeheer", "Software"]),
    "events": (["Podiumbouw", "Klankwerk", "Lichtlijn", "Zaalwerk", "Showtech", "Decorum"], ["Events", "Podiumtechniek", "Theater"]),
    "horeca": (["De Gouden", "Het Veerhuis", "Smaakmakers", "De Brasserie", "Proeverij"], ["Horeca", "Catering", "Restaurant"]),
    "techniek": (["Installatie", "Vonk", "Stroomwerk", "Montagebedrijf", "Techniekhuis"], ["Elektro", "Installatietechniek", "Mechatronica"]),
    "zorg": (["Zorggroep", "De Linde", "Kinderrijk", "Het Zonnehuis", "Welzijn"], ["Zorg", "Kinderopvang", "Thuiszorg"]),
    "logistiek": (["Distributie", "Transportbedrijf", "Warehouse", "Overslag"], ["Logistiek", "Transport", "Opslag"]),
}
SECTOR_WEIGHTS = {"ict": 20, "events": 15, "horeca": 20, "techniek": 20, "zorg": 15, "logistiek": 10}
PLACES = ["Deventer", "Zwolle", "Hardenberg", "Ommen", "Kampen", "Raalte", "Dalfsen", "Hattem", "Olst", "Nijverdal"]
SUFFIX = ["B.V.", "B.V.", "B.V.", "V.O.F.", "Stichting"]

WORK_DIENST = {"events": ["Opbouw", "Afbouw", "Voorstelling", "Techniek"]}
OTHER_DIENST = [("Ziek", 0.03), ("Verlof", 0.02), ("Cursus", 0.01), ("Doktersbezoek", 0.005)]
DESCRIPTIONS = {
    "Dienst": ["Dagdienst", "Ondersteuning team", '"Werkplek; begeleiding praktijkopleider"', "Project", ""],
    "Cursus": ["BHV-cursus", '"Cursus; VCA basis"', ""],
    "Doktersbezoek": ["Tandarts", "Huisarts", ""],
}
DUPLICATE_SHARE = 0.002
UNALIASED_SHARE = 0.01


def die(message):
    sys.exit(f"gen_roc.py: {message}")


# --- the mappings ------------------------------------------------------------------------------------------------
def load_mapping(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    fields = doc.get("fields") or {}
    return doc, fields


def columns_of(path):
    """[(field, spec)] of the fields read from a column, in the mapping's order."""
    doc, fields = load_mapping(path)
    cols = [(name, spec) for name, spec in fields.items() if isinstance(spec, dict) and "column" in spec]
    if not cols:
        die(f"{path}: no fields with a column")
    return doc, cols


def java_date(pattern, d):
    """A date in the mapping's pattern (yyyy, MM, dd, as the mapping files write them)."""
    out = pattern.replace("yyyy", f"{d.year:04d}").replace("MM", f"{d.month:02d}").replace("dd", f"{d.day:02d}")
    if any(c.isalpha() for c in out):
        die(f"date pattern {pattern!r} is not one this script can write (yyyy, MM, dd)")
    return out


def hours_text(minutes):
    h, r = divmod(minutes, 60)
    return str(h) if r == 0 else f"{minutes / 60:.2f}".rstrip("0")


class ColumnWriter:
    """Writes records of one list in the columns its mapping reads."""

    def __init__(self, path, values):
        self.path = path
        doc, self.cols = columns_of(path)
        self.codes = doc.get("codes") or {}
        self.values = values
        self.header = ";".join(str(spec["column"]) for _, spec in self.cols)
        for name, spec in self.cols:
            if name not in values:
                if spec.get("optional"):
                    print(f"gen_roc.py: warning: {os.path.relpath(path, ROOT)}: field {name!r} (column "
                          f"{spec['column']!r}) is unknown to this script and left empty", file=sys.stderr)
                else:
                    die(f"{os.path.relpath(path, ROOT)}: required field {name!r} (column {spec['column']!r}) is "
                        f"unknown to this script: add it to the field values in gen_roc.py")
            elif "codes" in spec and spec["codes"] not in self.codes:
                die(f"{path}: field {name!r} names the code table {spec['codes']!r}, which the mapping lacks")

    def code(self, table, canonical):
        """The first source value of a code table that maps to `canonical`."""
        for source, value in (self.codes[table].get("values") or {}).items():
            if value == canonical:
                return str(source)
        die(f"{self.path}: code table {table!r} has no value for {canonical!r}")

    def row(self, record):
        out = []
        for name, spec in self.cols:
            value = self.values[name](record) if name in self.values else None
            if value is None:
                out.append("")
            elif isinstance(value, datetime.date):
                out.append(java_date(spec.get("date", "yyyy-MM-dd"), value))
            elif isinstance(value, bool):
                words = spec.get("boolean") or {True: ["ja"], False: ["nee"]}
                out.append(str(words[value][0]))
            elif "codes" in spec:
                out.append(self.code(spec["codes"], value))
            elif spec.get("duration") == "decimal_hours":
                out.append(hours_text(value))
            else:
                out.append(str(value))
        for v in out:
            if ";" in v or '"' in v:
                die(f"value {v!r} would need quoting")
        return ";".join(out)


# The value of each field the student and POK kinds know (a record is a dict; None writes an empty field).
STUDENT_FIELDS = {
    "student": lambda s: s["number"],
    "roepnaam": lambda s: s["roepnaam"],
    "achternaam": lambda s: s["achternaam"],
    "geboortedatum": lambda s: s["birth"],
    "opleiding": lambda s: s["opleiding"],
    "crebo": lambda s: s["crebo"],
    "leerweg": lambda s: s["leerweg"],
    "cohort": lambda s: s["cohort"],
    "leerjaar": lambda s: s["leerjaar"],
}
POK_FIELDS = {
    "student": lambda p: p["student"],
    "leerbedrijf": lambda p: p["leerbedrijf"],
    "crebo": lambda p: p["crebo"],
    "begin": lambda p: p["begin"],
    "end": lambda p: p["end"],
    "hours": lambda p: p["minutes"],
    "leerweg": lambda p: p["leerweg"],
    "pok_number": lambda p: p["number"],
    "signed": lambda p: p["signed"],
    "status": lambda p: p["status"],
    "terminated": lambda p: p["terminated"],
    "second_address": lambda p: p["second_address"],
}


def check_hour_mapping(dienst_names):
    doc, fields = load_mapping(HOURS_MAPPING)
    header = sb.HEADER.split(";")
    for name, spec in fields.items():
        if isinstance(spec, dict) and "column" in spec and spec["column"] not in header:
            die(f"{HOURS_MAPPING}: field {name!r} reads column {spec['column']!r}, which the Shiftbase layout lacks")
    table = fields["category"]["codes"]
    known = doc["codes"][table]["values"]
    for d in dienst_names:
        if d not in known:
            die(f"{HOURS_MAPPING}: Dienst {d!r} is not in the code table {table!r}")
    return {d: known[d] for d in dienst_names}


# --- the school --------------------------------------------------------------------------------------------------
def make_employers(rng, n_employers):
    sectors = [s for s, w in SECTOR_WEIGHTS.items() for _ in range(w)]
    ids = rng.sample(range(100_000_000, 110_000_000), n_employers)
    employers = []
    used = set()
    for i in range(n_employers):
        sector = sectors[i * len(sectors) // n_employers]
        first, second = SECTORS[sector]
        while True:
            name = f"{rng.choice(first)} {rng.choice(second)} {rng.choice(PLACES)}"
            if name not in used:
                break
            name = None
            if len(used) > 10_000:
                die("cannot invent enough employer names")
        used.add(name)
        suffix = rng.choice(SUFFIX)
        full = f"Stichting {name}" if suffix == "Stichting" else f"{name} {suffix}"
        employers.append({
            "index": i, "id": f"lb{i + 1:03d}", "name": full, "leerbedrijf": f"{ids[i]:09d}", "sector": sector,
            # Zipf-like size: a few large employers, many small ones.
            "weight": 1.0 / (1 + (i * 7919 % n_employers)) ** 0.6,
            "vestiging": rng.choice(PLACES), "employees": [],
        })
    return employers


def pick_weighted(rng, items, weights, total):
    x = rng.random() * total
    acc = 0.0
    for item, w in zip(items, weights):
        acc += w
        if x < acc:
            return item
    return items[-1]


def make_students(rng, n_students, employers):
    numbers = rng.sample(range(2_000_000, 2_600_000), n_students)
    by_sector = {}
    for e in employers:
        by_sector.setdefault(e["sector"], []).append(e)
    sector_weight = {s: sum(e["weight"] for e in es) for s, es in by_sector.items()}
    crebos_of = {}
    for crebo, opleiding, sector in CREBOS:
        crebos_of.setdefault(sector, []).append((crebo, opleiding))
    sectors = list(by_sector)
    weights = [sector_weight[s] for s in sectors]
    total = sum(weights)
    ref = datetime.date(2026, 3, 1)
    students = []
    for k in range(n_students):
        if k < len(employers) <= n_students:   # every employer has at least one student
            employer = employers[k]
            sector = employer["sector"]
        else:
            sector = pick_weighted(rng, sectors, weights, total)
            es = by_sector[sector]
            employer = pick_weighted(rng, es, [e["weight"] for e in es], sector_weight[sector])
        crebo, opleiding = rng.choice(crebos_of[sector])
        minor = rng.random() < 0.10
        if minor:   # 16 or 17 on 2026-03-01
            birth = ref - datetime.timedelta(days=rng.randrange(16 * 365 + 5, 18 * 365 - 5))
        else:       # 18 .. 24
            birth = ref - datetime.timedelta(days=rng.randrange(18 * 365 + 5, 25 * 365))
        cohort = 2024 if rng.random() < 0.3 else 2025
        tussen = rng.choice(sb.TUSSEN)
        students.append({
            "number": f"{numbers[k]:07d}", "roepnaam": rng.choice(sb.FIRST), "achternaam": f"{tussen}{rng.choice(sb.LAST)}",
            "birth": birth, "minor": minor, "opleiding": opleiding, "crebo": crebo, "sector": sector,
            "leerweg": "bbl" if rng.random() < 0.85 else "bol", "cohort": cohort, "leerjaar": 2025 - cohort + 1,
            "employer": employer, "second": None, "mode": "single",
        })
    return students, by_sector


def july(year):
    """The Friday before the second Saturday of July: the school year's last day (2026-07-10, 2027-07-09)."""
    d = datetime.date(year, 7, 1)
    while d.weekday() != 5:
        d += datetime.timedelta(days=1)
    return d + datetime.timedelta(days=6)


def make_poks(rng, students, by_sector, n_poks):
    n_two = n_poks - len(students)
    two = rng.sample(range(len(students)), n_two)
    for j, k in enumerate(two):
        s = students[k]
        others = [e for e in by_sector[s["sector"]] if e is not s["employer"]] or by_sector[s["sector"]]
        s["second"] = rng.choice(others)
        s["mode"] = "switch" if j % 2 == 0 else "second_address"
    poks = []
    count = 0

    def pok(s, employer, begin, end, minutes, second_address=False):
        nonlocal count
        count += 1
        signed = begin - datetime.timedelta(days=rng.randrange(3, 21))
        if rng.random() < 0.03:          # handed in late: hours before the signing do not count
            signed = begin + datetime.timedelta(days=rng.randrange(7, 35))
        terminated = None
        if s["mode"] == "single" and rng.random() < 0.02 and end > datetime.date(2026, 4, 1):
            terminated = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(0, 150))
        poks.append({
            "student": s["number"], "leerbedrijf": employer["leerbedrijf"], "crebo": s["crebo"], "begin": begin,
            "end": end, "minutes": minutes, "leerweg": s["leerweg"], "number": f"P{begin.year}-{count:06d}",
            "signed": min(signed, end), "status": "ended" if terminated else "active", "terminated": terminated,
            "second_address": second_address,
        })

    for s in students:
        if s["mode"] == "switch":
            pok(s, s["employer"], datetime.date(2025, 9, 1), SWITCH_DAY - datetime.timedelta(days=1), 20 * 60 * rng.randrange(18, 25))
            pok(s, s["second"], SWITCH_DAY, july(2027), 20 * 60 * rng.randrange(45, 70))
            continue
        x = rng.random()
        if s["cohort"] == 2024:
            begin, end = datetime.date(2024, 9, 2), july(2026) if x < 0.5 else july(2027)
        elif x < 0.80:
            begin, end = datetime.date(2025, 9, 1), july(2027) if x < 0.55 else july(2026)
        elif x < 0.88:
            begin, end = datetime.date(2025, 8, 25), july(2027)
        elif x < 0.95:
            begin, end = datetime.date(2025, 9, 15), july(2027)
        else:
            begin, end = datetime.date(2025, 10, 1), july(2026)
        pok(s, s["employer"], begin, end, 20 * 60 * rng.randrange(40, 81))
        if s["mode"] == "second_address":
            pok(s, s["second"], datetime.date(2025, 9, 1), july(2026), 20 * 60 * rng.randrange(5, 15), True)
    assert len(poks) == n_poks, (len(poks), n_poks)
    return poks


# --- the hours ---------------------------------------------------------------------------------------------------
def shift_templates(rng, work_dienst):
    """{kind: [(mid "start;end;pauze;dienst", minutes, start_minute)]} for one Dienst of work."""
    def t(start, length, pauze, dienst):
        end = (start + length) % 1440
        return (f"{sb.hhmm(start)};{sb.hhmm(end)};{pauze};{dienst}", length - pauze, start)
    out = {"full": [], "morning": [], "evening": [], "evening_late": [], "day_minor": []}
    for _ in range(60):
        start = rng.randrange(7 * 4, 10 * 4 + 1) * 15
        length = rng.randrange(6 * 4, 9 * 4 + 3) * 15               # 6 .. 9.5 h on the clock
        out["full"].append(t(start, length, rng.choice([30, 30, 45, 60]), rng.choice(work_dienst)))
        start = rng.randrange(7 * 4, 9 * 4 + 1) * 15
        length = rng.randrange(6 * 4, 8 * 4 + 3) * 15               # minors: at most 8.5 h, ending by 17:30
        out["day_minor"].append(t(start, length, 30, rng.choice(work_dienst)))
        start = rng.randrange(6 * 4, 8 * 4 + 3) * 15                # 06:00 .. 08:30, 3 .. 4.5 h: done by 13:00
        out["morning"].append(t(start, rng.randrange(3 * 4, 4 * 4 + 3) * 15, rng.choice([0, 0, 15]), rng.choice(work_dienst)))
        start = rng.randrange(16 * 4, 19 * 4 + 1) * 15              # 16:00 .. 19:00, 3 .. 5 h: by midnight
        out["evening"].append(t(start, rng.randrange(3 * 4, 5 * 4 + 1) * 15, rng.choice([0, 15, 30]), rng.choice(work_dienst)))
        start = rng.randrange(18 * 4, 20 * 4 + 1) * 15              # events: 18:00 .. 20:00, 5 .. 7 h, past midnight
        out["evening_late"].append(t(start, rng.randrange(5 * 4, 7 * 4 + 1) * 15, 30, rng.choice(work_dienst)))
    return out


def absence_templates(name):
    return [(f"{sb.hhmm(s)};{sb.hhmm((s + l) % 1440)};{p};{name}", l - p, s)
            for s, l, p in [(8 * 60, 8 * 60, 0), (9 * 60, 8 * 60 + 30, 30), (8 * 60 + 30, 4 * 60, 0)]]


def generator_hash():
    """SHA-256 of what decides the output: this script, gen_shiftbase.py and the three mappings."""
    digest = hashlib.sha256()
    for p in (os.path.abspath(__file__), os.path.join(ROOT, "Benchmarks", "csv", "gen_shiftbase.py"),
              HOURS_MAPPING, STUDENTS_MAPPING, POKS_MAPPING):
        with open(p, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def is_current(out, n_entries, n_poks, n_students, seed):
    """Whether OUT_FOLDER/roc.json says the folder holds what this script would write now."""
    try:
        with open(os.path.join(out, "roc.json"), encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError):
        return False
    return (m.get("entries"), m.get("poks"), m.get("students"), m.get("seed"), m.get("generator")) == \
        (n_entries, n_poks, n_students, seed, generator_hash())


def main(argv):
    usage = "usage: gen_roc.py N_ENTRIES N_POKS OUT_FOLDER [--students=S] [--seed=S] [--check]"
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in flags if "=" in a)
    check = "--check" in flags
    if len(args) != 3 or any("=" not in a and a != "--check" for a in flags) \
            or not set(opts) <= {"students", "seed"}:
        die(usage)
    try:
        n_entries, n_poks = int(args[0].replace("_", "")), int(args[1].replace("_", ""))
        seed = int(opts.get("seed", 20250901))
        n_students = int(opts.get("students", n_poks * 15 // 16))
    except ValueError:
        die(usage)
    if n_entries < 1 or n_poks < 1:
        die(usage)
    out = os.path.abspath(args[2])
    if check:   # exit 0 when OUT_FOLDER is up to date (same sizes, seed, script and mappings), 1 when not
        sys.exit(0 if is_current(out, n_entries, n_poks, n_students, seed) else 1)
    if not (n_poks // 2 <= n_students <= n_poks and n_students > 0):
        die("the number of students must be between half the POKs and the POKs (at most two POKs each)")
    try:   # written last: a folder without it (a killed run) is never taken as complete
        os.remove(os.path.join(out, "roc.json"))
    except FileNotFoundError:
        pass
    rng = random.Random(seed)
    r = rng.random

    employers = make_employers(rng, min(N_EMPLOYERS, n_students))   # every employer has a student
    students, by_sector = make_students(rng, n_students, employers)
    poks = make_poks(rng, students, by_sector, n_poks)
    dienst_names = sorted({"Dienst"} | set(WORK_DIENST["events"]) | {d for d, _ in OTHER_DIENST})
    categories = check_hour_mapping(dienst_names)

    # Days of the school year with their "dd-MM-yyyy;dag" text.
    n_days = (YEAR_END - YEAR_BEGIN).days + 1
    days = [YEAR_BEGIN + datetime.timedelta(days=i) for i in range(n_days)]
    day_text = [f"{d.day:02d}-{d.month:02d}-{d.year};{sb.DAGEN[d.weekday()]}" for d in days]
    switch_index = (SWITCH_DAY - YEAR_BEGIN).days
    weeks = sorted({(d - datetime.timedelta(days=d.weekday())) for d in days})
    week_of = {wk: i for i, wk in enumerate(weeks)}

    # Templates: work per sector kind, absences; tails "totaal;salaris;kosten" per (template, wage).
    tmpl = {"events": shift_templates(rng, WORK_DIENST["events"]), "other": shift_templates(rng, ["Dienst"])}
    absence = {name: absence_templates(name) for name, _ in OTHER_DIENST}
    tails = {}

    def tail(mid, minutes, wage):
        key = (minutes, wage)
        if key not in tails:
            sal = (sb.WAGES[wage] * minutes + 30) // 60
            tails[key] = f"{sb.fmt_hours(minutes)};{sb.fmt_money(sal)};{sb.fmt_money((sal * 132 + 50) // 100)}"
        return tails[key]

    # Entries per student: about equal (0.7 .. 1.3 of the mean), exactly n_entries in all.
    w = [0.7 + 0.6 * r() for _ in students]
    total_w = sum(w)
    counts = [int(n_entries * x / total_w) for x in w]
    for i in range(n_entries - sum(counts)):
        counts[i % len(counts)] += 1

    # Personeelsnummers: per employer, its students (and nobody else: the school receives its students' hours).
    aliases = []
    gid = 480001
    unaliased_entries = 0
    duplicates = 0
    rows_by_employer = [[] for _ in employers]
    by_category = {}
    for si, s in enumerate(students):
        jobs = [s["employer"]] + ([s["second"]] if s["second"] is not None else [])
        ids = []
        for e in jobs:
            pnr = str(1000 + len(e["employees"]) * 7 + rng.randrange(0, 7))
            e["employees"].append(pnr)
            naam = f"{s['roepnaam']} {s['achternaam']}"
            head = f"{gid};{pnr};{naam}"
            gid += 1
            org = f"{e['vestiging']};{rng.choice(sb.AFDELING)};{rng.choice(sb.TEAM)}"
            aliased = r() >= UNALIASED_SHARE
            if aliased:
                aliases.append(f"{e['id']};{pnr};{s['number']}")
            ids.append((e, head, org, aliased))
        wage = rng.randrange(0, sb.N_WAGES)

        # The student's days: four fixed weekdays (events: Saturday or Sunday among them), no Christmas weeks and
        # three more weeks off.
        pool = [0, 1, 2, 3, 4] + ([5, 6] if s["sector"] in ("events", "horeca", "zorg") else [5])
        pattern = set(rng.sample(pool, 4))
        if s["mode"] == "second_address":
            pattern = set(rng.sample([0, 1, 2, 3, 4], 3)) | {5}
        off = set(rng.sample(range(len(weeks)), 3))
        candidate = [i for i, d in enumerate(days)
                     if d.weekday() in pattern and not (CHRISTMAS[0] <= d <= CHRISTMAS[1])
                     and week_of[d - datetime.timedelta(days=d.weekday())] not in off]
        k = counts[si]
        if k > 2 * len(candidate):   # more than two shifts a day: add the remaining days of the week
            candidate = [i for i, d in enumerate(days) if not (CHRISTMAS[0] <= d <= CHRISTMAS[1])]
            if k > 2 * len(candidate):
                die(f"{k} entries for one student is more than two a day: use more POKs (students)")
        if k <= len(candidate):
            singles, splits = sorted(rng.sample(candidate, k)), []
        else:
            splits = set(rng.sample(candidate, k - len(candidate)))
            singles = [i for i in candidate if i not in splits]
        kind = "events" if s["sector"] == "events" else "other"
        t = tmpl[kind]
        slots = [(i, "full") for i in singles] + [(i, "morning") for i in splits] + [(i, "evening") for i in splits]
        rng.shuffle(slots)   # so that a dropped slot (for a duplicate, below) is any of them
        while slots:
            day, slot = slots.pop()
            # Which job: after a change of leerbedrijf the second; with a second address, Saturdays there.
            job = 0
            if s["mode"] == "switch" and day >= switch_index:
                job = 1
            elif s["mode"] == "second_address" and days[day].weekday() == 5:
                job = 1
            e, head, org, aliased = ids[job]
            x = r()
            template = None
            acc = 0.0
            for name, share in OTHER_DIENST:
                acc += share
                if x < acc:
                    template = absence[name][int(r() * 3)] if slot == "full" else None
                    break
            if template is None:
                if s["minor"]:
                    choices = t["day_minor"] if slot == "full" else t["morning" if slot == "morning" else "evening"]
                    if slot == "evening":   # minors: home by 22:00
                        choices = [c for c in choices if c[2] + c[1] <= 21 * 60] or choices
                elif slot == "evening" and kind == "events" and r() < 0.4:
                    choices = t["evening_late"]
                else:
                    choices = t[slot]
                template = choices[int(r() * len(choices))]
            mid, minutes, start = template
            dienst = mid.rsplit(";", 1)[1]
            descs = DESCRIPTIONS.get(dienst) or sb.DIENST.get(dienst, (0, [""]))[1]
            desc = descs[int(r() * len(descs))]
            row = f"{head};{day_text[day]};{mid};{org};{desc};{tail(mid, minutes, wage)}"
            copies = 1
            if slots and r() < DUPLICATE_SHARE:   # the same row twice (sent twice): one slot fewer
                slots.pop()
                copies = 2
                duplicates += 1
            for _ in range(copies):
                rows_by_employer[e["index"]].append((day, start, head, row))
            cat = categories[dienst]
            by_category[cat] = by_category.get(cat, 0) + copies
            if not aliased:
                unaliased_entries += copies
    for rows in rows_by_employer:
        rows.sort()
    assert sum(len(x) for x in rows_by_employer) == n_entries

    # --- write ---------------------------------------------------------------------------------------------------
    os.makedirs(os.path.join(out, "school"), exist_ok=True)
    students_writer = ColumnWriter(STUDENTS_MAPPING, STUDENT_FIELDS)
    poks_writer = ColumnWriter(POKS_MAPPING, POK_FIELDS)

    def write_text(path, lines, encoding="utf-8", eol="\n"):
        tmp = path + ".part"
        with open(tmp, "w", encoding=encoding, newline="") as f:
            for i in range(0, len(lines), CHUNK):
                f.write(eol.join(lines[i:i + CHUNK]) + eol)
        os.replace(tmp, path)

    write_text(os.path.join(out, "school", "students.csv"),
               [students_writer.header] + [students_writer.row(s) for s in students])
    write_text(os.path.join(out, "school", "poks.csv"), [poks_writer.header] + [poks_writer.row(p) for p in poks])
    write_text(os.path.join(out, "school", "aliases.csv"), ["employer;identity;student"] + aliases)

    for e, rows in zip(employers, rows_by_employer):
        folder = os.path.join(out, "inbox", "hours", e["id"])
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, EXPORT_NAME)
        text = sb.EOL.join([sb.HEADER] + [row[3] for row in rows]) + sb.EOL
        tmp = path + ".part"
        with open(tmp, "wb") as f:
            f.write(text.encode(sb.ENCODING))
        os.replace(tmp, path)

    rel = lambda p: os.path.relpath(p, out)  # noqa: E731
    lines = [
        "# A synthetic ROC for the reconciliation benchmark, written by Benchmarks/reconcile/gen_roc.py",
        f"# ({n_entries} hour entries, {n_poks} POKs, {n_students} students, {len(employers)} employers, seed {seed}).",
        "# Everything in it is invented. Paths are relative to this file's folder.",
        "database: out/bpv.sqlite",
        "output: out",
        "inbox: inbox",
        "aliases: school/aliases.csv",
        "employers:",
    ]
    for e in employers:
        lines += [f"  - id: {e['id']}", f"    name: \"{e['name']}\"", f"    leerbedrijf: \"{e['leerbedrijf']}\"",
                  f"    folder: hours/{e['id']}", f"    mapping: {rel(HOURS_MAPPING)}"]
    lines += ["lists:", "  - file: school/students.csv", f"    mapping: {rel(STUDENTS_MAPPING)}",
              "poks:", "  file: school/poks.csv", f"  mapping: {rel(POKS_MAPPING)}"]
    write_text(os.path.join(out, "bpv.yaml"), lines)

    manifest = {
        "entries": n_entries, "poks": n_poks, "students": n_students, "employers": len(employers), "seed": seed,
        "students_with_two_poks": n_poks - n_students, "duplicate_rows": duplicates,
        "unaliased_entries": unaliased_entries, "entries_by_category": dict(sorted(by_category.items())),
        "aliases": len(aliases), "school_year": [YEAR_BEGIN.isoformat(), YEAR_END.isoformat()],
        "generator": generator_hash(),
    }
    with open(os.path.join(out, "roc.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
