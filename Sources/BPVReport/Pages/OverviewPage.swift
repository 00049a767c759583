import BPVModel

/// The POK overview (`overzicht/<crebo>.html`): every POK of one crebo with status, counted and required hours,
/// projection and result, in a table that sorts by any column (a small inline script; without JavaScript the
/// table is in order of urgency).
enum OverviewPage {
    /// The crebos with POKs, for the morning report's list of overview pages.
    static func crebos(_ data: ReportData, names: Names) -> [[String: Any]] {
        var counts: [String: (total: Int, attention: Int)] = [:]
        for p in data.poks {
            counts[p.crebo, default: (0, 0)].total += 1
            if p.status == "behind" || p.status == "at_risk" { counts[p.crebo]!.attention += 1 }
        }
        let opleiding = opleidingen(data)
        return counts.keys.sorted().map { c in
            ["crebo": c, "opleiding": Page.section(opleiding[c]), "total": counts[c]!.total, "attention": counts[c]!.attention,
             "link": "overzicht/\(fileStem(c)).html"]
        }
    }

    /// The programme's name per crebo, as the students' list gives it.
    static func opleidingen(_ data: ReportData) -> [String: String] {
        var names: [String: String] = [:]
        for s in data.students { if let c = s.crebo, let o = s.opleiding, names[c] == nil { names[c] = o } }
        return names
    }

    /// The view of `crebo`'s page: its POKs, most urgent first.
    static func view(_ data: ReportData, crebo: String, poks: [ReportData.POKLine], names: Names) -> [String: Any] {
        let sorted = poks.sorted {
            (Dutch.statusRank($0.status), $0.student, $0.key) < (Dutch.statusRank($1.status), $1.student, $1.key)
        }
        var byStatus: [String: Int] = [:]
        for p in poks { byStatus[p.status, default: 0] += 1 }
        let opleiding = opleidingen(data)[crebo]
        var view = Page.common(data, title: "POK-overzicht crebo \(crebo)" + (opleiding.map { " – \($0)" } ?? ""),
                               root: "../")
        view["crebo"] = crebo
        view["rows"] = sorted.map { MorningPage.pokRow($0, names: names, data: data, chart: false, root: "../") }
        view["statusCounts"] = byStatus.keys.sorted { Dutch.statusRank($0) < Dutch.statusRank($1) }.map {
            ["status": Dutch.status($0), "statusClass": $0, "count": byStatus[$0]!] as [String: Any]
        }
        view["total"] = poks.count
        return view
    }

    /// A crebo as a file name: its letters and digits.
    static func fileStem(_ crebo: String) -> String { FeedbackPage.fileStem(crebo) }
}
