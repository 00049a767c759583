import BPVModel

/// The school calendar (`samples/school/calendar.yaml`): school obligations that take priority over the bpv
/// (theme weeks, exams), and the school holidays.
public struct SchoolCalendar: Sendable, Hashable {
    public var obligations: [Obligation]
    public var holidays: [Holiday]
    /// The file, for evidence.
    public var source: String?

    public init(obligations: [Obligation] = [], holidays: [Holiday] = [], source: String? = nil) {
        self.obligations = obligations
        self.holidays = holidays
        self.source = source
    }

    /// A school obligation: days the student is expected at school, whatever the programme's weekdays say.
    public struct Obligation: Sendable, Hashable {
        /// `Themaweek 2: festivals`.
        public var name: String
        /// The days, both ends inclusive (an ISO week in the file is its Monday to Friday).
        public var dates: DateRange
        /// The programmes (``Programme/name``) it is for; empty: every programme.
        public var programmes: [String]
        /// The leerjaren it is for; empty: every leerjaar.
        public var leerjaren: Set<Int>
        /// Where the file declares it (`calendar.yaml:7`).
        public var location: SourceLocation?

        public init(name: String, dates: DateRange, programmes: [String] = [], leerjaren: Set<Int> = [],
                    location: SourceLocation? = nil) {
            self.name = name
            self.dates = dates
            self.programmes = programmes
            self.leerjaren = leerjaren
            self.location = location
        }

        /// Whether it holds for a student of `programme` in `leerjaar` on `date`.
        public func applies(to programme: Programme, leerjaar: Int?, on date: CalendarDate) -> Bool {
            dates.contains(date) && (programmes.isEmpty || programmes.contains(programme.name))
                && (leerjaren.isEmpty || leerjaar.map(leerjaren.contains) == true)
        }
    }

    /// A school holiday: no school days or lessons then.
    public struct Holiday: Sendable, Hashable {
        /// `Kerstvakantie`, `Bouwvak`.
        public var name: String
        public var dates: DateRange

        public init(name: String, dates: DateRange) {
            self.name = name
            self.dates = dates
        }
    }

    /// The holiday that holds `date`, if any.
    public func holiday(on date: CalendarDate) -> Holiday? { holidays.first { $0.dates.contains(date) } }

    /// The first obligation for a student of `programme` in `leerjaar` on `date`, if any.
    public func obligation(for programme: Programme, leerjaar: Int?, on date: CalendarDate) -> Obligation? {
        obligations.first { $0.applies(to: programme, leerjaar: leerjaar, on: date) }
    }

    /// The start year of the school year holding `date`: school years start on 1 August (2026-08-01 – 2027-07-31
    /// is 2026).
    public static func schoolYear(of date: CalendarDate) -> Int { date.month >= 8 ? date.year : date.year - 1 }
}
