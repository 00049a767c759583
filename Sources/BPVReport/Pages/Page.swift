import BPVModel

/// What every page shares: the run, the date, the way back to the morning report.
enum Page {
    /// `root`: the path from the page to the report's folder (`""` or `"../"`).
    static func common(_ data: ReportData, title: String, root: String) -> [String: Any] {
        ["title": title, "run": data.run, "date": Dutch.date(data.referenceDate), "root": root,
         "exitStatus": data.exitStatus, "format": ReportData.currentFormat, "dryRun": data.dryRun == true]
    }

    /// A value for a Mustache section that shows only when there is something: `false` for `nil` or `""`
    /// (Mustache takes an empty text for true).
    static func section(_ text: String?) -> Any {
        guard let text, !text.isEmpty else { return false }
        return text
    }

    /// A count for a section that shows only when it is above zero.
    static func section(_ count: Int) -> Any { count > 0 ? count : false }
}

/// The names people know things by, looked up once per report: students by number, leerbedrijven by ID,
/// employers by id, results by POK key.
struct Names {
    private var students: [String: String] = [:]
    private var leerbedrijven: [String: String] = [:]
    private var employers: [String: String]
    private var results: [String: POKResult] = [:]

    init(_ data: ReportData) {
        employers = data.employers
        for s in data.students { students[s.number] = s.name.isEmpty ? s.number : "\(s.name) (\(s.number))" }
        for e in data.erkenningen { if let n = e.leerbedrijfName { leerbedrijven[e.leerbedrijf] = n } }
        for r in data.results { results[r.pokKey] = r }
    }

    /// `Sem Ottevanger (2250114)`, or the number alone.
    func student(_ number: String) -> String { students[number] ?? number }
    /// The leerbedrijf's name and ID when the SBB list named it, else the ID.
    func leerbedrijf(_ id: String) -> String { leerbedrijven[id].map { "\($0) (\(id))" } ?? id }
    func employer(_ id: String) -> String { employers[id] ?? id }
    func result(_ pokKey: String) -> POKResult? { results[pokKey] }
}
