/// A leerweg: BOL (school-based, with internships) or BBL (work and learn). SBB lists give it per leerplaats,
/// the crebo list per qualification; `both` when a list says "BOL/BBL".
public enum Leerweg: String, CaseIterable, Sendable, Codable {
    case bol, bbl, both

    /// Whether an erkenning (or qualification) for `self` allows a placement in `other`.
    public func allows(_ other: Leerweg) -> Bool {
        self == .both || self == other
    }

    /// `BOL`, `BBL` or `BOL/BBL`.
    public var label: String {
        switch self {
        case .bol: return "BOL"
        case .bbl: return "BBL"
        case .both: return "BOL/BBL"
        }
    }
}
