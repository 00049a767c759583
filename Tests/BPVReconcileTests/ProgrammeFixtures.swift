import BPVModel
import BPVReconcile

/// PET as the sample school's programme file has it: year 1 lessons Monday–Friday 08:30–16:30 and Sundays until
/// 22:00; year 2 school Monday to Wednesday; year 3 the Thursday terugkomdag.
let pet = Programme(name: "pet", title: "PET", crebos: ["25798"], years: [
    .init(leerjaren: [1], lessonHours: .init(weekdays: [1, 2, 3, 4, 5], from: t("08:30"), until: t("16:30")),
          sundayLatestEnd: t("22:00")),
    .init(leerjaren: [2], schoolDays: [1, 2, 3]),
    .init(leerjaren: [3], schoolDays: [4]),
], source: "pet.yaml")

/// ICT BBL: one school day, Tuesday (the sample school's choice), every leerjaar; only the bouwvak lowers the
/// expected hours.
let ictBBL = Programme(name: "ict-bbl", title: "ICT BBL", crebos: ["25604", "25605", "25606"],
                       years: [.init(leerjaren: [1, 2, 3, 4], schoolDays: [2])],
                       expectedHoursHolidays: .named(["Bouwvak"]), source: "ict-bbl.yaml")

/// Themaweek 2026-W46 (Monday 2026-11-09 – Friday 2026-11-13) for PET; the Kerstvakantie; the bouwvak.
let calendar = SchoolCalendar(
    obligations: [.init(name: "Themaweek 2", dates: DateRange(start: d("2026-11-09"), end: d("2026-11-13")),
                        programmes: ["pet"], location: SourceLocation(file: "calendar.yaml", line: 4))],
    holidays: [.init(name: "Kerstvakantie", dates: DateRange(start: d("2026-12-19"), end: d("2027-01-03"))),
               .init(name: "Bouwvak", dates: DateRange(start: d("2027-07-17"), end: d("2027-08-08")))])

/// The synthetic student's entries under `programme` in `leerjaar`.
func programmeHours(_ programme: Programme = pet, leerjaar: Int?, _ entries: [HourEntry],
                    calendar: SchoolCalendar = calendar) -> ProgrammeHours {
    ProgrammeHours(studentNumber: studentNumber, entries: entries.map {
        .init(entry: $0, programme: programme, leerjaar: leerjaar, crebo: programme.crebos.first)
    }, calendar: calendar)
}
