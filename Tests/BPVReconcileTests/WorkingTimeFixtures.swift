import BPVModel
import BPVReconcile

/// The synthetic student of the working-time tests.
let studentNumber = "2250476"

/// `t("22:00")`: a time literal for tests.
func t(_ text: String) -> TimeOfDay {
    guard let time = TimeOfDay(storage: text) else { fatalError("not a time: \(text)") }
    return time
}

/// Minutes: `h(5, 31)` is 5h31.
func h(_ hours: Int, _ minutes: Int = 0) -> Int { hours * 60 + minutes }

/// An entry of the synthetic student from `hours.csv`: `entry("2026-11-02", "08:00", "14:00", worked: h(5, 30))`.
func entry(_ date: String, _ start: String? = nil, _ end: String? = nil, worked minutes: Int,
           _ category: HourCategory = .work, line: Int = 2, action: EntryAction = .add) -> HourEntry {
    HourEntry(employerID: "podiumbouw-oost", employeeIdentity: "P-1", studentNumber: studentNumber, date: d(date),
              start: start.map(t), end: end.map(t), minutes: minutes, category: category, action: action,
              source: SourceLocation(file: "hours.csv", line: line))
}

/// The synthetic student's hours; `born: nil` for an unknown birth date.
func student(born: String?, _ entries: [HourEntry]) -> StudentHours {
    StudentHours(studentNumber: studentNumber, birthDate: born.map(d), entries: entries)
}

/// Born 1990: 18 or over on every date of the tests.
let adult = "1990-05-01"
/// Born 2009-06-15: under 18 until 2027-06-15.
let minor = "2009-06-15"

/// One entry of `minutes` on each of `days` consecutive days from `first`, lines numbered from `line`.
func days(from first: String, count: Int, worked minutes: Int, line: Int = 2) -> [HourEntry] {
    (0..<count).map { HourEntry(employerID: "podiumbouw-oost", employeeIdentity: "P-1", studentNumber: studentNumber,
                                date: d(first).adding(days: $0), minutes: minutes, category: .work,
                                source: SourceLocation(file: "hours.csv", line: line + $0)) }
}

/// Weeks of hours: for each total, that many minutes on the Monday of consecutive weeks from `monday`.
func weeks(from monday: String, totals: [Int]) -> [HourEntry] {
    totals.enumerated().map { i, total in
        HourEntry(employerID: "podiumbouw-oost", employeeIdentity: "P-1", studentNumber: studentNumber,
                  date: d(monday).adding(days: 7 * i), minutes: total, category: .work,
                  source: SourceLocation(file: "hours.csv", line: 2 + i))
    }
}
