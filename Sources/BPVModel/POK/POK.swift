/// A praktijkovereenkomst: the agreement between student, leerbedrijf and school. Its begin and end dates and hours
/// are binding for the bpv; hours count only under a POK, and only from the day it was signed and handed in.
///
/// As the student administration lists it: student, leerbedrijf, crebo, dates and hours, the SIS's own number for
/// it, the day it was signed, its status, an early termination, and whether it is a second bpv address (which needs
/// a POK of its own). DUO's volgnummer, afsluitdatum and keuzedeel may follow.
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
    /// The student administration's own key for the POK: a later list names the same POK by it.
    public var pokNumber: String?
    /// The day the POK was signed and handed in: hours count only from then (never after its end).
    public var signedOn: CalendarDate?
    public var status: POKStatus?
    /// An early end (on or after the begin, on or before the end): the POK's last day.
    public var terminatedOn: CalendarDate?
    /// A second bpv address of the student, with its own POK (and its own hour sheet and evaluations).
    public var secondAddress: Bool
    public var location: SourceLocation?

    public init(studentNumber: String, leerbedrijfID: String, crebo: String, begin: CalendarDate, end: CalendarDate,
                minutes: Int? = nil, leerweg: Leerweg? = nil, pokNumber: String? = nil, signedOn: CalendarDate? = nil,
                status: POKStatus? = nil, terminatedOn: CalendarDate? = nil, secondAddress: Bool = false,
                location: SourceLocation? = nil) {
        self.studentNumber = studentNumber
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.begin = begin
        self.end = end
        self.minutes = minutes
        self.leerweg = leerweg
        self.pokNumber = pokNumber
        self.signedOn = signedOn
        self.status = status
        self.terminatedOn = terminatedOn
        self.secondAddress = secondAddress
        self.location = location
    }

    /// The agreed period, begin to end.
    public var range: DateRange { DateRange(start: begin, end: end) }

    /// The last day the POK runs: its termination date when it ended early, else its end date.
    public var lastDay: CalendarDate { terminatedOn ?? end }

    /// The days whose hours count under this POK: from the later of its begin and its signing, to its last day;
    /// `nil` when there are none (signed after it was terminated).
    public var countingPeriod: DateRange? {
        let first = max(begin, signedOn ?? begin)
        return first <= lastDay ? DateRange(start: first, end: lastDay) : nil
    }

    /// Whether the POK still runs on `date` (its last day not passed) or starts after it.
    public func isActive(on date: CalendarDate) -> Bool { lastDay >= date }

    /// `POK 2250114 at 101145779 (crebo 25604, 2025-09-01 – 2027-07-09)`.
    public var subject: String { "POK \(studentNumber) at \(leerbedrijfID) (crebo \(crebo), \(range))" }
}
