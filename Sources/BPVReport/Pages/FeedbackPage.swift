import BPVModel

/// Feedback to one employer (`terugkoppeling/<employer>.html`, and the same lines as CSV beside it): which lines of
/// which of its files could not be used and why, and which of its employees are unknown. It holds only that
/// employer's data, so the bpv-bureau can send it as it is.
enum FeedbackPage {
    struct Employer {
        var id: String
        var rejects: Int
        var unresolved: Int
    }

    /// The employers with rejects or unknown employees in the run, by id.
    static func employers(_ data: ReportData) -> [Employer] {
        var rejects: [String: Int] = [:], unresolved: [String: Int] = [:]
        for r in data.rejects { if let e = r.employer { rejects[e, default: 0] += 1 } }
        for u in data.unresolved { unresolved[u.employer, default: 0] += 1 }
        return Set(rejects.keys).union(unresolved.keys).sorted().map {
            Employer(id: $0, rejects: rejects[$0] ?? 0, unresolved: unresolved[$0] ?? 0)
        }
    }

    /// The rejects of `employer`'s files only.
    static func rejects(of employer: String, in data: ReportData) -> [ReportData.RejectValue] {
        data.rejects.filter { $0.employer == employer }.map(\.reject)
    }

    static func view(_ data: ReportData, employer: String, names: Names) -> [String: Any] {
        let name = names.employer(employer)
        var view = Page.common(data, title: "Terugkoppeling uren – \(name)", root: "../")
        view["employer"] = name
        let rejects = rejects(of: employer, in: data)
        view["rejects"] = rejects.map { r -> [String: Any] in
            ["file": MorningPage.baseName(r.file), "line": r.line,
             "column": r.column.map { c in r.columnNumber.map { "\(c) (kolom \($0))" } ?? c } ?? "–",
             "value": r.value ?? "", "reason": r.reason, "expected": r.expected ?? ""]
        }
        view["hasRejects"] = !rejects.isEmpty
        let unknown = data.unresolved.filter { $0.employer == employer }
        view["unresolved"] = unknown.map { ["identity": $0.identity, "entries": $0.entries] as [String: Any] }
        view["hasUnresolved"] = !unknown.isEmpty
        view["files"] = Set(rejects.map { MorningPage.baseName($0.file) }).sorted()
        return view
    }

    /// `id` as a file name: ASCII letters, digits, `-` and `_`; anything else becomes `_`.
    static func fileStem(_ id: String) -> String {
        let stem = String(id.unicodeScalars.map { s -> Character in
            (s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_"))
                ? Character(s) : "_"
        })
        return stem.isEmpty ? "_" : stem
    }
}
