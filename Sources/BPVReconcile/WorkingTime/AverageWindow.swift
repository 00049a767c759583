import BPVModel

/// The average rules' shared evaluation: for each week worked, the window of `weeks` whole ISO weeks ending with
/// it; its total over `weeks` × the weekly limit is a finding, dated the last week's Monday. Weeks without hours
/// count as 0 (the hours of other employers are not known here). The age is taken on the last week's Monday.
struct AverageWindow {
    let rule: RuleID
    let weeks: Int
    let limits: WorkingTimeLimit

    func evaluate(_ hours: StudentHours, _ settings: WorkingTimeSettings) -> RuleOutcome {
        // Weeks numbered in a row (a Monday's day number / 7), totals in an array and summed over a window by
        // prefix sums: no hashing per week of every window (a school year of windows per student).
        let days = hours.minutesByDay(settings)
        guard !days.isEmpty else { return RuleOutcome(findings: []) }
        let worked = days.map { (Self.number(of: ISOWeek(containing: $0.key)), $0.value) }
        let base = worked.map(\.0).min()!, count = worked.map(\.0).max()! - base + 1
        var totals = [Int](repeating: 0, count: count), present = [Bool](repeating: false, count: count)
        for (week, minutes) in worked { totals[week - base] += minutes; present[week - base] = true }
        var sums = [0]
        sums.reserveCapacity(count + 1)
        for total in totals { sums.append(sums[sums.count - 1] + total) }
        func minutes(_ week: ISOWeek) -> Int {
            let index = Self.number(of: week) - base
            return totals.indices.contains(index) ? totals[index] : 0
        }
        var findings: [Finding] = []
        for index in 0..<count where present[index] {
            let last = ISOWeek(containing: CalendarDate(dayNumber: (base + index) * 7 + Self.firstMonday))
            let age = hours.ageGroup(on: last.monday)
            guard let weekly = limits.limit(for: age) else { continue }
            let total = sums[index + 1] - sums[max(index + 1 - weeks, 0)], limit = weekly * weeks
            guard limit < total else { continue }
            let window = (0..<weeks).map { last.adding(weeks: $0 - weeks + 1) }
            let first = window[0]
            let list = window.map { "\($0) \(hm(minutes($0)))" }.joined(separator: ", ")
            findings.append(hours.finding(
                rule, limits.severity, on: last.monday,
                subject: "student \(hours.studentNumber), \(weeks) weeks ending \(last)",
                evidence: "\(hm(total)) worked in the \(weeks) weeks \(first) – \(last) (\(first.monday) – \(last.sunday)), "
                    + "limit \(hm(limit)) (\(weeks) × \(hm(weekly))): \(list)",
                explanation: "Over the \(weeks) weeks ending with week \(last) the student worked \(hm(total)), more than "
                    + "an average of \(hm(weekly)) a week, the most \(age.phrase) may work on average over \(weeks) "
                    + "weeks (Arbeidstijdenwet; the age on the last week's Monday). Check the hours with the "
                    + "leerbedrijf; this finding does not change them."))
        }
        return RuleOutcome(findings: findings)
    }

    /// The day number of 1970-01-05, a Monday: every Monday's day number is this plus a multiple of 7.
    private static let firstMonday = 4

    /// Consecutive weeks have consecutive numbers.
    private static func number(of week: ISOWeek) -> Int { (week.monday.dayNumber - firstMonday) / 7 }
}
