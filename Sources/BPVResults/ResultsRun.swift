import BPVModel
import BPVReconcile

/// The results stage: every POK judged by its programme (``ResultJudge``) and the monitoring findings
/// (``ResultMonitoring``), from the reconciliation's counted hours and the bpv application's records.
public struct Results: Sendable {
    public var results: [POKResult]
    public var findings: [Finding]

    /// Judges every POK of `progress` (the reconciliation's POKs with their counted minutes) on `date`.
    public static func judge(progress: [POKProgress], programmes: [Programme], assessments: [Assessment],
                             documents: [EvidenceDocument], gesprekken: [Gesprek], on date: CalendarDate) -> Results {
        let poks = progress.map(\.pok)
        let evidence = POKEvidence.matching(poks: poks, assessments: assessments, documents: documents, gesprekken: gesprekken)
        var results: [POKResult] = []
        var findings: [Finding] = []
        results.reserveCapacity(progress.count)
        for item in progress {
            let programme = programmes.first { $0.covers(crebo: item.pok.crebo) }
            let own = evidence[item.pok.key] ?? POKEvidence()
            let result = ResultJudge.judge(pok: item.pok, countedMinutes: item.countedMinutes, programme: programme,
                                           evidence: own, on: date)
            results.append(result)
            findings += ResultMonitoring.findings(pok: item.pok, result: result, programme: programme, evidence: own, on: date)
        }
        results.sort { $0.pokKey < $1.pokKey }
        return Results(results: results, findings: findings)
    }

    /// The students whose evidence the judging reads: those with a POK whose programme has evidence rules. A POK
    /// without them is judged `no_programme` and gets no monitoring, whatever its records, so a reader may leave
    /// the records of other students out (``judge(progress:programmes:assessments:documents:gesprekken:on:)``
    /// gives the same results).
    public static func studentsJudgedOnEvidence(progress: [POKProgress], programmes: [Programme]) -> Set<String> {
        var students = Set<String>()
        for item in progress where programmes.first(where: { $0.covers(crebo: item.pok.crebo) })?.evidence != nil {
            students.insert(item.pok.studentNumber)
        }
        return students
    }
}
