/// One qualification (crebo) as one edition of SBB's crebo list gives it. The same crebo recurs across editions;
/// ended ones sit in the list's "Vervallen" part with their end dates and successor.
public struct Crebo: Hashable, Sendable {
    /// The crebo, 5 digits.
    public var crebo: String
    /// `Crebo`: the qualification's name.
    public var name: String?
    /// 1 to 4.
    public var niveau: Int?
    /// `Soort opleiding` (kwalificatie, keuzedeel, ...), as written.
    public var soort: String?
    public var leerweg: Leerweg?
    /// The edition's date ("geldig vanaf"); `nil` when the list does not say.
    public var geldigVanaf: CalendarDate?
    /// Last day students may enrol (`Datum einde instroom`).
    public var eindeInstroom: CalendarDate?
    /// Last day of the qualification (`Datum einde opleiding`).
    public var eindeOpleiding: CalendarDate?
    /// `Wordt vervangen door`: the successor crebo(s), in the order written.
    public var vervangenDoor: [String]
    /// The kwalificatiedossier the crebo belongs to (its code, e.g. `23914`), when the list says (the dossier XML).
    public var dossier: String?
    /// The row in the list.
    public var location: SourceLocation?

    public init(crebo: String, name: String? = nil, niveau: Int? = nil, soort: String? = nil, leerweg: Leerweg? = nil,
                geldigVanaf: CalendarDate? = nil, eindeInstroom: CalendarDate? = nil,
                eindeOpleiding: CalendarDate? = nil, vervangenDoor: [String] = [], dossier: String? = nil,
                location: SourceLocation? = nil) {
        self.crebo = crebo
        self.name = name
        self.niveau = niveau
        self.soort = soort
        self.leerweg = leerweg
        self.geldigVanaf = geldigVanaf
        self.eindeInstroom = eindeInstroom
        self.eindeOpleiding = eindeOpleiding
        self.vervangenDoor = vervangenDoor
        self.dossier = dossier
        self.location = location
    }

    /// This row with the values `other` gives (where it gives them).
    public func merged(with other: Crebo) -> Crebo {
        var m = self
        m.name = other.name ?? name
        m.niveau = other.niveau ?? niveau
        m.soort = other.soort ?? soort
        m.leerweg = other.leerweg ?? leerweg
        m.eindeInstroom = other.eindeInstroom ?? eindeInstroom
        m.eindeOpleiding = other.eindeOpleiding ?? eindeOpleiding
        m.vervangenDoor = other.vervangenDoor.isEmpty ? vervangenDoor : other.vervangenDoor
        m.dossier = other.dossier ?? dossier
        m.location = other.location ?? location
        return m
    }

    /// Whether the row says anything about the crebo's end (a "Vervallen" row).
    public var hasLifecycle: Bool { eindeInstroom != nil || eindeOpleiding != nil || !vervangenDoor.isEmpty }
}

/// The crebos of one or more imported crebo lists, looked up by code and reference date. Pure: build it from
/// stored ``Crebo`` rows.
///
/// - Descriptive facts (name, niveau, leerweg) come from the edition in force on the reference date: the newest
///   edition whose `geldig vanaf` is on or before it (else the oldest edition known, and editions without a date
///   count as oldest).
/// - End facts (einde instroom, einde opleiding, successor) come from the newest edition that states them: an end
///   is learned later than the qualification, and a later list does not take it back by staying silent.
/// - Crebos match by exact code only, never by name.
public struct CreboRegister: Sendable {
    private var editions: [String: [Crebo]] = [:]

    /// Rows of the same crebo and edition merge (a later row's values fill or replace an earlier row's, empty values
    /// leave them), as the store merges a "Vervallen" file into the qualification rows.
    public init(_ kwalificaties: [Crebo]) {
        for k in kwalificaties {
            var list = editions[k.crebo, default: []]
            if let i = list.firstIndex(where: { $0.geldigVanaf == k.geldigVanaf }) {
                list[i] = list[i].merged(with: k)
            } else {
                list.append(k)
            }
            editions[k.crebo] = list
        }
        for code in editions.keys {
            editions[code]!.sort { ($0.geldigVanaf?.dayNumber ?? Int.min) < ($1.geldigVanaf?.dayNumber ?? Int.min) }
        }
    }

    /// Whether any crebo list was imported at all.
    public var isEmpty: Bool { editions.isEmpty }

    /// Every edition of `crebo`, oldest first.
    public func editions(of crebo: String) -> [Crebo] { editions[crebo] ?? [] }

    /// The crebo as known on `date`: descriptive facts from the edition in force, end facts from the newest
    /// edition stating them. `nil` when no list has the crebo.
    public func lookup(_ crebo: String, on date: CalendarDate) -> Crebo? {
        guard let all = editions[crebo], let oldest = all.first else { return nil }
        var result = all.last { ($0.geldigVanaf.map { $0 <= date } ?? true) } ?? oldest
        // An edition that states only dates (the dossier XML) takes the descriptive facts of the nearest one that
        // states them: the one in force before it, else the next.
        let inForce = all.firstIndex(of: result) ?? 0
        let nearest = all[..<inForce].reversed() + all[(inForce + 1)...]
        if result.name == nil { result.name = nearest.first { $0.name != nil }?.name }
        if result.niveau == nil { result.niveau = nearest.first { $0.niveau != nil }?.niveau }
        if result.soort == nil { result.soort = nearest.first { $0.soort != nil }?.soort }
        if result.leerweg == nil { result.leerweg = nearest.first { $0.leerweg != nil }?.leerweg }
        if result.dossier == nil { result.dossier = nearest.first { $0.dossier != nil }?.dossier }
        if let ending = all.last(where: \.hasLifecycle) {
            result.eindeInstroom = ending.eindeInstroom
            result.eindeOpleiding = ending.eindeOpleiding
            result.vervangenDoor = ending.vervangenDoor
        }
        return result
    }

    /// The successors of `crebo`, followed through every edition's `wordt vervangen door`, breadth first.
    /// A crebo met twice ends the walk and is reported as a cycle.
    public func successors(of crebo: String, on date: CalendarDate) -> SuccessorChain {
        var levels: [[String]] = []
        var seen: Set<String> = [crebo]
        var frontier = [crebo]
        var cycle: String?
        while !frontier.isEmpty {
            var next: [String] = []
            for code in frontier {
                for successor in lookup(code, on: date)?.vervangenDoor ?? [] {
                    if seen.contains(successor) {
                        if cycle == nil { cycle = successor }
                        continue
                    }
                    seen.insert(successor)
                    next.append(successor)
                }
            }
            if !next.isEmpty { levels.append(next) }
            frontier = next
        }
        return SuccessorChain(crebo: crebo, levels: levels, cycleAt: cycle)
    }
}

/// Where a replaced crebo leads: its successors level by level (`25951 → 25952 → 25953`).
public struct SuccessorChain: Hashable, Sendable, CustomStringConvertible {
    public var crebo: String
    /// The successors of each step; several in one level when a crebo was split.
    public var levels: [[String]]
    /// A crebo that the chain met again (the list is inconsistent); the walk stopped there.
    public var cycleAt: String?

    /// Every successor, nearest first.
    public var all: [String] { levels.flatMap { $0 } }
    /// The last level: the crebos in force at the end of the chain.
    public var final: [String] { levels.last ?? [] }
    public var isReplaced: Bool { !levels.isEmpty }

    /// `25951 → 25952`, `25951 → 25952, 25960`, `25951 → 25952 → (cycle: 25951)`.
    public var description: String {
        var text = ([crebo] + levels.map { $0.joined(separator: ", ") }).joined(separator: " → ")
        if let cycleAt { text += " → (cycle: \(cycleAt))" }
        return text
    }
}
