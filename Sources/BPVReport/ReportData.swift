import BPVModel
import Foundation

/// Everything the reports of one run show, as plain values: what was imported, the rejects, the findings, every
/// POK's progress and result, every hour entry's verdict, the erkenningen that need attention, what changed since
/// the last run and what was exported.
///
/// The nightly run builds it once (BPVKit's `ReportSnapshot`) and keeps it beside the run record as
/// `report-data.json` (format ``currentFormat``), so that `bpv report --run ID` renders that run again exactly as it
/// was, whatever the store holds today. Texts are kept as given: the templates escape them.
public struct ReportData: Codable, Sendable, Equatable {
    /// The version of `report-data.json`'s layout; a renderer refuses a newer one.
    public static let currentFormat = 1

    public var format = ReportData.currentFormat
    /// The run's name (its folder: `2026-11-30T031500`).
    public var run: String
    /// `true` for a dry run's report (`bpv run --dry-run`): every page says so. Absent in a real run's data.
    public var dryRun: Bool?
    /// The run's reference date ("today").
    public var referenceDate: CalendarDate
    /// The process's exit status for the run (0, 3, 4).
    public var exitStatus: Int32
    /// Weeks without counted hours from which a POK needs action.
    public var weeksWithoutHoursLimit = 2
    /// Days before an erkenning ends from which it is listed.
    public var erkenningWindowDays = 90
    public var files: [File] = []
    public var rejects: [RejectLine] = []
    public var unresolved: [Unresolved] = []
    public var findings: [FindingLine] = []
    public var poks: [POKLine] = []
    public var students: [StudentLine] = []
    /// The hour entries that do not count, each with its verdict. The counted ones are summed per week in
    /// ``weeks``: a large school has millions (the same choice as the run record's `hours.csv`; `bpv explain`
    /// lists every entry of a student).
    public var entries: [EntryLine] = []
    /// Per student, POK and week: the hours counted and not counted.
    public var weeks: [WeekLine] = []
    public var erkenningen: [ErkenningLine] = []
    public var changes: Changes?
    public var results: [POKResult] = []
    public var exports: [Export] = []
    /// The employers by id: their names for people.
    public var employers: [String: String] = [:]

    public init(run: String, referenceDate: CalendarDate, exitStatus: Int32) {
        self.run = run
        self.referenceDate = referenceDate
        self.exitStatus = exitStatus
    }

    /// One file the run read and what became of it.
    public struct File: Codable, Sendable, Equatable {
        public var file: String
        public var employer: String?
        public var mapping: String
        /// `imported`, `imported_with_rejects`, `already_imported`, `failed`, `checked` (as in `run.json`).
        public var outcome: String
        public var message: String?
        public var recordsRead: Int
        public var stored: Int
        public var rejected: Int
        public var unresolved: Int

        public init(file: String, employer: String?, mapping: String, outcome: String, message: String? = nil,
                    recordsRead: Int, stored: Int, rejected: Int, unresolved: Int = 0) {
            self.file = file
            self.employer = employer
            self.mapping = mapping
            self.outcome = outcome
            self.message = message
            self.recordsRead = recordsRead
            self.stored = stored
            self.rejected = rejected
            self.unresolved = unresolved
        }
    }

    /// One rejected record, with the employer whose file it was in.
    public struct RejectLine: Codable, Sendable, Equatable {
        public var employer: String?
        public var reject: RejectValue

        public init(employer: String?, reject: Reject) {
            self.employer = employer
            self.reject = RejectValue(reject)
        }
    }

    /// ``Reject`` as stored: file, line, column, value, reason, expected, record.
    public struct RejectValue: Codable, Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: String?
        public var columnNumber: Int?
        public var value: String?
        public var reason: String
        public var expected: String?
        public var record: String?

        public init(_ r: Reject) {
            file = r.location.file
            line = r.location.line
            column = r.column
            columnNumber = r.columnNumber
            value = r.value
            reason = r.reason
            expected = r.expected
            record = r.record
        }
    }

    /// An employee identity no alias links to a student.
    public struct Unresolved: Codable, Sendable, Equatable {
        public var employer: String
        public var identity: String
        public var entries: Int

        public init(employer: String, identity: String, entries: Int) {
            self.employer = employer
            self.identity = identity
            self.entries = entries
        }
    }

    /// A finding as the reports show it.
    public struct FindingLine: Codable, Sendable, Equatable {
        public var rule: String
        public var severity: Finding.Severity
        public var date: CalendarDate
        public var student: String?
        public var leerbedrijf: String?
        public var crebo: String?
        public var subject: String
        public var evidence: String
        public var explanation: String

        public init(_ f: Finding) {
            rule = f.rule
            severity = f.severity
            date = f.date
            student = f.studentNumber
            leerbedrijf = f.leerbedrijfID
            crebo = f.crebo
            subject = f.subject
            evidence = f.evidence
            explanation = f.explanation
        }
    }

    /// A student: number, name and programme.
    public struct StudentLine: Codable, Sendable, Equatable {
        public var number: String
        public var name: String
        public var opleiding: String?
        public var crebo: String?
        public var birthDate: CalendarDate?

        public init(number: String, name: String, opleiding: String? = nil, crebo: String? = nil,
                    birthDate: CalendarDate? = nil) {
            self.number = number
            self.name = name
            self.opleiding = opleiding
            self.crebo = crebo
            self.birthDate = birthDate
        }
    }

    /// A POK's progress on the reference date.
    public struct POKLine: Codable, Sendable, Equatable {
        public var key: String
        public var student: String
        public var leerbedrijf: String
        public var crebo: String
        public var begin: CalendarDate
        public var end: CalendarDate
        /// `on_track`, `behind`, `at_risk`, `done`, `ended_short`, `no_norm` (``POKProgress/Status``).
        public var status: String
        public var requiredMinutes: Int?
        public var countedMinutes: Int
        public var expectedMinutes: Int?
        public var notCountedMinutes: Int
        public var projectedDate: CalendarDate?
        public var weeksWithoutHours: Int
        public var firstAssessmentDue: CalendarDate
        /// The programme's weekly norm in minutes (the POK's hours over its weeks), for the weekly chart.
        public var weeklyNormMinutes: Int?

        public init(key: String, student: String, leerbedrijf: String, crebo: String, begin: CalendarDate,
                    end: CalendarDate, status: String, requiredMinutes: Int?, countedMinutes: Int,
                    expectedMinutes: Int?, notCountedMinutes: Int, projectedDate: CalendarDate?,
                    weeksWithoutHours: Int, firstAssessmentDue: CalendarDate) {
            self.key = key
            self.student = student
            self.leerbedrijf = leerbedrijf
            self.crebo = crebo
            self.begin = begin
            self.end = end
            self.status = status
            self.requiredMinutes = requiredMinutes
            self.countedMinutes = countedMinutes
            self.expectedMinutes = expectedMinutes
            self.notCountedMinutes = notCountedMinutes
            self.projectedDate = projectedDate
            self.weeksWithoutHours = weeksWithoutHours
            self.firstAssessmentDue = firstAssessmentDue
            let weeks = max(1, (end.dayNumber - begin.dayNumber + 1 + 6) / 7)
            weeklyNormMinutes = requiredMinutes.map { $0 / weeks }
        }
    }

    /// One hour entry and its verdict.
    public struct EntryLine: Codable, Sendable, Equatable {
        public var student: String?
        public var employer: String
        public var identity: String
        public var date: CalendarDate
        public var start: String?
        public var end: String?
        public var minutes: Int
        public var category: String
        public var pok: String?
        public var verdict: String
        public var countedMinutes: Int
        /// Every reason that applies, as `code: explanation`.
        public var reasons: [String]
        public var file: String
        public var line: Int

        public init(student: String?, employer: String, identity: String, date: CalendarDate, start: String?,
                    end: String?, minutes: Int, category: String, pok: String?, verdict: String,
                    countedMinutes: Int, reasons: [String], file: String, line: Int) {
            self.student = student
            self.employer = employer
            self.identity = identity
            self.date = date
            self.start = start
            self.end = end
            self.minutes = minutes
            self.category = category
            self.pok = pok
            self.verdict = verdict
            self.countedMinutes = countedMinutes
            self.reasons = reasons
            self.file = file
            self.line = line
        }
    }

    /// One student's hours of one week under one POK (`pok` `nil`: hours that belong to no POK).
    public struct WeekLine: Codable, Sendable, Equatable {
        public var student: String
        public var pok: String?
        /// The week's Monday.
        public var monday: CalendarDate
        public var entries: Int
        public var countedMinutes: Int
        public var notCountedMinutes: Int

        public init(student: String, pok: String?, monday: CalendarDate, entries: Int, countedMinutes: Int,
                    notCountedMinutes: Int) {
            self.student = student
            self.pok = pok
            self.monday = monday
            self.entries = entries
            self.countedMinutes = countedMinutes
            self.notCountedMinutes = notCountedMinutes
        }
    }

    /// A leerbedrijf whose erkenning for a POK's crebo ends within the window, has ended or was withdrawn.
    public struct ErkenningLine: Codable, Sendable, Equatable {
        public var student: String?
        public var leerbedrijf: String
        public var leerbedrijfName: String?
        public var crebo: String
        /// `expiring`, `ends_during_pok`, `not_covered`, `no_erkenning`.
        public var status: String
        public var coverageEnds: CalendarDate?
        public var daysLeft: Int?
        public var notCoveredSince: CalendarDate?

        public init(student: String?, leerbedrijf: String, leerbedrijfName: String?, crebo: String, status: String,
                    coverageEnds: CalendarDate?, daysLeft: Int?, notCoveredSince: CalendarDate?) {
            self.student = student
            self.leerbedrijf = leerbedrijf
            self.leerbedrijfName = leerbedrijfName
            self.crebo = crebo
            self.status = status
            self.coverageEnds = coverageEnds
            self.daysLeft = daysLeft
            self.notCoveredSince = notCoveredSince
        }
    }

    /// What changed since the last reconciliation.
    public struct Changes: Codable, Sendable, Equatable {
        public var previousDate: CalendarDate?
        public var newEntries: Int
        public var goneEntries: Int
        public var changedVerdicts: Int
        public var statuses: [StatusChange]

        public init(previousDate: CalendarDate?, newEntries: Int, goneEntries: Int, changedVerdicts: Int,
                    statuses: [StatusChange]) {
            self.previousDate = previousDate
            self.newEntries = newEntries
            self.goneEntries = goneEntries
            self.changedVerdicts = changedVerdicts
            self.statuses = statuses
        }
    }

    /// A POK whose status changed.
    public struct StatusChange: Codable, Sendable, Equatable {
        public var pok: String
        public var before: String
        public var after: String
        public var countedBefore: Int
        public var countedAfter: Int

        public init(pok: String, before: String, after: String, countedBefore: Int, countedAfter: Int) {
            self.pok = pok
            self.before = before
            self.after = after
            self.countedBefore = countedBefore
            self.countedAfter = countedAfter
        }
    }

    /// A file an export wrote, and its rows.
    public struct Export: Codable, Sendable, Equatable {
        public var file: String
        public var rows: Int

        public init(file: String, rows: Int) {
            self.file = file
            self.rows = rows
        }
    }
}

extension ReportData {
    /// The data as `report-data.json`.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        // Keys as the Swift properties spell them: snake_case would not survive `leerbedrijfID` and back.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads `report-data.json`; a newer format than this build knows is refused.
    public static func decode(_ data: Data) throws -> ReportData {
        let decoder = JSONDecoder()
        struct Head: Decodable { var format: Int }
        let head = try decoder.decode(Head.self, from: data)
        guard head.format <= currentFormat else {
            throw ReportError("report-data.json has format \(head.format); this bpv reads up to \(currentFormat)")
        }
        return try decoder.decode(ReportData.self, from: data)
    }
}

/// A report that cannot be rendered: a template that does not parse, data of an unknown format.
public struct ReportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
