/// The assessment scale of the bpv application (OnStage): onvoldoende, matig, voldoende, goed, or n.v.t.
/// (not applicable). Ordered O < M < V < G; `nvt` is below every grade when a minimum is asked.
public enum Grade: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case nvt = "n.v.t."
    case o = "O", m = "M", v = "V", g = "G"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Grade, b: Grade) -> Bool { a.rank < b.rank }

    /// `O`, `M`, `V`, `G`, `n.v.t.` (any case; `nvt` too).
    public init?(code: String) {
        switch code.lowercased().filter({ $0 != " " }) {
        case "o": self = .o
        case "m": self = .m
        case "v": self = .v
        case "g": self = .g
        case "n.v.t.", "nvt", "n.v.t": self = .nvt
        default: return nil
        }
    }
}

/// Who signs or approves evidence.
public enum EvidenceRole: String, Hashable, Sendable, Codable, CaseIterable {
    case student
    /// The company's praktijkopleider (werkbegeleider).
    case praktijkopleider
    case bpvDocent = "bpv_docent"
}

/// A signature or an approval: who, on which day.
public struct Signature: Hashable, Sendable, Codable {
    public var role: EvidenceRole
    public var date: CalendarDate
    public init(role: EvidenceRole, date: CalendarDate) {
        self.role = role
        self.date = date
    }
}

/// A tussenbeoordeling or eindbeoordeling from the bpv application: a grade per part (technische and
/// ondernemende vaardigheden) and the overall eindoordeel, with who signed it and when.
public struct Assessment: Hashable, Sendable, Codable {
    public enum Stage: String, Hashable, Sendable, Codable, CaseIterable {
        case tussen, eind
    }
    /// The bpv application's id of the form (the record's key).
    public var id: String
    public var studentNumber: String
    /// The POK's number at the school, when the export gives it.
    public var pokNumber: String?
    public var stage: Stage
    /// The day the assessment was filled in.
    public var date: CalendarDate
    /// Grades per part: `technisch`, `ondernemend`, `eindoordeel`.
    public var parts: [String: Grade]
    public var signatures: [Signature]
    public var location: SourceLocation?

    public init(id: String, studentNumber: String, pokNumber: String? = nil, stage: Stage, date: CalendarDate,
                parts: [String: Grade], signatures: [Signature] = [], location: SourceLocation? = nil) {
        self.id = id
        self.studentNumber = studentNumber
        self.pokNumber = pokNumber
        self.stage = stage
        self.date = date
        self.parts = parts
        self.signatures = signatures
        self.location = location
    }

    /// The part names a mapping reads and a programme file names.
    public static let partNames = ["technisch", "ondernemend", "eindoordeel"]
}

/// A document handed in through the bpv application (bpv-verslag, STARRT-formulier, gespreksverslag,
/// reflectieverslag, evaluatieformulier, logboek...): when, its grade, who approved it and when.
public struct EvidenceDocument: Hashable, Sendable, Codable {
    public var id: String
    public var studentNumber: String
    public var pokNumber: String?
    /// The document kind as the mapping's code table gives it (`starrt`, `bpv-verslag`).
    public var kind: String
    public var handedIn: CalendarDate?
    public var grade: Grade?
    public var approvals: [Signature]
    public var location: SourceLocation?

    public init(id: String, studentNumber: String, pokNumber: String? = nil, kind: String, handedIn: CalendarDate?,
                grade: Grade? = nil, approvals: [Signature] = [], location: SourceLocation? = nil) {
        self.id = id
        self.studentNumber = studentNumber
        self.pokNumber = pokNumber
        self.kind = kind
        self.handedIn = handedIn
        self.grade = grade
        self.approvals = approvals
        self.location = location
    }
}

/// A visit or conversation (bpv-bezoek, evaluatiegesprek, voortgangsgesprek): its day and who took part.
public struct Gesprek: Hashable, Sendable, Codable {
    public var id: String
    public var studentNumber: String
    public var pokNumber: String?
    /// `bpv-bezoek`, `evaluatiegesprek`... as the mapping's code table gives it.
    public var kind: String
    public var date: CalendarDate
    public var participants: [EvidenceRole]
    public var location: SourceLocation?

    public init(id: String, studentNumber: String, pokNumber: String? = nil, kind: String, date: CalendarDate,
                participants: [EvidenceRole], location: SourceLocation? = nil) {
        self.id = id
        self.studentNumber = studentNumber
        self.pokNumber = pokNumber
        self.kind = kind
        self.date = date
        self.participants = participants
        self.location = location
    }
}
