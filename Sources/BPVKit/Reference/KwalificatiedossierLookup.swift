import BPVModel
import BPVStore

/// What a crebo's bpv must cover: its kwalificatiedossier's kerntaken and werkprocessen (basisdeel and the crebo's
/// own profieldeel), from the imported kwalificatiedossier XML.
public struct KwalificatiedossierLookup {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// One kerntaak with its werkprocessen, in code order.
    public struct Kerntaak: Hashable, Sendable {
        public var dossier: String
        public var code: KerntaakCode
        public var titel: String?
        public var werkprocessen: [Werkproces]
    }

    /// The answer for one crebo on one date.
    public struct Result: Sendable {
        public var crebo: String
        /// The crebo as the crebo lists know it on the date (name, niveau, end dates), if imported.
        public var kwalificatie: Crebo?
        /// The dossiers found for the crebo (normally one).
        public var dossiers: [String]
        /// Their titles, where the file gave them.
        public var dossierTitels: [String: String] = [:]
        public var kerntaken: [Kerntaak]

        /// For people: the crebo, its dossier, then each kerntaak with its werkprocessen.
        public func table() -> String {
            var text = "crebo \(crebo)"
            if let name = kwalificatie?.name { text += " \(name)" }
            if let niveau = kwalificatie?.niveau { text += " (niveau \(niveau))" }
            text += "\n"
            text += dossiers.isEmpty ? "no kwalificatiedossier imported for this crebo\n"
                : "kwalificatiedossier " + dossiers.map { d in dossierTitels[d].map { "\(d) \($0)" } ?? d }
                    .joined(separator: ", ") + "\n"
            for k in kerntaken {
                text += "\(k.code)  \(k.titel ?? "")\n"
                for w in k.werkprocessen { text += "  \(w.code)  \(w.titel)\n" }
            }
            return text
        }
    }

    /// The crebo's kerntaken and werkprocessen. The dossier comes from the crebo's edition in force on `date`
    /// (the dossier XML's `dossiercrebo`), and from any profile that names the crebo.
    public func lookup(crebo: String, on date: CalendarDate) throws -> Result {
        let register = CreboRegister(try store.kwalificaties(crebos: [crebo]))
        let kwalificatie = register.lookup(crebo, on: date)
        var dossiers = try store.dossiers(ofProfileCrebo: crebo)
        if let dossier = kwalificatie?.dossier { dossiers.insert(dossier) }
        let werkprocessen = try store.werkprocessen(dossiers: dossiers).filter { $0.crebo == nil || $0.crebo == crebo }
        var kerntaken: [Kerntaak] = []
        for w in werkprocessen {
            if let last = kerntaken.last, last.dossier == w.dossier, last.code == w.kerntaak {
                kerntaken[kerntaken.count - 1].werkprocessen.append(w)
            } else {
                kerntaken.append(Kerntaak(dossier: w.dossier, code: w.kerntaak, titel: w.kerntaakTitel, werkprocessen: [w]))
            }
        }
        kerntaken.sort { ($0.dossier, $0.code) < ($1.dossier, $1.code) }
        var titels: [String: String] = [:]
        for w in werkprocessen { if let t = w.dossierTitel { titels[w.dossier] = t } }
        return Result(crebo: crebo, kwalificatie: kwalificatie, dossiers: dossiers.sorted(), dossierTitels: titels,
                      kerntaken: kerntaken)
    }
}
