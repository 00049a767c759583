/// What kind of time an hour entry is, in the school's terms. Whether a category counts towards the POK's hours
/// is a reconciliation rule (domain.md: sick, leave and doctor's hours do not count; travel to the standplaats does
/// not; travel between jobs does), not decided here.
///
/// The raw values are the names mapping files use.
public enum HourCategory: String, CaseIterable, Sendable, Codable {
    case work
    case sick
    case leave
    case holiday
    case doctor
    /// Travel from home to the standplaats (the regular place of work).
    case travelStandplaats = "travel_standplaats"
    /// Travel from the bpv place to jobs and back.
    case travelJobs = "travel_jobs"
    case training
    case other

    /// All raw values, for error messages: `work, sick, ...`.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
