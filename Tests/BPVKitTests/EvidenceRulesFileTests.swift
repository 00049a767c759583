import BPVKit
import BPVModel
import BPVReconcile
import Foundation
import Testing

/// The `evidence:` part of the programme files: the two seed programmes as written, each problem at its
/// file:line:column, and `bpv mapping lint`'s check of a programme file.
@Suite struct EvidenceRulesFileTests {
    static let pet = TimetableFilesTests.petYear1 + """
        evidence:
          requirements:
            - id: hours
              hours: pok
            - id: evaluatieformulier
              label: Evaluatieformulier
              document: evaluatieformulier
              min_grade: V
          goed_when: { assessment: eind, part: eindoordeel, at_least: G }

        """

    @Test func theSeedProgrammesEvidenceRulesAreReadAsWritten() throws {
        let configuration = try BPVConfiguration.load(path: Fixture.repo("samples/bpv.yaml"))
        let ict = try #require(configuration.programmes.first { $0.name == "ict-bbl" }?.evidence)
        #expect(ict.requirements.map(\.id) == ["hours", "logboek", "bpv_verslag", "starrt", "gespreksverslag", "eindbeoordeling"])
        #expect(ict.requirements[3].check == .document(kind: "starrt", minCount: 5, minGrade: nil, approvals: []))
        #expect(ict.requirements[5].check == .assessment(stage: .eind, parts: ["technisch", "ondernemend"], minGrade: .v,
                                                         signatures: [.student, .praktijkopleider, .bpvDocent]))
        #expect(ict.goedWhen == .init(stage: .eind, part: "eindoordeel", atLeast: .g))
        #expect(ict.monitoring == .init(firstTussenbeoordelingWeeks: 8, tussenbeoordelingEveryMonths: 12,
                                        visitEveryMonths: 12, evidenceWarningWeeks: 8))
        let pet = try #require(configuration.programmes.first { $0.name == "pet" }?.evidence)
        #expect(pet.requirements.map(\.id) == ["hours", "reflectieverslag", "evaluatieformulier"])
        #expect(pet.requirements[2].check == .document(kind: "evaluatieformulier", minCount: 1, minGrade: .v, approvals: []))
    }

    @Test func aRequirementWithoutLabelIsLabelledByItsID() throws {
        let (configuration, error) = TimetableFilesTests.load(["pet.yaml": Self.pet])
        #expect(error == nil)
        let evidence = try #require(configuration?.programmes.first?.evidence)
        #expect(evidence.requirements.map(\.label) == ["hours", "Evaluatieformulier"])
    }

    @Test func badValuesAreErrorsAtTheirLineAndColumn() {
        let bad = Self.pet.replacingOccurrences(of: "min_grade: V", with: "min_grade: X")
            .replacingOccurrences(of: "hours: pok", with: "hours: 1000")
            .replacingOccurrences(of: "part: eindoordeel", with: "part: houding")
        #expect(TimetableFilesTests.load(["pet.yaml": bad]).1 == """
            programmes/pet.yaml:13:14: '1000': write 'hours: pok' (the POK's hours)
            programmes/pet.yaml:17:18: 'X' is not a grade: write O, M, V or G
            programmes/pet.yaml:18:40: 'houding' is not a part (write technisch, ondernemend, eindoordeel)
            """)
    }

    @Test func aRequirementNeedsExactlyOneCheckAndUnknownKeysAreNamed() {
        let two = Self.pet.replacingOccurrences(of: "      hours: pok", with: "      hours: pok\n      document: logboek")
        let error = TimetableFilesTests.load(["pet.yaml": two]).1 ?? ""
        #expect(error.hasPrefix("programmes/pet.yaml:12:"), "\(error)")
        #expect(error.contains("requirement 'hours' needs exactly one of 'hours: pok', 'document: <kind>'"))
        let unknown = Self.pet.replacingOccurrences(of: "min_grade: V", with: "min_grade: V\n      aprovals: [student]")
        #expect(TimetableFilesTests.load(["pet.yaml": unknown]).1?.hasPrefix(
            "programmes/pet.yaml:18:7: unknown key 'aprovals' in a requirement (did you mean 'approvals'?") == true)
    }

    @Test func theLintChecksProgrammeFiles() {
        #expect(ProgrammeFileLint.isProgrammeFile(Fixture.repo("mappings/programmes/pet.yaml")))
        #expect(!ProgrammeFileLint.isProgrammeFile(Fixture.repo("mappings/sis/poks-school.yaml")))
        #expect(ProgrammeFileLint.problems(path: Fixture.repo("mappings/programmes/ict-bbl.yaml")).isEmpty)
        #expect(ProgrammeFileLint.problems(path: Fixture.repo("mappings/programmes/pet.yaml")).isEmpty)
    }
}
