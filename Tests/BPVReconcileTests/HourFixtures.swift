import BPVModel
import BPVReconcile

/// Small dossiers for the hour rules: a POK, entries by day and times, and ids in the order written.
enum Hours {
    static let leerbedrijf = "100234567"

    static func pok(_ begin: String = "2026-09-01", _ end: String = "2026-12-31", student: String = "2250476",
                    leerbedrijf: String = leerbedrijf, crebo: String = "25798", hours: Int? = 100) -> POK {
        POK(studentNumber: student, leerbedrijfID: leerbedrijf, crebo: crebo, begin: d(begin), end: d(end),
            minutes: hours.map { $0 * 60 })
    }

    /// An entry of `minutes` (default: the times' length) on `day`, `start`–`end`.
    static func entry(_ id: Int64, _ day: String, _ start: String? = "08:00", _ end: String? = "16:00",
                      minutes: Int? = nil, student: String? = "2250476", employer: String = "podiumbouw-oost",
                      employerLeerbedrijf: String? = leerbedrijf, leerbedrijf: String? = nil,
                      category: HourCategory = .work, approved: Bool? = true, file: String = "export.csv") -> ReconcileEntry {
        let s = start.map(time), e = end.map(time)
        var length = 0
        if let s, let e { length = (e.hour * 60 + e.minute) - (s.hour * 60 + s.minute); if length <= 0 { length += 1440 } }
        let entry = HourEntry(employerID: employer, employeeIdentity: "P\(id)", studentNumber: student,
                              leerbedrijfID: leerbedrijf, date: d(day), start: s, end: e, minutes: minutes ?? length,
                              category: category, approved: approved,
                              source: SourceLocation(file: file, line: Int(id) + 1))
        return ReconcileEntry(id: id, entry: entry, employerLeerbedrijfID: employerLeerbedrijf)
    }

    static func time(_ text: String) -> TimeOfDay {
        let parts = text.split(separator: ":").map { Int($0)! }
        return TimeOfDay(hour: parts[0], minute: parts[1])!
    }
}
