/// A namespace-qualified XML name as a mapping means it: the namespace URI and the local name. Names match on
/// the URI, never on the prefix: `hr:TimeCard` in the mapping matches `<TimeCard xmlns="http://ns.hr-xml.org/...">`
/// and `<ns1:TimeCard xmlns:ns1="...">` alike when `hr` is declared with that URI.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    /// The namespace URI; empty for a name in no namespace.
    public var namespace: String
    public var local: String
    /// The prefix the mapping wrote, for messages only.
    public var prefix: String?

    public init(namespace: String, local: String, prefix: String? = nil) {
        self.namespace = namespace
        self.local = local
        self.prefix = prefix
    }

    /// `hr:TimeCard` (as the mapping wrote it).
    public var description: String { prefix.map { "\($0):\(local)" } ?? local }

    public static func == (a: XMLName, b: XMLName) -> Bool { a.namespace == b.namespace && a.local == b.local }
    public func hash(into hasher: inout Hasher) { hasher.combine(namespace); hasher.combine(local) }
}

/// Which elements are the records: `/hr:TimeCard/hr:ReportedTime/hr:TimeInterval` (from the document's root) or
/// `//hr:TimeCard/hr:ReportedTime/hr:TimeInterval` (those steps, at any depth).
public struct XMLRecordPath: Sendable, Equatable {
    /// The path as written in the mapping.
    public var text: String
    public var steps: [XMLName]
    /// `//`: the steps may start at any depth.
    public var anywhere: Bool

    /// The most steps a record path may have (the reader keeps one bit per enclosing level).
    public static let maxSteps = 32

    public init(text: String, steps: [XMLName], anywhere: Bool) {
        self.text = text
        self.steps = steps
        self.anywhere = anywhere
    }
}

/// Where a field's value is, relative to the record element: child elements (`hr:Id/hr:IdValue`), an attribute
/// (`@type`, `hr:RateOrAmount/@currency`), the record's own text (`.`), or, after `../` steps, an enclosing element
/// whose value applies to every record inside it (`../@status`, `../../hr:ReportedResource/hr:Person/hr:Id/hr:IdValue`).
public struct XMLFieldPath: Sendable, Equatable {
    /// The path as written in the mapping.
    public var text: String
    /// How many `../` steps: 0 = the record, 1 = its parent, ...
    public var up: Int
    /// Child elements below that element.
    public var steps: [XMLName]
    /// The attribute at the end, if any; without one the value is the last element's text.
    public var attribute: XMLName?

    public init(text: String, up: Int, steps: [XMLName], attribute: XMLName?) {
        self.text = text
        self.up = up
        self.steps = steps
        self.attribute = attribute
    }
}

/// Namespace prefixes as a mapping declares them (`source.namespaces`). `xml` is always known.
public struct XMLNamespaces: Sendable, Equatable {
    public var byPrefix: [String: String]

    public init(_ byPrefix: [String: String] = [:]) { self.byPrefix = byPrefix }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    func uri(_ prefix: String) -> String? {
        prefix == "xml" ? Self.xmlNamespace : byPrefix[prefix]
    }
}

/// A path that cannot be used, with a hint for the mapping's author.
public struct XMLPathError: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
}

/// Reads the path syntax of mapping files (mappings/README.md, "XML sources"): a small, strict subset of XPath.
enum XMLPathParser {
    /// Parses `record:`.
    static func recordPath(_ text: String, _ namespaces: XMLNamespaces) -> Result<XMLRecordPath, XMLPathError> {
        let trimmed = text.trimmingWhitespace()
        var anywhere = false
        var body = Substring(trimmed)
        if body.hasPrefix("//") { anywhere = true; body = body.dropFirst(2) } else if body.hasPrefix("/") {
            body = body.dropFirst()
        } else {
            return .failure(XMLPathError(message: "record path '\(text)' must start with / (from the root) or // (at any depth)",
                                         hint: "for example /hr:TimeCard/hr:ReportedTime/hr:TimeInterval"))
        }
        var steps: [XMLName] = []
        for part in body.split(separator: "/", omittingEmptySubsequences: false) {
            if part.hasPrefix("@") || part == ".." || part == "." {
                return .failure(XMLPathError(message: "record path '\(text)' must name elements only, not '\(part)'",
                                             hint: "attributes and ../ belong in the fields' paths"))
            }
            switch name(String(part), in: text, namespaces) {
            case .success(let n): steps.append(n)
            case .failure(let e): return .failure(e)
            }
        }
        if steps.count > XMLRecordPath.maxSteps {
            return .failure(XMLPathError(message: "record path '\(text)' has \(steps.count) steps; BPVKit reads at most "
                                         + "\(XMLRecordPath.maxSteps)", hint: "start it with // and its last steps"))
        }
        return .success(XMLRecordPath(text: trimmed, steps: steps, anywhere: anywhere))
    }

    /// Parses a field's `path:` against the record path it is relative to.
    static func fieldPath(_ text: String, record: XMLRecordPath, _ namespaces: XMLNamespaces) -> Result<XMLFieldPath, XMLPathError> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("/") {
            return .failure(XMLPathError(message: "path '\(text)' starts with /: field paths are relative to the record element",
                                         hint: "use ../ to reach an enclosing element, e.g. ../@status"))
        }
        if trimmed == "." { return .success(XMLFieldPath(text: trimmed, up: 0, steps: [], attribute: nil)) }
        var parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var up = 0
        while parts.first == ".." { up += 1; parts.removeFirst() }
        if parts.isEmpty {
            return .failure(XMLPathError(message: "path '\(text)' names no element or attribute",
                                         hint: "end with a child element or @attribute, e.g. ../@status"))
        }
        var attribute: XMLName?
        if let last = parts.last, last.hasPrefix("@") {
            parts.removeLast()
            switch name(String(last.dropFirst()), in: text, namespaces, isAttribute: true) {
            case .success(let n): attribute = n
            case .failure(let e): return .failure(e)
            }
        }
        var steps: [XMLName] = []
        for part in parts {
            if part == ".." {
                return .failure(XMLPathError(message: "path '\(text)': ../ may only come first", hint: nil))
            }
            if part.hasPrefix("@") {
                return .failure(XMLPathError(message: "path '\(text)': an attribute (\(part)) must be the last step", hint: nil))
            }
            switch name(part, in: text, namespaces) {
            case .success(let n): steps.append(n)
            case .failure(let e): return .failure(e)
            }
        }
        if up >= record.steps.count {
            let most = record.steps.count - 1
            return .failure(XMLPathError(
                message: "path '\(text)' goes up \(up) level(s), above the record path \(record.text)",
                hint: most == 0 ? "the record path names only the record element: write the record path with its enclosing elements"
                    : "at most \(most) ../ with this record path"))
        }
        // From an enclosing element, the path must not go down into the record's own ancestors: which of them
        // would it mean? The same value is reached with fewer ../ steps.
        if up > 0, let first = steps.first, first == record.steps[record.steps.count - up] {
            return .failure(XMLPathError(
                message: "path '\(text)' goes up and back down into \(record.steps[record.steps.count - up]), an element on the record path",
                hint: "write it from that element with one ../ less"))
        }
        return .success(XMLFieldPath(text: trimmed, up: up, steps: steps, attribute: attribute))
    }

    /// One qualified name: `local` or `prefix:local`.
    private static func name(_ part: String, in text: String, _ namespaces: XMLNamespaces,
                             isAttribute: Bool = false) -> Result<XMLName, XMLPathError> {
        if part.isEmpty {
            return .failure(XMLPathError(message: "path '\(text)' has an empty step (// or a / at the end)",
                                         hint: "steps are element names separated by one /"))
        }
        if part.contains(where: { "[]*()=|' \"\t".contains($0) }) || part == "." {
            return .failure(XMLPathError(message: "path '\(text)': '\(part)' is not an element or attribute name",
                                         hint: "paths name elements and attributes only; predicates [..], wildcards * and functions are not supported"))
        }
        let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces.allSatisfy({ isNCName($0) }) else {
            return .failure(XMLPathError(message: "path '\(text)': '\(part)' is not a valid XML name",
                                         hint: "a name is letters, digits, '-', '_' and '.', optionally with one prefix: hr:TimeCard"))
        }
        if pieces.count == 1 { return .success(XMLName(namespace: "", local: part)) }
        let prefix = String(pieces[0])
        guard let uri = namespaces.uri(prefix) else {
            let declared = namespaces.byPrefix.keys.sorted()
            return .failure(XMLPathError(
                message: "path '\(text)': the prefix '\(prefix)' is not declared",
                hint: declared.isEmpty ? "declare it under source.namespaces, e.g. \(prefix): http://..."
                    : (didYouMean(prefix, declared).map { $0 + "; " } ?? "") + "declared: \(declared.joined(separator: ", "))"))
        }
        return .success(XMLName(namespace: uri, local: String(pieces[1]), prefix: prefix))
    }

    /// An XML name without a colon (letters, digits, `-`, `_`, `.`, non-ASCII; not starting with a digit, `-` or `.`).
    static func isNCName<S: StringProtocol>(_ s: S) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if first.isASCII && !(first.properties.isAlphabetic || first == "_") { return false }
        return s.unicodeScalars.allSatisfy { c in
            !c.isASCII || c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
        }
    }
}
