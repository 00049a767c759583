import BPVModel

/// Maps records of a kwalificatiedossier (`produces: werkprocessen`) to ``Werkproces`` values: the codes parsed and
/// checked (`B1-K1`, `P3-K1-W2`), the werkproces inside its kerntaak, a profieldeel werkproces tied to its
/// profile's crebo.
public struct WerkprocesRecordMapper: RecordKindMapper {
    public init() {}

    public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<Werkproces> {
        do throws(FieldProblem) {
            guard let dossier = try f.text("dossier", record).map(Identifier.clean) else {
                throw f.problem("dossier", record, reason: "empty", expected: "the kwalificatiedossier's code")
            }
            guard let kerntaakText = try f.text("kerntaak", record) else {
                throw f.problem("kerntaak", record, reason: "empty", expected: KerntaakCode.expectedForm)
            }
            guard let kerntaak = KerntaakCode(kerntaakText) else {
                throw f.problem("kerntaak", record, reason: "not a kerntaak code", expected: KerntaakCode.expectedForm)
            }
            guard let codeText = try f.text("werkproces", record) else {
                throw f.problem("werkproces", record, reason: "empty", expected: WerkprocesCode.expectedForm)
            }
            guard let code = WerkprocesCode(codeText) else {
                throw f.problem("werkproces", record, reason: "not a werkproces code", expected: WerkprocesCode.expectedForm)
            }
            guard code.kerntaak == kerntaak else {
                throw f.problem("werkproces", record, reason: "the werkproces does not belong to its kerntaak \(kerntaak)",
                                expected: "a code starting with \(kerntaak)-W")
            }
            let crebo = try f.crebo("crebo", record)
            if code.kerntaak.part == .profiel && crebo == nil {
                throw f.problem("crebo", record, reason: "a profieldeel werkproces without its profile's crebo",
                                expected: "the crebo of profiel \(kerntaak.part.rawValue)\(kerntaak.partNumber)")
            }
            guard let titel = try f.text("titel", record).map(Identifier.clean) else {
                throw f.problem("titel", record, reason: "empty", expected: "the werkproces's title")
            }
            let kerntaakTitel = try f.text("kerntaak_titel", record).map(Identifier.clean)
            return .value(Werkproces(dossier: dossier, crebo: crebo, code: code, titel: titel,
                                     kerntaakTitel: kerntaakTitel,
                                     dossierTitel: try f.text("dossier_titel", record).map(Identifier.clean),
                                     location: f.location(record)))
        } catch {
            return .reject(f.reject(error, record), pair: nil)
        }
    }
}
