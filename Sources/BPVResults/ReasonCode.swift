/// The stable codes of a result's reasons (``BPVModel/POKResult/Reason/code``), as the exports and JSON write them.
public enum ReasonCode {
    /// The counted hours are below the POK's hours (with the minutes short).
    public static let hoursShort = "hours_short"
    /// A required document or assessment is not in the dossier (or fewer than asked).
    public static let evidenceMissing = "evidence_missing"
    /// Handed in, approved or signed after the POK's last day (with the date).
    public static let evidenceLate = "evidence_late"
    /// A grade below the programme's minimum.
    public static let gradeBelow = "grade_below"
    /// An assessment lacks a required signature.
    public static let notSigned = "not_signed"
    /// A document lacks a required approval.
    public static let notApproved = "not_approved"
    /// No programme file with evidence rules covers the POK's crebo.
    public static let noProgramme = "no_programme"

    /// Codes that, while the POK still runs, mean "not yet" rather than "not good".
    static let pending: Set<String> = [hoursShort, evidenceMissing, notSigned, notApproved]
}
