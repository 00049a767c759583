import BPVModel
import BPVReconcile

/// Judges one POK by its programme's evidence rules: every requirement checked against the dossier (counted hours,
/// documents, assessments), each with its state and reasons; then the outcome. The deadline is the POK's last day
/// (its end date, or the day it ended early), inclusive: evidence handed in, approved or signed on it is on time,
/// the day after is late.
///
/// - `not_decidable` while the POK runs and something is not in yet (hours, a document, an approval, a signature);
/// - `onvoldoende` when a requirement is not met and cannot be met any more (the POK ended, or a grade is below);
/// - else `goed` when the programme's `goed_when` holds, `voldoende` otherwise.
public enum ResultJudge {
    public static func judge(pok: POK, countedMinutes: Int, programme: Programme?, evidence: POKEvidence,
                             on date: CalendarDate) -> POKResult {
        var result = POKResult(pokKey: pok.key, studentNumber: pok.studentNumber, leerbedrijfID: pok.leerbedrijfID,
                               crebo: pok.crebo, programme: programme?.name, outcome: .notDecidable, isFinal: false,
                               reasons: [], checklist: [], judgedOn: date)
        guard let programme, let rules = programme.evidence else {
            result.reasons = [.init(code: ReasonCode.noProgramme, requirement: "",
                                    text: "Geen programmabestand met bewijslast voor crebo \(pok.crebo)")]
            return result
        }
        let deadline = pok.lastDay
        let running = date <= deadline
        var pending = false
        for requirement in rules.requirements {
            let (item, reasons) = check(requirement, pok: pok, countedMinutes: countedMinutes, evidence: evidence,
                                        deadline: deadline)
            result.checklist.append(item)
            result.reasons += reasons
            if running && !reasons.isEmpty && reasons.allSatisfy({ ReasonCode.pending.contains($0.code) }) { pending = true }
        }
        if pending {
            result.outcome = .notDecidable
            result.isFinal = false
        } else if !result.reasons.isEmpty {
            result.outcome = .onvoldoende
            result.isFinal = true
        } else {
            result.outcome = goed(rules.goedWhen, evidence) ? .goed : .voldoende
            result.isFinal = true
        }
        return result
    }

    static func goed(_ condition: EvidenceRules.GradeCondition?, _ evidence: POKEvidence) -> Bool {
        guard let condition, let grade = evidence.latest(condition.stage)?.parts[condition.part] else { return false }
        return grade != .nvt && grade >= condition.atLeast
    }

    // MARK: - One requirement

    static func check(_ requirement: EvidenceRules.Requirement, pok: POK, countedMinutes: Int, evidence: POKEvidence,
                      deadline: CalendarDate) -> (POKResult.ChecklistItem, [POKResult.Reason]) {
        let id = requirement.id
        var reasons: [POKResult.Reason] = []
        var state = POKResult.ChecklistItem.State.met
        let detail: String
        switch requirement.check {
        case .hours:
            let required = pok.minutes ?? 0
            detail = "\(hours(countedMinutes)) van \(hours(required)) uur"
            if countedMinutes < required {
                let short = required - countedMinutes
                reasons.append(.init(code: ReasonCode.hoursShort, requirement: id,
                                     text: "\(hours(short)) uur te weinig: \(detail)", minutes: short))
                state = countedMinutes == 0 ? .missing : .unmet
            }
        case .document(let kind, let minCount, let minGrade, let approvals):
            let documents = evidence.documents.filter { $0.kind == kind && $0.handedIn != nil }
                .sorted { ($0.handedIn!, $0.id) < ($1.handedIn!, $1.id) }
            var good = 0
            var late: (EvidenceDocument, CalendarDate)?
            var below: EvidenceDocument?
            var unapproved: (EvidenceDocument, [EvidenceRole])?
            for document in documents {
                var ok = true
                if let minGrade, !(document.grade.map { $0 != .nvt && $0 >= minGrade } ?? false) {
                    ok = false
                    below = below ?? document
                }
                let missing = approvals.filter { role in !document.approvals.contains { $0.role == role } }
                if !missing.isEmpty { ok = false; unapproved = unapproved ?? (document, missing) }
                let last = ([document.handedIn!] + document.approvals.filter { approvals.contains($0.role) }.map(\.date)).max()!
                if last > deadline { ok = false; late = late ?? (document, last) }
                if ok { good += 1 }
            }
            let lastDate = documents.last?.handedIn.map { ", laatste \($0.iso)" } ?? ""
            detail = minCount > 1 ? "\(good) van \(minCount) in orde, \(documents.count) ingeleverd\(lastDate)"
                : documents.isEmpty ? "niet ingeleverd" : "\(documents.count) ingeleverd\(lastDate), \(good) in orde"
            if good < minCount {
                state = documents.isEmpty ? .missing : .unmet
                if let (document, day) = late {
                    reasons.append(.init(code: ReasonCode.evidenceLate, requirement: id,
                                         text: "\(requirement.label): \(document.id) op \(day.iso), na de laatste dag \(deadline.iso)",
                                         date: day))
                }
                if let below, let minGrade {
                    reasons.append(.init(code: ReasonCode.gradeBelow, requirement: id,
                                         text: "\(requirement.label): \(below.id) beoordeeld \(below.grade?.rawValue ?? "zonder oordeel"), minimaal \(minGrade.rawValue)"))
                }
                if let (document, roles) = unapproved {
                    reasons.append(.init(code: ReasonCode.notApproved, requirement: id,
                                         text: "\(requirement.label): \(document.id) niet goedgekeurd door \(names(roles))"))
                }
                if documents.count < minCount {
                    reasons.append(.init(code: ReasonCode.evidenceMissing, requirement: id,
                                         text: "\(requirement.label): \(documents.count) van \(minCount) ingeleverd"))
                }
            }
        case .assessment(let stage, let parts, let minGrade, let signatures):
            guard let assessment = evidence.latest(stage) else {
                let item = POKResult.ChecklistItem(requirement: id, label: requirement.label, state: .missing,
                                                   detail: "geen \(stage == .eind ? "eindbeoordeling" : "tussenbeoordeling")")
                return (item, [.init(code: ReasonCode.evidenceMissing, requirement: id, text: "\(requirement.label): ontbreekt")])
            }
            let grades = parts.map { "\($0) \(assessment.parts[$0]?.rawValue ?? "-")" }.joined(separator: ", ")
            detail = "\(assessment.id) van \(assessment.date.iso): \(grades); getekend door "
                + (assessment.signatures.isEmpty ? "niemand" : names(assessment.signatures.map(\.role)))
            if let minGrade {
                let low = parts.filter { part in
                    guard let grade = assessment.parts[part] else { return true }
                    return grade != .nvt && grade < minGrade
                }
                if !low.isEmpty {
                    reasons.append(.init(code: ReasonCode.gradeBelow, requirement: id,
                                         text: "\(requirement.label): \(low.map { "\($0) \(assessment.parts[$0]?.rawValue ?? "geen oordeel")" }.joined(separator: ", ")), minimaal \(minGrade.rawValue)"))
                }
            }
            let missing = signatures.filter { role in !assessment.signatures.contains { $0.role == role } }
            if !missing.isEmpty {
                reasons.append(.init(code: ReasonCode.notSigned, requirement: id,
                                     text: "\(requirement.label): niet getekend door \(names(missing))"))
            }
            let last = ([assessment.date] + assessment.signatures.filter { signatures.contains($0.role) }.map(\.date)).max()!
            if last > deadline {
                reasons.insert(.init(code: ReasonCode.evidenceLate, requirement: id,
                                     text: "\(requirement.label): \(assessment.id) op \(last.iso), na de laatste dag \(deadline.iso)",
                                     date: last), at: 0)
            }
            if !reasons.isEmpty { state = .unmet }
        }
        return (POKResult.ChecklistItem(requirement: id, label: requirement.label, state: state, detail: detail), reasons)
    }

    /// Whole hours, or hours with minutes (`12:30`).
    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60)" : "\(minutes / 60):\(String(minutes % 60).leftPadded(2))"
    }

    static func names(_ roles: [EvidenceRole]) -> String {
        roles.map { role in
            switch role {
            case .student: "student"
            case .praktijkopleider: "praktijkopleider"
            case .bpvDocent: "bpv-docent"
            }
        }.joined(separator: ", ")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
