import BPVModel

/// Maps records of SBB's crebo list (`produces: crebos`) to ``Crebo`` values: the qualification part
/// (Opleidingscode, Crebo, Niveau, Soort opleiding, Leerweg) and the "Vervallen" part (Datum einde
/// instroom, Datum einde opleiding, Wordt vervangen door), from one file or two; or the `dossiercrebo` elements of
/// SBB's kwalificatiedossier XML (crebo, geldig vanaf, end dates, the dossier).
public struct CreboRecordMapper: RecordKindMapper {
    /// The edition's date for files that carry no `geldig_vanaf` column (`bpv import crebo --edition`).
    public var edition: CalendarDate?

    public init(edition: CalendarDate? = nil) {
        self.edition = edition
    }

    public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<Crebo> {
        do throws(FieldProblem) {
            guard let crebo = try f.crebo("crebo", record) else {
                throw f.problem("crebo", record, reason: "empty", expected: "a crebo")
            }
            var niveau: Int?
            if let text = try f.text("niveau", record) {
                guard let n = Self.niveau(text) else {
                    throw f.problem("niveau", record, reason: "not a niveau", expected: "1, 2, 3 or 4 (or 'Niveau 4')")
                }
                niveau = n
            }
            let instroom = try f.date("einde_instroom", record)
            let opleiding = try f.date("einde_opleiding", record)
            if let instroom, let opleiding, opleiding < instroom {
                throw f.problem("einde_opleiding", record, reason: "einde opleiding lies before einde instroom",
                                expected: "a date on or after einde instroom \(instroom)")
            }
            // The dossier XML gives each crebo's edition date: an end before it is a mistake in the list.
            let geldigVanaf = try f.date("geldig_vanaf", record)
            if let geldigVanaf {
                for (field, date, what) in [("einde_instroom", instroom, "einde instroom"),
                                            ("einde_opleiding", opleiding, "einde opleiding")] {
                    if let date, date < geldigVanaf {
                        throw f.problem(field, record, reason: "\(what) lies before geldig vanaf \(geldigVanaf)",
                                        expected: "a date on or after geldig vanaf \(geldigVanaf)")
                    }
                }
            }
            var successors: [String] = []
            if let text = try f.text("vervangen_door", record) {
                guard let codes = Identifier.crebos(text) else {
                    throw f.problem("vervangen_door", record, reason: "not a crebo",
                                    expected: "a crebo (5 digits), or several separated by commas")
                }
                if codes.contains(crebo) {
                    throw f.problem("vervangen_door", record, reason: "the crebo is replaced by itself",
                                    expected: "another crebo")
                }
                successors = codes
            }
            let kwalificatie = Crebo(
                crebo: crebo, name: try f.text("name", record).map(Identifier.clean), niveau: niveau,
                soort: try f.text("soort", record).map(Identifier.clean), leerweg: try f.leerweg("leerweg", record),
                geldigVanaf: geldigVanaf ?? edition, eindeInstroom: instroom,
                eindeOpleiding: opleiding, vervangenDoor: successors,
                dossier: try f.text("dossier", record).map(Identifier.clean), location: f.location(record))
            return .value(kwalificatie)
        } catch {
            return .reject(f.reject(error, record), pair: nil)
        }
    }

    /// `4`, `Niveau 4`, `N4`, `niveau 2` → the digit 1–4.
    static func niveau(_ text: String) -> Int? {
        var word = Identifier.clean(text).lowercased().filter { $0 != " " }
        for prefix in ["niveau", "n"] where word.hasPrefix(prefix) { word = String(word.dropFirst(prefix.count)); break }
        guard let n = Int(word), (1...4).contains(n) else { return nil }
        return n
    }
}
