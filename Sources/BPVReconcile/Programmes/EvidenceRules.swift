import BPVModel

/// A programme's evidence rules as data (`evidence:` in `mappings/programmes/<name>.yaml`): what a voldoende or
/// goed needs, all delivered and approved by the end of the POK's last day (inclusive), how goed is told from
/// voldoende, and the monitoring while the bpv runs. BPVResults judges POKs by them.
public struct EvidenceRules: Sendable, Hashable {
    public var requirements: [Requirement]
    /// `goed` when this holds (else `voldoende`); `nil`: never goed.
    public var goedWhen: GradeCondition?
    public var monitoring: Monitoring

    public init(requirements: [Requirement], goedWhen: GradeCondition? = nil, monitoring: Monitoring = Monitoring()) {
        self.requirements = requirements
        self.goedWhen = goedWhen
        self.monitoring = monitoring
    }

    /// One requirement: an id (the reason codes name it), a label for people, and what it asks.
    public struct Requirement: Sendable, Hashable {
        public var id: String
        /// `Minimaal 5 STARRT-formulieren`.
        public var label: String
        public var check: Check

        public init(id: String, label: String, check: Check) {
            self.id = id
            self.label = label
            self.check = check
        }
    }

    public enum Check: Sendable, Hashable {
        /// The counted hours reach the POK's hours.
        case hours
        /// At least `minCount` documents of `kind` handed in, each with `minGrade` (when given) and approved by
        /// every role of `approvals`.
        case document(kind: String, minCount: Int, minGrade: Grade?, approvals: [EvidenceRole])
        /// The latest assessment of `stage`: every part of `parts` at least `minGrade`, signed by `signatures`.
        case assessment(stage: Assessment.Stage, parts: [String], minGrade: Grade?, signatures: [EvidenceRole])
    }

    /// A grade condition on the latest assessment of a stage: its `part` at least `atLeast`.
    public struct GradeCondition: Sendable, Hashable {
        public var stage: Assessment.Stage
        public var part: String
        public var atLeast: Grade
        public init(stage: Assessment.Stage, part: String, atLeast: Grade) {
            self.stage = stage
            self.part = part
            self.atLeast = atLeast
        }
    }

    /// Findings while the bpv runs (each `nil`: not checked).
    public struct Monitoring: Sendable, Hashable {
        /// A first tussenbeoordeling within this many weeks of the start (ICT: 8).
        public var firstTussenbeoordelingWeeks: Int?
        /// A tussenbeoordeling in every this many months (ICT: 12).
        public var tussenbeoordelingEveryMonths: Int?
        /// A bpv-bezoek by the bpv-docent in every this many months (ICT: at least once a year).
        public var visitEveryMonths: Int?
        /// Evidence still missing this many weeks before the POK's end date.
        public var evidenceWarningWeeks: Int?

        public init(firstTussenbeoordelingWeeks: Int? = nil, tussenbeoordelingEveryMonths: Int? = nil,
                    visitEveryMonths: Int? = nil, evidenceWarningWeeks: Int? = nil) {
            self.firstTussenbeoordelingWeeks = firstTussenbeoordelingWeeks
            self.tussenbeoordelingEveryMonths = tussenbeoordelingEveryMonths
            self.visitEveryMonths = visitEveryMonths
            self.evidenceWarningWeeks = evidenceWarningWeeks
        }
    }
}
