import BPVModel

/// The average rules' shared evaluation: for each week worked, the window of `weeks` whole ISO weeks ending with
/// it; its total over `weeks` × the weekly limit is a finding, dated the last week's Monday. Weeks without hours
/// count as 0 (the hours of other employers are not known here). The age is taken on the last week's Monday.
struct AverageWindow {
    let rule: RuleID
    let weeks: Int
    let limits: WorkingTimeLimit

    func evaluate(_ hours: StudentHours, _ settings: WorkingTimeSettings) -> RuleOutcome {
        var perWeek: [ISOWeek: Int] = [:]
        for (day, minutes) in hours.minutesByDay(settings) { perWeek[ISOWeek(containing: day), default: 0] += minutes }
        var findings: [Finding] = []
        for last in perWeek.keys.sorted() {
            let age = hours.ageGroup(on: last.monday)
            guard let weekly = limits.limit(for: age) else { continue }
            let window = (0..<weeks).map { last.adding(weeks: $0 - weeks + 1) }
            let total = window.reduce(0) { $0 + (perWeek[$1] ?? 0) }, limit = weekly * weeks
            guard limit < total else { continue }
            let first = window[0]
            let list = window.map { "\($0) \(hm(perWeek[$0] ?? 0))" }.joined(separator: ", ")
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
}
