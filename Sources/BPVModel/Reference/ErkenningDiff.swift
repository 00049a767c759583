/// One difference between two snapshots of an SBB list.
public struct ErkenningChange: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// In the new list, not in the old one.
        case added
        /// An end date appeared, or moved earlier.
        case ended
        /// In the old list, absent from the new one.
        case withdrawn
        /// Other date changes (start moved, end extended or removed) or another leerweg.
        case changed
        /// In the old list; the new list's row for it was rejected, so whether it still stands is unknown.
        case unconfirmed
    }

    public var kind: Kind
    public var pair: LeerbedrijfCrebo
    /// The erkenning as the older list had it (`nil` for `added`).
    public var before: Erkenning?
    /// The erkenning as the newer list has it (`nil` for `withdrawn` and `unconfirmed`).
    public var after: Erkenning?

    public init(kind: Kind, pair: LeerbedrijfCrebo, before: Erkenning?, after: Erkenning?) {
        self.kind = kind
        self.pair = pair
        self.before = before
        self.after = after
    }

    /// `ended: 100581320 crebo 25606: end open → 2027-03-31`.
    public var description: String { "\(kind.rawValue): \(pair.leerbedrijfID) crebo \(pair.crebo): \(detail)" }

    /// The change in words, without the subject.
    public var detail: String {
        switch kind {
        case .added: return "new erkenning \(after?.period ?? "")"
        case .withdrawn: return "erkenning \(before?.period ?? "") is absent from the new list"
        case .unconfirmed: return "erkenning \(before?.period ?? "") not confirmed: the new list's row for it was rejected"
        case .ended, .changed:
            guard let before, let after else { return "" }
            var parts: [String] = []
            if before.start != after.start { parts.append("start \(before.start) → \(after.start)") }
            if before.end != after.end { parts.append("end \(before.end?.iso ?? "open") → \(after.end?.iso ?? "open")") }
            if before.leerweg != after.leerweg {
                parts.append("leerweg \(before.leerweg?.label ?? "-") → \(after.leerweg?.label ?? "-")")
            }
            return parts.joined(separator: "; ")
        }
    }
}

/// What changed between two snapshots of an SBB list. Pure: erkenningen in, changes out.
///
/// Erkenningen are compared per leerbedrijf and crebo (leerbedrijf-IDs already resolved through aliases, so a
/// legacy code and its id are the same leerbedrijf). Within a pair they match by start date; of the rest, old and
/// new are paired in start order as `changed` (a moved start), and what remains is `added` or `withdrawn`.
public enum ErkenningDiff {
    /// The changes from `old` to `new`, ordered by leerbedrijf, crebo and date. `unreadable` are the pairs of rows
    /// the new list had but that were rejected: an old erkenning of such a pair is `unconfirmed`, not withdrawn.
    public static func changes(from old: [Erkenning], to new: [Erkenning],
                               unreadable: Set<LeerbedrijfCrebo> = []) -> [ErkenningChange] {
        let before = Dictionary(grouping: old) { LeerbedrijfCrebo(leerbedrijfID: $0.leerbedrijfID, crebo: $0.crebo) }
        let after = Dictionary(grouping: new) { LeerbedrijfCrebo(leerbedrijfID: $0.leerbedrijfID, crebo: $0.crebo) }
        var changes: [ErkenningChange] = []
        for pair in Set(before.keys).union(after.keys).sorted() {
            var olds = (before[pair] ?? []).sorted { $0.start < $1.start }
            var news = (after[pair] ?? []).sorted { $0.start < $1.start }
            // Same start: the same erkenning.
            for o in olds {
                guard let i = news.firstIndex(where: { $0.start == o.start }) else { continue }
                let n = news.remove(at: i)
                olds.removeAll { $0.start == o.start }
                if let kind = compare(o, n) { changes.append(ErkenningChange(kind: kind, pair: pair, before: o, after: n)) }
            }
            // A moved start: pair what is left in start order.
            while !olds.isEmpty && !news.isEmpty {
                let o = olds.removeFirst(), n = news.removeFirst()
                changes.append(ErkenningChange(kind: compare(o, n) ?? .changed, pair: pair, before: o, after: n))
            }
            for n in news { changes.append(ErkenningChange(kind: .added, pair: pair, before: nil, after: n)) }
            for o in olds {
                changes.append(ErkenningChange(kind: unreadable.contains(pair) ? .unconfirmed : .withdrawn,
                                               pair: pair, before: o, after: nil))
            }
        }
        return changes
    }

    /// `ended` when an end appeared or moved earlier (and the start stayed); `changed` for any other difference;
    /// `nil` when nothing the checks use differs.
    static func compare(_ o: Erkenning, _ n: Erkenning) -> ErkenningChange.Kind? {
        if o.start == n.start && o.end == n.end && o.leerweg == n.leerweg { return nil }
        if o.start == n.start && o.leerweg == n.leerweg, let newEnd = n.end {
            if o.end == nil || newEnd < o.end! { return .ended }
        }
        return .changed
    }
}
