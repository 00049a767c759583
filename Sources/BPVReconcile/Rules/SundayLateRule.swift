import BPVModel

extension RuleID {
    /// ``SundayLateRule``.
    public static let programmeSundayLate: RuleID = "programme.sunday_late"
}

/// On Sundays the bpv ends by the leerjaar's latest end (`sunday_latest_end:`; PET year 1: 22:00 at the latest):
/// an entry on a Sunday that ends later, or runs past midnight, fires; ending at 22:00 exactly passes. An entry
/// without an end time cannot be judged and is left alone. Findings only.
public struct SundayLateRule: Rule {
    public static let id = RuleID.programmeSundayLate
    public static let title = "Sunday bpv ends in time"

    public let settings: ProgrammeSettings

    public init(settings: ProgrammeSettings = ProgrammeSettings()) {
        self.settings = settings
    }

    /// A finding per Sunday (and programme) with an entry ending after the limit.
    public func evaluate(_ hours: ProgrammeHours) -> RuleOutcome {
        hours.findingsPerDay(settings) { day, first, date in
            guard date.isoWeekday == 7, let latest = first.year?.sundayLatestEnd else { return nil }
            let limit = latest.secondsSinceMidnight / 60
            let late = day.filter { entry in WorkingEntry(entry.entry).end.map { $0 > limit } ?? false }
            guard !late.isEmpty else { return nil }
            return hours.finding(
                Self.id, settings, late,
                evidence: "bpv on Sunday \(date) after \(latest), the latest end in "
                    + "\(ProgrammeHours.describe(first)): "
                    + late.map { WorkingEntry($0.entry).evidence }.joined(separator: "; "),
                explanation: "In leerjaar \(first.leerjaar!) of \(first.programme.title ?? first.programme.name) "
                    + "the bpv on a Sunday ends by \(latest) at the latest. Check the times with the student and the "
                    + "leerbedrijf.")
        }
    }
}
