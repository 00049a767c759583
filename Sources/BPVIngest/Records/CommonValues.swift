import BPVModel

/// Readings of values that several record kinds share: leerbedrijf references, crebos, leerwegen.
extension RecordFieldReader {
    static let leerbedrijfExpected = "SBB's 9-digit leerbedrijf-ID (7 to 10 digits are padded or trimmed to 9) "
        + "or a 17-character legacy code"

    /// A leerbedrijf-ID or legacy code; `nil` when the field is optional and empty.
    mutating func leerbedrijf<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> LeerbedrijfReference? {
        guard let raw = try text(field, record) else { return nil }
        guard let reference = Identifier.leerbedrijf(raw) else {
            throw problem(field, record, reason: "not a leerbedrijf-ID", expected: Self.leerbedrijfExpected)
        }
        return reference
    }

    /// A crebo (5 digits; spaces and non-breaking spaces removed); `nil` when optional and empty.
    mutating func crebo<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> String? {
        guard let raw = try text(field, record) else { return nil }
        guard let code = Identifier.crebo(raw) else {
            throw problem(field, record, reason: "not a crebo", expected: "5 digits, like 25798")
        }
        return code
    }

    /// A leerweg from a code table (values `bol`, `bbl`, `both`) or from text (`BOL`, `BBL`, `BOL/BBL`).
    mutating func leerweg<R: FieldRecord>(_ field: String, _ record: R) throws(FieldProblem) -> Leerweg? {
        guard let (value, _) = try coded(field, record) else { return nil }
        guard let leerweg = Self.leerweg(from: value) else {
            throw problem(field, record, reason: "not a leerweg", expected: "BOL, BBL or BOL/BBL (or a code table)")
        }
        return leerweg
    }

    static func leerweg(from text: String) -> Leerweg? {
        let word = Identifier.clean(text).lowercased().filter { $0 != " " }
        switch word {
        case "bol": return .bol
        case "bbl": return .bbl
        case "both", "bol/bbl", "bbl/bol", "bol,bbl", "bbl,bol", "bol-bbl", "beide": return .both
        default: return nil
        }
    }
}
