#!/usr/bin/env python3
"""Generate a synthetic Shiftbase "Roosterdetail" hour export for the CSV import benchmark.

    python3 Benchmarks/csv/gen_shiftbase.py N OUT.csv [--seed S]

Layout (what Shiftbase writes when a Dutch planner exports "Roosterdetail" and opens it in Excel):
  * Windows-1252, ';' separator, CRLF line ends, one header line:
    Gebruikers-id;Personeelsnummer;Naam;Datum;Dag;Starttijd;Eindtijd;Pauze;Dienst;Vestiging;Afdeling;Team;
    Beschrijving;Totaal;Salaris;Kosten voor bedrijf
  * Datum dd-MM-yyyy (real dates, 2024-01-01 .. 2025-12-31), Dag the Dutch weekday of that date
  * Starttijd/Eindtijd HH:mm on a quarter-hour grid; some shifts run past midnight (Eindtijd < Starttijd)
  * Pauze whole minutes (0/15/30/45/60)
  * Dienst: Opbouw, Afbouw, Voorstelling, Techniek, a few Ziek and Verlof
  * Totaal = (Eindtijd - Starttijd [+24h when overnight] - Pauze) / 60 in decimal hours with a comma (7,5 / 8 / 6,25);
    quarter hours make it exact, so every row is consistent
  * Salaris = hourly wage x Totaal, Kosten voor bedrijf = Salaris x 1,32, both with a decimal comma (123,45)
  * about a quarter of the Beschrijving values are quoted because they hold a ';' (some also a doubled quote ""), and Dutch
    letters (e, e-trema, e-acute, ...) occur in descriptions and names
  * 2,000 employees (Personeelsnummer P1000..P9999), invented names

Every row is valid for the shiftbase-roosterdetail mapping when its code table knows all six Dienst values.
Output is deterministic for a given N and seed (Mersenne Twister, only random() is used).
Speed: rows are assembled from pre-formatted pieces and written in chunks of 100,000 rows.
"""
import datetime
import os
import random
import sys

HEADER = ("Gebruikers-id;Personeelsnummer;Naam;Datum;Dag;Starttijd;Eindtijd;Pauze;Dienst;Vestiging;Afdeling;"
          "Team;Beschrijving;Totaal;Salaris;Kosten voor bedrijf")
EOL = "\r\n"
ENCODING = "cp1252"
CHUNK = 100_000
N_EMPLOYEES = 2_000
N_TEMPLATES = 500
WAGES = [1150 + 25 * i for i in range(60)]  # hourly wages in cents: 11,50 .. 26,25
N_WAGES = len(WAGES)

FIRST = ["Jan", "Sanne", "Daan", "Lotte", "Bram", "Emma", "Sem", "Fleur", "Luuk", "Noor", "Thijs", "Anouk",
         "Ruben", "Iris", "Jesse", "Femke", "Milan", "Zoë", "Stijn", "Chloë", "Joëlle", "Noël", "Hélène", "René",
         "Mehmet", "Yasmina", "Kevin", "Priya", "Sven", "Anaïs", "Gijs", "Maud"]
TUSSEN = ["", "", "", "de ", "van ", "van der ", "van den ", "ter "]
LAST = ["Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker",
        "Dijkstra", "Brouwer", "Koster", "Prins", "Huisman", "Kuipers", "Verbeek", "Schouten", "Willems",
        "Maas", "Kramer", "Post", "Vermeulen", "Hoekstra", "Boër", "Blokland", "Ruijter", "Çelik", "Kaya"]
VESTIGING = ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen"]
AFDELING = ["Techniek", "Podium", "Horeca", "Kassa", "Licht en geluid"]
TEAM = ["Team A", "Team B", "Team C", "Nachtploeg", "Weekend"]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Dienst -> (share of templates, descriptions). Quoted ones carry a ';' and sometimes a doubled quote.
DIENST = {
    "Opbouw": (25, ["Podium opbouwen", "Decor plaatsen", "Truss hangen", '"Opbouw; décor en podium"',
                    '"Laden en lossen; vrachtwagen 2"', "Coördinatie opbouw", ""]),
    "Afbouw": (20, ["Afbouw zaal 1", "Decor afbreken", '"Afbouw; kabels oprollen"', "Opruimen", ""]),
    "Voorstelling": (25, ["Voorstelling avond", "Matinee", '"Voorstelling ""De Storm""; zaal 2"',
                          "Reünie concert", '"Première; café en foyer"', ""]),
    "Techniek": (25, ["Licht programmeren", "Geluid mixen", '"Techniek; lichtplan én geluid"', "Storing",
                      "Patchen", ""]),
    "Ziek": (3, ["Ziekmelding", ""]),
    "Verlof": (2, ["Vakantie", '"Verlof; privé"', ""]),
}


def fmt_hours(minutes):
    """Decimal hours with a comma, as Excel shows them: 480 -> 8, 450 -> 7,5, 375 -> 6,25."""
    h, r = divmod(minutes, 60)
    assert r % 15 == 0, "quarter hours only, so Totaal is exact"
    return f"{h}" if r == 0 else f"{h},{r * 100 // 60}".rstrip("0")


def fmt_money(cents):
    return f"{cents // 100},{cents % 100:02d}"


def hhmm(minute_of_day):
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--seed")]
    seed = 20240901
    for a in argv[1:]:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
    if len(args) != 2:
        sys.exit("usage: gen_shiftbase.py N OUT.csv [--seed=S]")
    n, out = int(args[0].replace("_", "")), args[1]
    rng = random.Random(seed)
    r = rng.random

    # Employees: "id;pnr;naam" head, "vestiging;afdeling;team" org part, and an hourly wage in cents.
    pnrs = rng.sample(range(1000, 10000), N_EMPLOYEES)
    employees = []
    for i, pnr in enumerate(pnrs):
        naam = f"{rng.choice(FIRST)} {rng.choice(TUSSEN)}{rng.choice(LAST)}"
        head = f"{480001 + i * 7};P{pnr};{naam}"
        org = f"{rng.choice(VESTIGING)};{rng.choice(AFDELING)};{rng.choice(TEAM)}"
        wage = rng.randrange(0, N_WAGES)  # index into WAGES
        employees.append((head, org, wage))

    # Dates with their weekday.
    d0 = datetime.date(2024, 1, 1)
    dates = []
    for k in range(731):
        d = d0 + datetime.timedelta(days=k)
        dates.append(f"{d.day:02d}-{d.month:02d}-{d.year};{DAGEN[d.weekday()]}")

    # Shift templates: "start;end;pauze;dienst", the minutes worked, the descriptions of the Dienst.
    diensten = [name for name, (share, _) in DIENST.items() for _ in range(share)]
    templates = []
    while len(templates) < N_TEMPLATES:
        dienst = rng.choice(diensten)
        if dienst in ("Ziek", "Verlof"):
            start, length, pauze = rng.choice([(8 * 60, 8 * 60, 0), (9 * 60, 8 * 60 + 30, 30),
                                               (8 * 60 + 30, 4 * 60, 0)])
        else:
            if dienst in ("Voorstelling", "Afbouw") and r() < 0.35:   # evening shift past midnight
                start = rng.randrange(17 * 4, 23 * 4 + 1) * 15
            else:
                start = rng.randrange(6 * 4, 15 * 4) * 15
            length = rng.randrange(3 * 4, 11 * 4 + 1) * 15             # 3..11 h on the clock
            pauze = 0 if length <= 4 * 60 else rng.choice([15, 30, 30, 45, 60])
        end = (start + length) % 1440
        minutes = length - pauze
        assert 0 < minutes <= 24 * 60 and end != start
        mid = f"{hhmm(start)};{hhmm(end)};{pauze};{dienst}"
        templates.append((mid, minutes, DIENST[dienst][1]))

    # Tails "totaal;salaris;kosten" per template and wage.
    tails = []
    for _, minutes, _ in templates:
        row = []
        for wage in WAGES:
            sal = (wage * minutes + 30) // 60
            kost = (sal * 132 + 50) // 100
            row.append(f"{fmt_hours(minutes)};{fmt_money(sal)};{fmt_money(kost)}")
        tails.append(row)

    # Every text used is Windows-1252 and, since none falls in 0x80-0x9F, also Latin-1: Python's Latin-1 encoder
    # is several times faster than its cp1252 charmap codec and gives the same bytes.
    pool = [HEADER] + [e[0] + e[1] for e in employees] + [t[0] for t in templates] + dates
    pool += [d for _, descs in DIENST.values() for d in descs]
    for text in pool:
        assert text.encode(ENCODING) == text.encode("latin-1"), text
    fast_encoding = "latin-1"

    ne, nd, nt = len(employees), len(dates), len(templates)
    tmp = out + ".part"   # renamed when complete, so a killed run never leaves a short file behind
    with open(tmp, "wb") as f:
        f.write((HEADER + EOL).encode(ENCODING))
        done = 0
        while done < n:
            k = min(CHUNK, n - done)
            rows = []
            append = rows.append
            for _ in range(k):
                head, org, wage = employees[int(r() * ne)]
                ti = int(r() * nt)
                mid, _, descs = templates[ti]
                desc = descs[int(r() * len(descs))]
                append(f"{head};{dates[int(r() * nd)]};{mid};{org};{desc};{tails[ti][wage]}")
            f.write((EOL.join(rows) + EOL).encode(fast_encoding))
            done += k
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv)
