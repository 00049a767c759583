/// Why an hour entry counts or not: the stable codes that CSV and JSON outputs carry. An entry has one primary
/// code (the first that applies in ``precedence``) and the full list of codes that apply.
public enum VerdictCode: String, CaseIterable, Sendable, Codable, Comparable {
    case counted
    /// No alias links the employee to a student.
    case unknownEmployee = "unknown_employee"
    /// The student has no POK at the entry's leerbedrijf (or none at all).
    case noPOK = "no_pok"
    /// Sent by an employer without a leerbedrijf (an uitzendbureau) while several of the student's POKs run.
    case ambiguousPOK = "ambiguous_pok"
    /// Before the POK's begin or after its end.
    case outsidePeriod = "outside_period"
    /// Before the day the POK was signed and handed in.
    case beforeSigned = "before_signed"
    /// After the POK was ended early.
    case afterTermination = "after_termination"
    case categorySick = "category_sick"
    case categoryLeave = "category_leave"
    case categoryHoliday = "category_holiday"
    case categoryDoctor = "category_doctor"
    case categoryTravelStandplaats = "category_travel_standplaats"
    case categoryTravelJobs = "category_travel_jobs"
    case categoryTraining = "category_training"
    case categoryOther = "category_other"
    /// No erkenning of the POK's leerbedrijf for the POK's crebo on the entry's day.
    case notAccredited = "not_accredited"
    /// The same student, day and times as an entry from another file or employer.
    case duplicate
    /// Times that overlap another counted entry of the same student.
    case overlap
    /// Not approved by the praktijkopleider (counted or not by the approval policy).
    case notApproved = "not_approved"

    /// The order in which codes become an entry's primary reason: who the entry belongs to first, then when,
    /// then what kind of time, then whether the leerbedrijf may train, then the other entries, then approval.
    public static let precedence: [VerdictCode] = [
        .unknownEmployee, .noPOK, .ambiguousPOK, .outsidePeriod, .beforeSigned, .afterTermination,
        .categorySick, .categoryLeave, .categoryHoliday, .categoryDoctor, .categoryTravelStandplaats,
        .categoryTravelJobs, .categoryTraining, .categoryOther, .notAccredited, .duplicate, .overlap, .notApproved,
    ]

    private var rank: Int { Self.precedence.firstIndex(of: self) ?? -1 }
    public static func < (a: VerdictCode, b: VerdictCode) -> Bool { a.rank < b.rank }
}
