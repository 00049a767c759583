@testable import BPVIngest
import BPVModel
import Testing

@Suite("Reference mapping kinds")
struct ReferenceMappingTests {
    @Test("the shipped reference and POK mappings load as their kinds and lint clean",
          arguments: [("mappings/reference/sbb-erkenningen.yaml", RecordKind.erkenningen),
                      ("mappings/reference/sbb-crebolijst.yaml", .crebos),
                      ("mappings/reference/sbb-crebolijst-vervallen.yaml", .crebos),
                      ("mappings/sis/poks-school.yaml", .poks),
                      ("mappings/reference/sbb-erkenningen-xml.yaml", .erkenningen),
                      ("mappings/reference/sbb-kwalificatiedossier-crebos.yaml", .crebos),
                      ("mappings/reference/sbb-kwalificatiedossier-basis.yaml", .werkprocessen),
                      ("mappings/reference/sbb-kwalificatiedossier-profielen.yaml", .werkprocessen)])
    func shipped(_ path: String, _ kind: RecordKind) throws {
        let mapping = try MappingLoader().loadRecordMapping(path: Paths.repo(path), kind: kind)
        #expect(mapping.kind == kind)
        #expect(MappingLoader().lint(path: Paths.repo(path)).filter { $0.severity == .error }.isEmpty)
    }

    @Test("a werkprocessen mapping needs its required fields; an XML field path reaching above the record path is refused")
    func brokenWerkprocessen() {
        let (mapping, diagnostics) = MappingLoader().checkRecordMapping(path: Paths.fixture("reference/mapping-werkprocessen-broken.yaml"), kind: .werkprocessen)
        #expect(mapping == nil)
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains { $0.contains("fields need 'dossier'") }, "\(errors)")
        #expect(errors.contains { $0.contains("XML sources take path:, not column:") }, "\(errors)")
        #expect(errors.contains { $0.contains("above the record path") }, "\(errors)")
    }

    @Test("every kind is known to produces:")
    func schemas() {
        for kind in RecordKind.allCases { #expect(MappingSchema.all[kind.produces] != nil) }
        #expect(MappingSchema.all["hour_entries"] != nil)
    }

    @Test("a broken erkenning mapping: missing required fields, rows naming an unmapped field, a code value that is no leerweg")
    func broken() {
        let path = Paths.fixture("reference/mapping-erkenningen-broken.yaml")
        let (mapping, diagnostics) = MappingLoader().checkRecordMapping(path: path, kind: .erkenningen)
        #expect(mapping == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("fields need 'crebo'") && $0.line == 8 })
        #expect(errors.contains { $0.message.contains("fields need 'start'") })
        #expect(errors.contains { $0.message.contains("skip_when_empty names 'niveau'") && $0.line == 12 })
        #expect(errors.contains { $0.message.contains("'evening' in code table 'leerwegen' is not a leerweg value") && $0.line == 17 })
        #expect(errors.allSatisfy { $0.file == path })
    }

    @Test("a mapping of another kind is refused with its line")
    func wrongKind() {
        let path = Paths.fixture("reference/mapping-wrong-kind.yaml")
        #expect(throws: MappingError.self) { try MappingLoader().loadRecordMapping(path: path, kind: .crebos) }
        let (_, diagnostics) = MappingLoader().checkRecordMapping(path: path, kind: .crebos)
        #expect(diagnostics.contains { $0.message == "this is a poks mapping, not a crebos mapping" && $0.line == 1 })
        // The hour loader refuses it too, and lint accepts it as what it is.
        #expect(MappingLoader().check(path: path).mapping == nil)
        #expect(MappingLoader().lint(path: path).filter { $0.severity == .error }.isEmpty)
    }
}
