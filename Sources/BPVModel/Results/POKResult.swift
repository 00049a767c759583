/// The final bpv result of one POK, computed from the dossier by the programme's evidence rules
/// (`mappings/programmes/*.yaml`): `goed`, `voldoende`, `onvoldoende`, or `not_decidable` while the POK still runs
/// and evidence is missing. Each result carries its reasons (codes and words) and the evidence checklist it was
/// judged on, so that `bpv explain`, the reports and the exports tell the same story.
///
/// This is the value later stages (reports, exports) read; the stage that computes it is `BPVResults`.
public struct POKResult: Hashable, Sendable, Codable {
    /// `POK.key` of the POK judged.
    public var pokKey: String
    public var studentNumber: String
    public var leerbedrijfID: String
    public var crebo: String
    /// The programme file whose rules judged it (`ict-bbl`), `nil` when no programme covers the crebo.
    public var programme: String?
    public var outcome: Outcome
    /// Final when the POK has ended (its last day passed) or all evidence is in; otherwise it may still change.
    public var isFinal: Bool
    /// Why the outcome is what it is, most important first (empty for a clean `goed` or `voldoende`).
    public var reasons: [Reason]
    /// Every requirement of the programme with what the dossier holds for it.
    public var checklist: [ChecklistItem]
    /// The day the result was judged on (the reference date of the run).
    public var judgedOn: CalendarDate

    public init(pokKey: String, studentNumber: String, leerbedrijfID: String, crebo: String, programme: String?,
                outcome: Outcome, isFinal: Bool, reasons: [Reason], checklist: [ChecklistItem], judgedOn: CalendarDate) {
        self.pokKey = pokKey
        self.studentNumber = studentNumber
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.programme = programme
        self.outcome = outcome
        self.isFinal = isFinal
        self.reasons = reasons
        self.checklist = checklist
        self.judgedOn = judgedOn
    }

    /// The result's stable codes, as CSV and JSON outputs write them.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case goed, voldoende, onvoldoende
        case notDecidable = "not_decidable"

        /// The O/V/G letter a student-administration system takes; `nil` while not decidable.
        public var letter: String? {
            switch self {
            case .goed: "G"
            case .voldoende: "V"
            case .onvoldoende: "O"
            case .notDecidable: nil
            }
        }
    }

    /// One reason: a stable code (`hours_short`, `evidence_missing`, `evidence_late`, `grade_below`, `not_signed`,
    /// `not_approved`), the requirement it is about, and the words for people.
    public struct Reason: Hashable, Sendable, Codable {
        public var code: String
        /// The requirement's id in the programme file (`starrt`, `hours`).
        public var requirement: String
        public var text: String
        /// Minutes short (`hours_short`), when it is about hours.
        public var minutes: Int?
        /// The day that matters (`evidence_late`: when it was handed in).
        public var date: CalendarDate?

        public init(code: String, requirement: String, text: String, minutes: Int? = nil, date: CalendarDate? = nil) {
            self.code = code
            self.requirement = requirement
            self.text = text
            self.minutes = minutes
            self.date = date
        }
    }

    /// One requirement of the programme and its state in the dossier.
    public struct ChecklistItem: Hashable, Sendable, Codable {
        public enum State: String, Hashable, Sendable, Codable {
            /// Delivered on time and meeting every condition.
            case met
            /// Not (yet) in the dossier.
            case missing
            /// In the dossier, but not every condition is met (late, grade, signatures, approval).
            case unmet
        }

        /// The requirement's id in the programme file.
        public var requirement: String
        /// For people, in Dutch as the programme file writes it: `Minimaal 5 STARRT-formulieren`.
        public var label: String
        public var state: State
        /// What the dossier holds: `4 van 5, laatste 2026-11-02`.
        public var detail: String

        public init(requirement: String, label: String, state: State, detail: String) {
            self.requirement = requirement
            self.label = label
            self.state = state
            self.detail = detail
        }
    }
}
