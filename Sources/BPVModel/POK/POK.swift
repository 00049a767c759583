/// A praktijkovereenkomst: the agreement between student, leerbedrijf and school. Its begin and end dates and hours
/// are binding for the bpv; hours count only under a POK.
///
/// Only what the accreditation check needs is here (student, leerbedrijf, crebo, dates, hours); the SIS import
/// adds the rest (volgnummer, afsluitdatum, keuzedeel) later.
public struct POK: Hashable, Sendable {
    public var studentNumber: String
    /// The 9-digit leerbedrijf-ID (or a legacy code that an alias links to one).
    public var leerbedrijfID: String
    public var crebo: String
    public var begin: CalendarDate
    public var end: CalendarDate
    /// The agreed hours, in whole minutes.
    public var minutes: Int?
    public var leerweg: Leerweg?
    public var location: SourceLocation?

    public init(studentNumber: String, leerbedrijfID: String, crebo: String, begin: CalendarDate, end: CalendarDate,
                minutes: Int? = nil, leerweg: Leerweg? = nil, location: SourceLocation? = nil) {
        self.studentNumber = studentNumber
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.begin = begin
        self.end = end
        self.minutes = minutes
        self.leerweg = leerweg
        self.location = location
    }

    public var range: DateRange { DateRange(start: begin, end: end) }

    /// Whether the POK still runs on `date` or starts after it.
    public func isActive(on date: CalendarDate) -> Bool { end >= date }

    /// `POK 2250114 at 101145779 (crebo 25604, 2025-09-01 – 2027-07-09)`.
    public var subject: String { "POK \(studentNumber) at \(leerbedrijfID) (crebo \(crebo), \(range))" }
}
