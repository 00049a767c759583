#!/usr/bin/env python3
"""Writes a synthetic SETU-like hour export: an envelope of TimeCards (HR-XML 2007-04-15 namespace), one card per
person per week with up to 20 TimeIntervals, and a card-level ApprovalInfo after the intervals (so every record
waits for its card's end, the reader's slower path). Durations mix decimal hours and xsd:duration; some times carry
a Z; some shifts run past midnight. Invented ids only.

Usage: generate-setu.py RECORDS OUTPUT
"""
import random
import sys

TYPES = ["Regular"] * 14 + ["Overtime", "Shift", "Shift", "Travel", "Training", "Sick time", "Vacation"]


def main() -> None:
    records, output = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261207)
    written = 0
    card = 0
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<TimeCards xmlns="http://ns.hr-xml.org/2007-04-15">\n')
        while written < records:
            card += 1
            person = 40000 + card % 500
            week = card // 500 % 52
            w(f'  <TimeCard>\n    <Id><IdValue>TC-{card:07d}</IdValue></Id>\n'
              f'    <ReportedResource><Person><Id><IdValue>TW-{person}</IdValue></Id></Person></ReportedResource>\n'
              f'    <ReportedTime status="Submitted">\n'
              f'      <PeriodStartDate>2026-{1 + week % 12:02d}-01</PeriodStartDate>\n')
            for k in range(min(20, records - written)):
                written += 1
                kind = rng.choice(TYPES)
                month, dom = 1 + (week * 7 + k // 3) % 12, 1 + (k + week) % 27
                start = 6 + rng.randrange(14)
                hours = 4 + rng.randrange(6)
                end_hour = start + hours + 1
                end_day = dom + (1 if end_hour >= 24 else 0)
                zone = "Z" if k % 4 == 0 else ""
                duration = f"{hours}.{rng.choice(['00', '25', '50', '75'])}" if k % 3 else f"PT{hours}H{rng.choice([0, 15, 30, 45])}M"
                w(f'      <TimeInterval type="{kind}" actionCode="Add">\n'
                  f'        <Id><IdValue>B-{written:07d}</IdValue></Id>\n'
                  f'        <StartDateTime>2026-{month:02d}-{dom:02d}T{start:02d}:00:00{zone}</StartDateTime>\n'
                  f'        <EndDateTime>2026-{month:02d}-{end_day:02d}T{end_hour % 24:02d}:00:00{zone}</EndDateTime>\n'
                  f'        <Duration>{duration}</Duration>\n'
                  f'      </TimeInterval>\n')
            w('    </ReportedTime>\n'
              '    <ApprovalInfo><Person><Id><IdValue>PO-1</IdValue></Id></Person>'
              '<ApprovedDateTime>2026-12-14T09:00:00</ApprovedDateTime></ApprovalInfo>\n  </TimeCard>\n')
        w('</TimeCards>\n')


if __name__ == "__main__":
    main()
