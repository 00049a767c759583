import BPVModel

extension RuleID {
    /// ``POKDisappearanceRule``: a POK the student administration's previous list had and its new list does not.
    public static let pokDisappeared: RuleID = "pok.disappeared"
}

/// Compares a POK list of the student administration with the previous list of the same source: a POK the new
/// list no longer has is ended in the dossier (superseded with its history, never deleted), with a warning that
/// says which list had it and which does not.
///
/// Two lists name the same POK by its `pok_number` when both rows have one, else by student, leerbedrijf, crebo
/// and begin date (so a list that starts giving numbers still recognises its earlier POKs).
public struct POKDisappearanceRule: Rule {
    public static let id = RuleID.pokDisappeared
    public static let title = "A POK is gone from the SIS's new list"

    /// A POK of the previous list, with the import batch that stored it.
    public struct Listed: Hashable, Sendable {
        public var pok: POK
        public var batchID: Int64

        public init(pok: POK, batchID: Int64) {
            self.pok = pok
            self.batchID = batchID
        }
    }

    public struct Input: Sendable {
        /// The previous list's POKs (the source's current ones).
        public var previous: [Listed]
        /// The new list's POKs; leerbedrijf-IDs resolved as the previous list's are.
        public var listed: [POK]
        /// The new list's file, for the evidence.
        public var file: String
        /// The new list's rejected rows: a POK in one of them reads as gone, so the finding says so.
        public var rejectedRows: Int
        /// The import's date: the findings' date.
        public var date: CalendarDate

        public init(previous: [Listed], listed: [POK], file: String, rejectedRows: Int = 0, date: CalendarDate) {
            self.previous = previous
            self.listed = listed
            self.file = file
            self.rejectedRows = rejectedRows
            self.date = date
        }
    }

    /// Which POKs of the previous list are gone, and a finding for each.
    public struct Outcome: RuleOutput, Hashable, Sendable {
        /// Indices into ``Input/previous``, in its order.
        public var disappeared: [Int]
        public var findings: [Finding]
        public var reasons: [VerdictReason] { [] }

        public init(disappeared: [Int] = [], findings: [Finding] = []) {
            self.disappeared = disappeared
            self.findings = findings
        }
    }

    /// Student, leerbedrijf, crebo and begin: a POK's identity when a row has no number.
    struct Key: Hashable {
        var student: String, leerbedrijf: String, crebo: String, begin: CalendarDate
        init(_ pok: POK) {
            (student, leerbedrijf, crebo, begin) = (pok.studentNumber, pok.leerbedrijfID, pok.crebo, pok.begin)
        }
    }

    public let settings: NoSettings

    public init(settings: NoSettings) {
        self.settings = settings
    }

    public func evaluate(_ input: Input) -> Outcome {
        let numbers = Set(input.listed.compactMap(\.pokNumber))
        let allKeys = Set(input.listed.map(Key.init))
        let unnumberedKeys = Set(input.listed.filter { $0.pokNumber == nil }.map(Key.init))
        var disappeared: [Int] = []
        var findings: [Finding] = []
        for (index, listed) in input.previous.enumerated() {
            let pok = listed.pok
            let present: Bool
            if let number = pok.pokNumber {
                present = numbers.contains(number) || unnumberedKeys.contains(Key(pok))
            } else {
                present = allKeys.contains(Key(pok))
            }
            guard !present else { continue }
            disappeared.append(index)
            findings.append(Finding(rule: Self.id, severity: .warning, date: input.date,
                                    studentNumber: pok.studentNumber, leerbedrijfID: pok.leerbedrijfID,
                                    crebo: pok.crebo, subject: pok.subject, evidence: evidence(listed, input),
                                    explanation: explanation(input)))
        }
        return Outcome(disappeared: disappeared, findings: findings)
    }

    /// `listed as P2025-0562 on line 3 of poks.csv (import batch 2); poks-2.csv has no POK with that number`.
    private func evidence(_ listed: Listed, _ input: Input) -> String {
        let pok = listed.pok
        let line = pok.location.map { "line \($0.line) of \($0.file)" } ?? "the previous list"
        if let number = pok.pokNumber {
            return "listed as \(number) on \(line) (import batch \(listed.batchID)); \(input.file) has no POK with that number"
        }
        return "listed on \(line) (import batch \(listed.batchID)); \(input.file) has no POK of this student at this "
            + "leerbedrijf for crebo \(pok.crebo) beginning \(pok.begin)"
    }

    private func explanation(_ input: Input) -> String {
        var text = "The student administration no longer lists this POK: the dossier ends it with this list (it stays "
            + "in the store with its history). If the POK ended, record its termination date in the SIS; if it was "
            + "left out by mistake, correct the export and import it again."
        if input.rejectedRows > 0 {
            text += " The new list has \(input.rejectedRows) rejected row(s): if this POK is one of them, fix the row."
        }
        return text
    }
}
