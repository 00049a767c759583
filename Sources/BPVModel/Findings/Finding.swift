/// Something a rule noticed that people should look at: which rule, how serious, about what, the evidence, and
/// an explanation in plain words. Findings are reported, never silently acted on.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
        case info, warning, error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// The rule that raised it: a stable id, `erkenning.withdrawn`.
    public var ruleID: RuleID
    public var severity: Severity
    /// The date the finding is about (a list's retrieval date, a check's reference date).
    public var date: CalendarDate
    public var studentNumber: String?
    public var leerbedrijfID: String?
    public var crebo: String?
    /// What it is about, for people: `POK 2240233 at 100234567 (crebo 25798, ...)`.
    public var subject: String
    /// The facts it rests on.
    public var evidence: String
    /// What it means and what to do.
    public var explanation: String

    public init(rule: RuleID, severity: Severity, date: CalendarDate, studentNumber: String? = nil,
                leerbedrijfID: String? = nil, crebo: String? = nil, subject: String, evidence: String,
                explanation: String) {
        self.ruleID = rule
        self.severity = severity
        self.date = date
        self.studentNumber = studentNumber
        self.leerbedrijfID = leerbedrijfID
        self.crebo = crebo
        self.subject = subject
        self.evidence = evidence
        self.explanation = explanation
    }

    /// A finding whose rule id is text: read back from the store, or raised outside BPVReconcile (`alias.moved`).
    public init(rule: String, severity: Severity, date: CalendarDate, studentNumber: String? = nil,
                leerbedrijfID: String? = nil, crebo: String? = nil, subject: String, evidence: String,
                explanation: String) {
        self.init(rule: RuleID(rawValue: rule), severity: severity, date: date, studentNumber: studentNumber,
                  leerbedrijfID: leerbedrijfID, crebo: crebo, subject: subject, evidence: evidence,
                  explanation: explanation)
    }

    /// The rule id as text, as the store and `findings.csv` hold it.
    public var rule: String {
        get { ruleID.rawValue }
        set { ruleID = RuleID(rawValue: newValue) }
    }
}
