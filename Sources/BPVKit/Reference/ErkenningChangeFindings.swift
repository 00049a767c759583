import BPVModel
import BPVStore

/// Turns the changes between two snapshots into findings: one for every POK that runs on the new list's retrieval
/// date (or starts later) at the leerbedrijf and crebo that changed.
struct ErkenningChangeFindings {
    let source: String
    let previous: ErkenningSnapshot?
    let retrievedOn: CalendarDate

    func findings(for changes: [ErkenningChange], poks: [POK]) -> [Finding] {
        let byPair = Dictionary(grouping: poks.filter { $0.isActive(on: retrievedOn) }) {
            LeerbedrijfCrebo(leerbedrijfID: $0.leerbedrijfID, crebo: $0.crebo)
        }
        var findings: [Finding] = []
        for change in changes {
            for pok in byPair[change.pair] ?? [] {
                let (severity, explanation) = assess(change, pok)
                findings.append(Finding(
                    rule: "erkenning.\(change.kind.rawValue)", severity: severity, date: retrievedOn,
                    studentNumber: pok.studentNumber, leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo,
                    subject: pok.subject, evidence: evidence(change), explanation: explanation))
            }
        }
        return findings
    }

    private func evidence(_ change: ErkenningChange) -> String {
        let before = previous.map { "the list of \($0.retrievedOn) (snapshot \($0.id))" } ?? "the previous list"
        return "\(change.detail): \(before) compared with the list of \(retrievedOn) (\(source))"
    }

    private func assess(_ change: ErkenningChange, _ pok: POK) -> (Finding.Severity, String) {
        switch change.kind {
        case .withdrawn:
            return (.error, "SBB no longer lists this erkenning: the leerbedrijf may no longer be accredited for crebo "
                    + "\(pok.crebo). Hours after the withdrawal may not count; check with SBB and the leerbedrijf.")
        case .unconfirmed:
            return (.warning, "The new list's row for this erkenning was rejected, so it is not confirmed: fix the "
                    + "list (see the rejects) and import it again.")
        case .added:
            return (.info, "A new erkenning for this leerbedrijf and crebo: check whether it closes a gap in the POK's coverage.")
        case .ended, .changed:
            guard let after = change.after else { return (.warning, "The erkenning changed.") }
            if after.start > pok.begin {
                return (.warning, "The erkenning now starts on \(after.start), after the POK began (\(pok.begin)): "
                        + "the days before are not covered by it.")
            }
            if let end = after.end, end < pok.end {
                return (.warning, "The erkenning now ends on \(end), before the POK ends (\(pok.end)): the leerbedrijf "
                        + "needs a renewed erkenning, or the student another leerbedrijf.")
            }
            return (.info, "The erkenning still covers the POK (\(after.period)); no action needed.")
        }
    }
}
