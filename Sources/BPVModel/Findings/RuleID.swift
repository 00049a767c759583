/// A rule's stable id, `erkenning.withdrawn`: lower-case words joined by dots, the first naming the area.
///
/// Reports, the store, `findings.csv` and people's filters see the text, so an id never changes once released.
/// The constants sit beside their rules (`Sources/BPVReconcile/Rules/`), and ``Finding/ruleID`` carries one.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
                      ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }
}
