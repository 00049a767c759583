/// One BPV record of DUO's registration overview (the RO file): the POK as the school registered it with DUO. The
/// BSN in the file is never read or stored; the record links to the POK by its volgnummer (the POK's number).
public struct DUORegistration: Hashable, Sendable, Codable {
    /// The POK's number at the school.
    public var volgnummer: String
    /// The day the POK was drawn up.
    public var afsluitdatum: CalendarDate?
    public var begin: CalendarDate
    public var plannedEnd: CalendarDate
    public var actualEnd: CalendarDate?
    /// Omvang in minutes (the file gives whole hours).
    public var minutes: Int?
    public var leerbedrijfID: String
    public var crebo: String?
    public var location: SourceLocation?

    public init(volgnummer: String, afsluitdatum: CalendarDate? = nil, begin: CalendarDate, plannedEnd: CalendarDate,
                actualEnd: CalendarDate? = nil, minutes: Int? = nil, leerbedrijfID: String, crebo: String? = nil,
                location: SourceLocation? = nil) {
        self.volgnummer = volgnummer
        self.afsluitdatum = afsluitdatum
        self.begin = begin
        self.plannedEnd = plannedEnd
        self.actualEnd = actualEnd
        self.minutes = minutes
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.location = location
    }
}
