import BPVModel

/// A reconciliation rule: one check of the dossier, as one type in `Sources/BPVReconcile/Rules/`, listed in
/// ``RuleRegistry``, with a test file of the same name in `Tests/BPVReconcileTests/Rules/`.
///
/// A rule is pure: its ``evaluate(_:)`` reads only its `Input` and its settings, and touches no store, clock or
/// file, so the same values always give the same answer. A loader reads the inputs from the store; the rule
/// decides. The shapes it is made for:
/// - a verdict rule over one hour entry with its POK ("hours outside the POK's period"): ``RuleOutcome/reasons``
///   say why the entry does not count;
/// - a rule over a student's entries (working time): ``RuleOutcome/findings``;
/// - a rule over one POK (``ErkenningCoverageRule``): a result of its own that people and reports read, which
///   conforms to ``RuleOutput`` so the engine can collect reasons and findings from any rule alike.
public protocol Rule: Sendable {
    /// What the rule can be told (the `bpv.yaml` rule settings); ``NoSettings`` for a rule without any.
    associatedtype Settings: Sendable
    /// The values one evaluation looks at.
    associatedtype Input
    /// What one evaluation concludes.
    associatedtype Output: RuleOutput

    /// The stable id (see ``RuleID``): declared once, beside the rule.
    static var id: RuleID { get }
    /// A short title for people: `Erkenning covers the POK`.
    static var title: String { get }
    /// The ids its findings carry: `[id]` unless the rule names its cases apart (`erkenning.withdrawn`,
    /// `erkenning.added`...), or raises none.
    static var findingIDs: [RuleID] { get }

    var settings: Settings { get }
    init(settings: Settings)

    /// The rule's answer for one input. Pure and deterministic.
    func evaluate(_ input: Input) -> Output
}

extension Rule {
    public static var findingIDs: [RuleID] { [id] }
}

extension Rule where Settings == NoSettings {
    public init() { self.init(settings: NoSettings()) }
}

/// The settings of a rule that has none.
public struct NoSettings: Sendable, Hashable {
    public init() {}
}

/// What any rule's answer offers the engine: why an hour entry does not count, and what people should look at.
public protocol RuleOutput {
    /// Why the evaluated hour entry does not count; empty when it counts, or when the rule judges no entries.
    var reasons: [VerdictReason] { get }
    /// What people should look at.
    var findings: [Finding] { get }
}

/// The answer of a rule that gives reasons and findings only.
public struct RuleOutcome: RuleOutput, Hashable, Sendable {
    public var reasons: [VerdictReason]
    public var findings: [Finding]

    public init(reasons: [VerdictReason] = [], findings: [Finding] = []) {
        self.reasons = reasons
        self.findings = findings
    }
}

/// Why an hour entry does not count: the rule that says so and the reason in plain words. The engine keeps every
/// reason of every entry, so each entry can explain its verdict, and the not-counted hours add up per rule.
public struct VerdictReason: Hashable, Sendable, CustomStringConvertible {
    /// The stable reason code outputs carry (`outside_period`).
    public var code: VerdictCode
    public var rule: RuleID
    /// `the entry's day 2027-07-10 is after the POK's end (2027-07-09)`.
    public var explanation: String

    public init(_ code: VerdictCode, rule: RuleID, explanation: String) {
        self.code = code
        self.rule = rule
        self.explanation = explanation
    }

    /// `outside_period: the entry's day ...`.
    public var description: String { "\(code.rawValue): \(explanation)" }
}
