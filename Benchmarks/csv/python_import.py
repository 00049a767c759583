#!/usr/bin/env python3
"""The baseline for the CSV import benchmark: what a school's IT department would write without BPVKit.

    python3 Benchmarks/csv/python_import.py FILE.csv DB.sqlite [ALIASES.csv]     ->  rows=1000000

Reads a Shiftbase "Roosterdetail" export with the standard library only (csv module, Windows-1252, ';'),
turns each row into an hour entry (ISO date checked with datetime.date, minutes worked from start/end/break
with the overnight rule, Dienst mapped to a category with a dict, the raw Dienst kept as hour_type, the employee
linked to a studentnummer through the alias file) and inserts all rows with one executemany in one transaction
into the same hour_entry table that bpv writes: the same columns, keyed by the same INTEGER PRIMARY KEY, with the
same partial index on unresolved entries (source_line is the physical line number, the header being line 1).
Rows are streamed through a generator (no list of all rows). SQLite pragmas are left at their defaults.
Deliberately simple: no validation beyond what the conversions raise, no dedup, no supersede, no aliases.
"""
import csv
import datetime
import sqlite3
import sys

CATEGORY = {
    "Opbouw": "work",
    "Afbouw": "work",
    "Voorstelling": "work",
    "Techniek": "work",
    "Ziek": "sick",
    "Verlof": "leave",
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS hour_entry (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    source_line INTEGER NOT NULL,
    byte_offset INTEGER,
    employer_id TEXT NOT NULL,
    employee_identity TEXT NOT NULL,
    student_number TEXT,
    leerbedrijf_id TEXT,
    work_date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    minutes INTEGER NOT NULL,
    category TEXT NOT NULL,
    hour_type TEXT,
    approved INTEGER,
    external_id TEXT,
    description TEXT,
    superseded_by INTEGER
);
CREATE INDEX IF NOT EXISTS hour_entry_unresolved ON hour_entry(employer_id) WHERE student_number IS NULL;
"""


def read_aliases(path):
    """employer;identity;student -> {identity: student} (one employer in the benchmark)."""
    if not path:
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows)
        return {identity.strip().lower(): student for _, identity, student in rows}


def to_minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def entries(path, batch_id, aliases):
    with open(path, encoding="cp1252", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        for number, row in enumerate(reader, start=1):
            day, month, year = row["Datum"].split("-")
            work_date = datetime.date(int(year), int(month), int(day)).isoformat()  # raises on 31-02-2024
            start, end = row["Starttijd"], row["Eindtijd"]
            minutes = to_minutes(end) - to_minutes(start)
            if minutes < 0:          # overnight: the end is the next day
                minutes += 24 * 60
            minutes -= int(row["Pauze"] or 0)
            dienst = row["Dienst"]
            employee = row["Personeelsnummer"]
            yield (batch_id, number, reader.line_num, "bench", employee, aliases.get(employee.lower()), work_date,
                   start, end, minutes, CATEGORY[dienst], dienst, 1, row["Beschrijving"] or None)


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit("usage: python_import.py FILE.csv DB.sqlite [ALIASES.csv]")
    path, db_path = argv[1], argv[2]
    aliases = read_aliases(argv[3] if len(argv) == 4 else None)
    con = sqlite3.connect(db_path)
    con.executescript(SCHEMA)
    batch_id = 1
    with con:  # one transaction
        cur = con.executemany(
            "INSERT INTO hour_entry (batch_id, record_number, source_line, employer_id, employee_identity, "
            "student_number, work_date, start_time, end_time, minutes, category, hour_type, approved, description) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries(path, batch_id, aliases))
    rows = cur.rowcount
    con.close()
    print(f"rows={rows}")


if __name__ == "__main__":
    main(sys.argv)
