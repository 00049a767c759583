import BPVModel

/// One active hour entry as the reconciliation sees it: its store id, the entry, and the leerbedrijf of the
/// employer that sent it (from bpv.yaml; `nil` for an uitzendbureau or holding).
public struct ReconcileEntry: Sendable, Hashable {
    public var id: Int64
    public var entry: HourEntry
    public var employerLeerbedrijfID: String?

    public init(id: Int64, entry: HourEntry, employerLeerbedrijfID: String?) {
        self.id = id
        self.entry = entry
        self.employerLeerbedrijfID = employerLeerbedrijfID
    }

    /// The leerbedrijf the hours were worked at: the entry's own (a holding names the vestiging per shift), else
    /// the sending employer's.
    public var leerbedrijfID: String? { entry.leerbedrijfID ?? employerLeerbedrijfID }
}

/// Everything one reconciliation looks at, read from the store by one loader (BPVKit's `Reconciler`): pure
/// values, so the same input always gives the same result.
public struct ReconcileInput: Sendable {
    /// "Today": what is expected by now, and the status, are judged on this day.
    public var referenceDate: CalendarDate
    public var students: [Student]
    /// The current POKs.
    public var poks: [POK]
    /// The active hour entries, in any order.
    public var entries: [ReconcileEntry]
    /// Per POK (``POK/key``): the days of its period that no erkenning covers (see ``ErkenningCoverage/gaps``).
    public var erkenningGaps: [String: [DateRange]]
    /// The programmes' timetables (`mappings/programmes/`): a student's entries fall under the programme of the
    /// POK's crebo, else of the student's crebo; no programme, no programme findings.
    public var programmes: [Programme]
    /// The school calendar: theme weeks and other obligations, and the school holidays.
    public var calendar: SchoolCalendar?

    public init(referenceDate: CalendarDate, students: [Student], poks: [POK], entries: [ReconcileEntry],
                erkenningGaps: [String: [DateRange]] = [:], programmes: [Programme] = [],
                calendar: SchoolCalendar? = nil) {
        self.referenceDate = referenceDate
        self.students = students
        self.poks = poks
        self.entries = entries
        self.erkenningGaps = erkenningGaps
        self.programmes = programmes
        self.calendar = calendar
    }

    /// The programme covering `crebo`, if any.
    public func programme(crebo: String?) -> Programme? {
        guard let crebo else { return nil }
        return programmes.first { $0.covers(crebo: crebo) }
    }
}

extension POK {
    /// The POK's key in outputs: the student, leerbedrijf, crebo and begin (`2250114/101145779/25604/2025-09-01`).
    public var key: String { "\(studentNumber)/\(leerbedrijfID)/\(crebo)/\(begin.iso)" }
}
