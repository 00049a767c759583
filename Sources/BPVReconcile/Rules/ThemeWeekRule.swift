import BPVModel

extension RuleID {
    /// ``ThemeWeekRule``.
    public static let programmeThemeWeek: RuleID = "programme.theme_week"
}

/// School obligations take priority over the bpv (PET gids 2.5: theme weeks): bpv hours on a day of an obligation
/// in the school calendar (`obligations:`, an ISO week is its Monday to Friday) that holds for the student's
/// programme and leerjaar. Findings only: the hours still count.
public struct ThemeWeekRule: Rule {
    public static let id = RuleID.programmeThemeWeek
    public static let title = "No bpv during a theme week or other school obligation"

    public let settings: ProgrammeSettings

    public init(settings: ProgrammeSettings = ProgrammeSettings()) {
        self.settings = settings
    }

    /// A finding per date (and programme) with bpv hours on a day of a school obligation.
    public func evaluate(_ hours: ProgrammeHours) -> RuleOutcome {
        hours.findingsPerDay(settings) { day, first, date in
            guard let obligation = hours.calendar.obligation(for: first.programme, leerjaar: first.leerjaar, on: date)
            else { return nil }
            let minutes = day.reduce(0) { $0 + $1.entry.minutes }
            let place = obligation.location.map { ", \($0)" } ?? ""
            return hours.finding(
                Self.id, settings, day,
                evidence: "\(hm(minutes)) on \(date), in \(obligation.name) (\(obligation.dates)\(place)) of "
                    + "\(ProgrammeHours.describe(first)): "
                    + day.map { WorkingEntry($0.entry).evidence }.joined(separator: "; "),
                explanation: "\(obligation.name) is a school obligation that takes priority over the bpv: the "
                    + "student is expected at school. Check with the student and the praktijkopleider whether "
                    + "the bpv was agreed with the school.")
        }
    }
}
