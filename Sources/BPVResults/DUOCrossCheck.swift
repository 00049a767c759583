import BPVModel
import BPVReconcile

extension RuleID {
    /// A current POK that DUO's registration overview does not hold.
    public static let duoPOKMissing: RuleID = "duo.pok_missing"
    /// A BPV registration at DUO whose volgnummer no POK has.
    public static let duoRegistrationWithoutPOK: RuleID = "duo.registration_without_pok"
    /// A registration that differs from its POK (dates, hours, leerbedrijf, crebo).
    public static let duoDifference: RuleID = "duo.difference"
}

/// The cross-check of the POKs against the BPV records the school registered with DUO, matched by volgnummer (the
/// POK's number): POKs missing from DUO, registrations without a POK, and per matched pair every difference in
/// begin, planned end, actual end (the POK's early end), omvang (whole hours), leerbedrijf and crebo.
public enum DUOCrossCheck {
    public static func findings(poks: [POK], registrations: [DUORegistration], on date: CalendarDate) -> [Finding] {
        let byNumber = Dictionary(registrations.map { ($0.volgnummer, $0) }, uniquingKeysWith: { a, _ in a })
        let numbers = Set(poks.compactMap(\.pokNumber))
        var findings: [Finding] = []
        for pok in poks.sorted(by: { $0.key < $1.key }) {
            func finding(_ rule: RuleID, _ evidence: String, _ explanation: String) {
                findings.append(Finding(rule: rule, severity: .warning, date: date, studentNumber: pok.studentNumber,
                                        leerbedrijfID: pok.leerbedrijfID, crebo: pok.crebo, subject: pok.subject,
                                        evidence: evidence, explanation: explanation))
            }
            guard let number = pok.pokNumber, let registration = byNumber[number] else {
                finding(.duoPOKMissing, "POK \(pok.pokNumber ?? "without a number") is not in DUO's registration overview",
                        "Every POK is registered with DUO as a BPV record; register it (or give the POK its volgnummer).")
                continue
            }
            var differences: [String] = []
            if registration.begin != pok.begin { differences.append("begin: DUO \(registration.begin.iso), POK \(pok.begin.iso)") }
            if registration.plannedEnd != pok.end {
                differences.append("planned end: DUO \(registration.plannedEnd.iso), POK \(pok.end.iso)")
            }
            if registration.actualEnd != pok.terminatedOn, registration.actualEnd != nil || pok.terminatedOn != nil {
                differences.append("actual end: DUO \(registration.actualEnd?.iso ?? "none"), POK \(pok.terminatedOn?.iso ?? "none")")
            }
            if let duo = registration.minutes, let own = pok.minutes, duo / 60 != own / 60 {
                differences.append("omvang: DUO \(duo / 60) hours, POK \(own / 60)")
            }
            if registration.leerbedrijfID != pok.leerbedrijfID {
                differences.append("leerbedrijf: DUO \(registration.leerbedrijfID), POK \(pok.leerbedrijfID)")
            }
            if let crebo = registration.crebo, crebo != pok.crebo { differences.append("crebo: DUO \(crebo), POK \(pok.crebo)") }
            if !differences.isEmpty {
                finding(.duoDifference, "volgnummer \(number): " + differences.joined(separator: "; "),
                        "The registration at DUO must match the POK: correct it in the SIS and report it to DUO again.")
            }
        }
        for registration in registrations.sorted(by: { $0.volgnummer < $1.volgnummer }) where !numbers.contains(registration.volgnummer) {
            findings.append(Finding(rule: .duoRegistrationWithoutPOK, severity: .warning, date: date,
                                    leerbedrijfID: registration.leerbedrijfID, crebo: registration.crebo,
                                    subject: "DUO registration \(registration.volgnummer)",
                                    evidence: "volgnummer \(registration.volgnummer) (\(registration.begin.iso) – \(registration.plannedEnd.iso)) "
                                        + "at \(registration.location.map { "\($0)" } ?? "DUO's file") has no POK",
                                    explanation: "A BPV registered with DUO without a POK in the student administration: "
                                        + "end the registration or add the POK."))
        }
        return findings
    }
}
