/// One entry from an employer's hour export, normalised: who, which day, how long, what kind, and where it
/// came from.
///
/// The employer is the party that sent the hours, which need not be the leerbedrijf (an uitzendbureau or a
/// holding can send them). The student is known once the employer's employee identity is resolved.
public struct HourEntry: Hashable, Sendable {
    /// The sending employer's id, as configured in `bpv.yaml` (text).
    public var employerID: String
    /// The employee as the employer's system knows them (personeelsnummer, e-mail or name).
    public var employeeIdentity: String
    /// The studentnummer, when known (mapped directly or through the employer's alias table).
    public var studentNumber: String?
    /// The leerbedrijf-ID when the export names it (the sender may be an uitzendbureau).
    public var leerbedrijfID: String?
    /// The day worked (for an overnight shift: the day it started, unless the source assigns another day).
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    /// Length in whole minutes. Negative only for corrections from sources that allow them.
    public var minutes: Int
    public var category: HourCategory
    /// The employer's own hour type code, as it appeared in the export.
    public var hourType: String?
    /// Approved by the praktijkopleider; `nil` when the source does not say.
    public var approved: Bool?
    /// The entry's id in the employer's system.
    public var externalID: String?
    /// What the source asks the store to do with the entry (corrections: SETU `@actionCode`).
    public var action: EntryAction
    public var description: String?
    /// Where the entry came from.
    public var source: SourceLocation

    @inlinable  // built once per imported record: inlined, the mapper's values move into place without a copy
    public init(employerID: String, employeeIdentity: String, studentNumber: String? = nil,
                leerbedrijfID: String? = nil, date: CalendarDate, start: TimeOfDay? = nil,
                end: TimeOfDay? = nil, minutes: Int, category: HourCategory, hourType: String? = nil,
                approved: Bool? = nil, externalID: String? = nil, action: EntryAction = .add,
                description: String? = nil, source: SourceLocation) {
        self.employerID = employerID
        self.employeeIdentity = employeeIdentity
        self.studentNumber = studentNumber
        self.leerbedrijfID = leerbedrijfID
        self.date = date
        self.start = start
        self.end = end
        self.minutes = minutes
        self.category = category
        self.hourType = hourType
        self.approved = approved
        self.externalID = externalID
        self.action = action
        self.description = description
        self.source = source
    }
}

/// What an employer's system calls the employee in its exports.
public enum EmployeeIdentityKind: String, CaseIterable, Sendable, Codable {
    case personeelsnummer
    case email
    case name
}

/// What a source asks the store to do with an entry. Sources with corrections (SETU TimeCard `@actionCode`) send
/// them per entry; everything else adds.
public enum EntryAction: String, CaseIterable, Sendable, Codable {
    /// A new entry (SETU `Add`, and `Unchanged` when a correction card repeats it).
    case add
    /// Replaces the active entry of the same source with the same external id (SETU `Change`).
    case change
    /// Removes the active entry of the same source with the same external id; stores nothing itself (SETU `Void`).
    case void
}
