import BPVModel

/// How the reports write numbers, dates and codes for Dutch readers.
enum Dutch {
    /// Minutes as hours and minutes: `312:30 u`, `-1:15 u`.
    static func hours(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let m = abs(minutes)
        let rest = m % 60
        return "\(sign)\(grouped(m / 60)):\(rest < 10 ? "0" : "")\(rest) u"
    }

    /// Whole hours with a dot per thousand: `1.200`.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `02-11-2026`.
    static func date(_ d: CalendarDate) -> String {
        (d.day < 10 ? "0" : "") + "\(d.day)-" + (d.month < 10 ? "0" : "") + "\(d.month)-\(d.year)"
    }

    /// A POK status in words.
    static func status(_ code: String) -> String {
        switch code {
        case "on_track": "op schema"
        case "behind": "achter"
        case "at_risk": "in gevaar"
        case "done": "uren gehaald"
        case "ended_short": "beëindigd zonder uren"
        case "no_norm": "geen urennorm"
        default: code
        }
    }

    /// How urgent a POK status is: the order of the overview (most urgent first).
    static func statusRank(_ code: String) -> Int {
        ["at_risk", "behind", "ended_short", "no_norm", "on_track", "done"].firstIndex(of: code) ?? 9
    }

    /// A file's import outcome in words.
    static func outcome(_ code: String) -> String {
        switch code {
        case "imported": "ingelezen"
        case "imported_with_rejects": "ingelezen, met afgekeurde regels"
        case "already_imported": "al eerder ingelezen"
        case "failed": "mislukt"
        case "checked": "gecontroleerd"
        default: code
        }
    }

    static func severity(_ s: Finding.Severity) -> String {
        switch s {
        case .error: "fout"
        case .warning: "waarschuwing"
        case .info: "informatie"
        }
    }

    /// The kind of a finding, by its rule id's first part.
    static func kind(ofRule rule: String) -> String {
        let prefix = rule.split(separator: ".").first.map(String.init) ?? rule
        switch prefix {
        case "erkenning": return "Erkenning"
        case "hours", "pok": return "Uren"
        case "worktime": return "Arbeidstijden"
        case "programme": return "Rooster en schoolkalender"
        case "evidence": return "Bewijs"
        case "results", "result": return "Resultaten"
        case "duo": return "DUO"
        case "alias": return "Koppeling medewerkers"
        default: return "Overig"
        }
    }

    /// A result's outcome in words.
    static func outcome(_ o: POKResult.Outcome) -> String {
        switch o {
        case .goed: "goed"
        case .voldoende: "voldoende"
        case .onvoldoende: "onvoldoende"
        case .notDecidable: "nog niet te bepalen"
        }
    }

    static func checklistState(_ s: POKResult.ChecklistItem.State) -> String {
        switch s {
        case .met: "in orde"
        case .missing: "ontbreekt"
        case .unmet: "niet in orde"
        }
    }

    /// An erkenning status in words.
    static func erkenning(_ code: String) -> String {
        switch code {
        case "expiring": "loopt binnenkort af"
        case "ends_during_pok": "eindigt tijdens de POK"
        case "not_covered": "niet (meer) erkend"
        case "no_erkenning": "geen erkenning"
        case "covered": "erkend"
        default: code
        }
    }

    /// A verdict code in words.
    static func verdict(_ code: String) -> String {
        switch code {
        case "counted": "telt"
        case "unknown_employee": "onbekende medewerker"
        case "no_pok": "geen POK"
        case "ambiguous_pok": "meerdere POK's mogelijk"
        case "outside_period": "buiten de POK-periode"
        case "before_signed": "voor ondertekening"
        case "after_termination": "na beëindiging"
        case "category_sick": "ziek"
        case "category_leave": "verlof"
        case "category_holiday": "feestdag"
        case "category_doctor": "doktersbezoek"
        case "category_travel_standplaats": "reistijd standplaats"
        case "category_travel_jobs": "reistijd tussen klussen"
        case "category_training": "cursus"
        case "category_other": "overig"
        case "not_accredited": "leerbedrijf niet erkend"
        case "duplicate": "dubbel"
        case "overlap": "overlapt"
        case "not_approved": "niet goedgekeurd"
        default: code
        }
    }
}
