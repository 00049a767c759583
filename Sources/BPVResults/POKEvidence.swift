import BPVModel
import BPVReconcile

/// The evidence of one POK from the bpv application: its assessments, documents and gesprekken.
public struct POKEvidence: Sendable, Hashable {
    public var assessments: [Assessment]
    public var documents: [EvidenceDocument]
    public var gesprekken: [Gesprek]

    public init(assessments: [Assessment] = [], documents: [EvidenceDocument] = [], gesprekken: [Gesprek] = []) {
        self.assessments = assessments
        self.documents = documents
        self.gesprekken = gesprekken
    }

    /// The latest assessment of `stage` (by date, then id).
    public func latest(_ stage: Assessment.Stage) -> Assessment? {
        assessments.filter { $0.stage == stage }.max { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// Sorts the bpv application's records to the POKs they belong to: by the POK number when the record gives
    /// one the student's POKs have; else the student's POK whose dates hold the record's day, else the latest
    /// POK that began before it. Records of students without a POK are left out.
    public static func matching(poks: [POK], assessments: [Assessment], documents: [EvidenceDocument],
                                gesprekken: [Gesprek]) -> [String: POKEvidence] {
        let byStudent = Dictionary(grouping: poks, by: \.studentNumber)
        func pok(_ student: String, _ number: String?, _ date: CalendarDate?) -> POK? {
            guard let candidates = byStudent[student], !candidates.isEmpty else { return nil }
            if let number, let match = candidates.first(where: { $0.pokNumber == number }) { return match }
            guard let date else { return candidates.max { $0.begin < $1.begin } }
            if let within = candidates.filter({ $0.begin <= date && date <= $0.lastDay }).max(by: { $0.begin < $1.begin }) {
                return within
            }
            return candidates.filter { $0.begin <= date }.max { $0.begin < $1.begin } ?? candidates.min { $0.begin < $1.begin }
        }
        var result: [String: POKEvidence] = [:]
        for a in assessments {
            if let p = pok(a.studentNumber, a.pokNumber, a.date) { result[p.key, default: POKEvidence()].assessments.append(a) }
        }
        for d in documents {
            if let p = pok(d.studentNumber, d.pokNumber, d.handedIn) { result[p.key, default: POKEvidence()].documents.append(d) }
        }
        for g in gesprekken {
            if let p = pok(g.studentNumber, g.pokNumber, g.date) { result[p.key, default: POKEvidence()].gesprekken.append(g) }
        }
        return result
    }
}
