import BPVModel

/// What an XML field path says about its role: the last element or attribute name, read like a CSV header name
/// (``HeaderHints``: `Begin`, `@datum`, `Omschrijving`), plus the names of the HR-XML/SETU TimeCard and the path's
/// context (an `IdValue` under `Person` is the employee, the record's own `Id/IdValue` is the entry's id). Only a
/// hint: the values must fit the role too.
enum XMLPathHints {
    /// Element names (lower case) that stand for the employee.
    static let people: Set<String> = ["person", "resource", "reportedresource", "employee", "worker", "medewerker",
                                      "werknemer"]

    static func hint(forPath path: String) -> HeaderHint? {
        let steps = path.split(separator: "/").map(String.init)
        let up = steps.count { $0 == ".." }
        let below = steps.filter { $0 != ".." }
        guard let last = below.last else { return nil }
        let isAttribute = last.hasPrefix("@")
        let local = String((isAttribute ? last.dropFirst() : Substring(last)).split(separator: ":").last ?? "")
        let key = local.lowercased()
        let context = below.dropLast().map { $0.split(separator: ":").last.map { $0.lowercased() } ?? "" }
        // Values about someone else than the employee: the approver, the submitter.
        if context.contains(where: { $0.contains("approv") || $0.contains("submit") }) { return nil }
        switch key {
        case "startdatetime": return HeaderHint(field: .start, identity: nil, strength: 3)
        case "enddatetime": return HeaderHint(field: .end, identity: nil, strength: 3)
        case "idvalue", "id":
            if context.contains(where: people.contains) {
                return HeaderHint(field: .employee, identity: .personeelsnummer, strength: 3)
            }
            return up == 0 ? HeaderHint(field: .externalID, identity: nil, strength: 3) : nil
        case "type":
            return up == 0 && isAttribute && context.isEmpty ? HeaderHint(field: .category, identity: nil, strength: 2) : nil
        case "status":
            return HeaderHint(field: .approved, identity: nil, strength: 1)
        case "actioncode":
            return HeaderHint(field: .action, identity: nil, strength: 3)
        case "formattedname", "dayassignment":
            return nil
        default:
            guard var hint = HeaderHints.hint(for: local) else { return nil }
            // `../../@naam` of a <Vestiging> is not the employee's name: names count below a person element only.
            if hint.field == .employee, hint.identity == .name, up > 0, !context.contains(where: people.contains) {
                return nil
            }
            // A name below another element or in an enclosing element is a weaker hint than the record's own.
            if !context.isEmpty || up > 0 { hint.strength = max(1, hint.strength - 1) }
            return hint
        }
    }
}
