import BPVModel
import Foundation
import Testing
@testable import BPVIngest

/// A draft of each shipped XML sample reproduces the essentials of its hand-written mapping: the record element and
/// its namespace, the paths of the fields, and every date, time, date-time and duration reading.
@Suite("Draft from the shipped XML samples")
struct DraftFromXMLSamplesTests {
    /// Each shipped XML sample with the hand-written mapping it is imported with (samples/bpv.yaml).
    static let samples: [(file: String, mapping: String)] = [
        ("vechtgroep-holding/Urenverantwoording_VG_2026-12.xml", "vechtgroep-urenverantwoording"),
        ("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49.xml", "setu-timecard"),
        ("tijdwerk-uitzend/TimeCard_TW-40117_2026-W49_correctie.xml", "setu-timecard"),
        ("tijdwerk-uitzend/TimeCard_TW-40122_2026-W49.xml", "setu-timecard"),
    ]

    static func samplePath(_ file: String) -> String {
        AuthoringFixtures.repository.appendingPathComponent("samples/inbox/hours").appendingPathComponent(file).path
    }

    static func draftAndHandWritten(_ file: String, _ name: String) throws
        -> (draft: MappingDrafter.Draft, drafted: HourMapping, hand: HourMapping) {
        let draft = try MappingDrafter().draft(path: samplePath(file), name: name)
        let (drafted, diagnostics) = MappingLoader().check(yaml: draft.yaml, file: "\(name)-draft.yaml")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let hand = try MappingLoader().loadHourMapping(path: AuthoringFixtures.mapping(name))
        guard let drafted else { throw FixtureError("the draft of \(file) does not load:\n\(draft.yaml)") }
        return (draft, drafted, hand)
    }

    /// The first path of a field (a hand-written field may list alternatives).
    static func firstPath(_ spec: FieldSpec?) -> String? {
        guard let spec, case .path(let alternatives) = spec.source else { return nil }
        return alternatives.first?.text
    }

    @Test("the record element, its namespace and the encoding rule equal the hand-written ones", arguments: samples)
    func source(file: String, mapping: String) throws {
        let (_, drafted, hand) = try Self.draftAndHandWritten(file, mapping)
        #expect(drafted.source.format == .xml)
        #expect(drafted.source.encoding == hand.source.encoding)  // auto: the XML declaration decides
        let mine = try #require(drafted.source.xml), theirs = try #require(hand.source.xml)
        // The steps match on namespace URI and local name; the draft anchors the path at the root element.
        #expect(mine.record.steps == theirs.record.steps, "\(file): \(mine.record.text) vs \(theirs.record.text)")
        #expect(mine.record.steps.map(\.namespace) == theirs.record.steps.map(\.namespace))
        #expect(!mine.record.anywhere)
        #expect(Set(mine.namespaces.byPrefix.values) == Set(theirs.namespaces.byPrefix.values))
    }

    @Test("every date, time, date-time and duration field is drafted with the hand-written path and pattern",
          arguments: samples)
    func patterns(file: String, mapping: String) throws {
        let (_, drafted, hand) = try Self.draftAndHandWritten(file, mapping)
        var compared = 0
        for (field, spec) in hand.fields where field != .assignedDay {
            guard let expected = DraftFromSamplesTests.pattern(spec) else { continue }
            // A field whose element is absent from this sample cannot be drafted from it.
            guard let mine = drafted.fields[field] else {
                Issue.record("\(file): no '\(field.rawValue)' in the draft")
                continue
            }
            compared += 1
            #expect(Self.firstPath(mine) == Self.firstPath(spec), "\(file): \(field.rawValue)")
            #expect(DraftFromSamplesTests.pattern(mine) == expected, "\(file): \(field.rawValue)")
        }
        #expect(compared >= 3)
    }

    @Test("the employee (with its ../ path), identity, hour type, external id and description match", arguments: samples)
    func identityAndText(file: String, mapping: String) throws {
        let (draft, drafted, hand) = try Self.draftAndHandWritten(file, mapping)
        #expect(drafted.identity == hand.identity)
        for field in [HourField.employee, .category, .externalID, .description, .action] {
            #expect(Self.firstPath(drafted.fields[field]) == Self.firstPath(hand.fields[field]), "\(file): \(field)")
        }
        let table = try #require(draft.plan.codeTable)
        #expect(Set(table.codes.map(\.code)) == Set(table.column.nonEmptyValues))
        // Sure guesses agree with the hand-written code table.
        guard case .codes(let name) = hand.fields[.category]!.kind else { Issue.record("no codes"); return }
        for code in table.codes where code.note.check == nil {
            #expect(hand.codes[name]!.lookup(code.code) == code.category.rawValue, "\(file): \(code.code)")
        }
    }

    @Test("SETU corrections: @actionCode is the action, its codes mapped, and entries supersede by external_id",
          arguments: samples.dropFirst())
    func corrections(file: String, mapping: String) throws {
        let (draft, drafted, hand) = try Self.draftAndHandWritten(file, mapping)
        #expect(drafted.importRule.supersede == hand.importRule.supersede)
        guard case .codes(let mine) = drafted.fields[.action]?.kind, case .codes(let theirs) = hand.fields[.action]!.kind
        else { Issue.record("no action codes:\n\(draft.yaml)"); return }
        for code in ["Add", "Change", "Void", "Unchanged"] {
            #expect(drafted.codes[mine]?.lookup(code) == hand.codes[theirs]?.lookup(code), "\(file): \(code)")
        }
    }

    @Test("the Vechtgroep draft counts times (Uren only where there are none), as the hand-written mapping does")
    func vechtgroepHours() throws {
        let (draft, drafted, hand) = try Self.draftAndHandWritten(Self.samples[0].file, Self.samples[0].mapping)
        #expect(drafted.hours.from == hand.hours.from)
        #expect(draft.yaml.contains("record: /Urenverantwoording/Vestiging/Medewerker/Dienst\n"))
        #expect(draft.yaml.contains("employee:    { path: \"../@personeelsnummer\" }"))
        #expect(draft.yaml.contains("#   \"../../@leerbedrijfId\": whole numbers"))
    }

    @Test("the SETU draft declares hr: for the default namespace and marks the Duration/times disagreement")
    func setuNamespaceAndChecks() throws {
        let (draft, _, _) = try Self.draftAndHandWritten(Self.samples[1].file, Self.samples[1].mapping)
        #expect(draft.yaml.contains("  record: /hr:TimeCard/hr:ReportedTime/hr:TimeInterval\n"))
        #expect(draft.yaml.contains("  namespaces:\n    hr: \"http://ns.hr-xml.org/2007-04-15\"\n"))
        #expect(draft.yaml.contains("# path \"hr:Duration\"; 7/7 sampled values are 6 decimal hours, 1 ISO 8601 "
                                    + "durations; auto reads decimal hours and xsd:duration (PT7H30M) alike"))
        #expect(draft.yaml.contains("# CHECK: line 24: 8:00 against 8:30 from the times: which counts (from: duration "
                                    + "or from: times)?"))
        #expect(draft.plan.recordCount == 7)
        #expect(draft.plan.isWholeFile)
    }

    @Test("with its CHECK marks accepted, the draft lints clean against its sample, apart from paths it leaves unmapped",
          arguments: samples)
    func lintsClean(file: String, mapping: String) throws {
        let draft = try MappingDrafter().draft(path: Self.samplePath(file), name: mapping)
        let accepted = Self.acceptingChecks(draft.yaml)
        #expect(!accepted.contains("CHECK"))
        let (loaded, diagnostics) = MappingLoader().check(yaml: accepted, file: "draft.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let drafted = try #require(loaded)
        let sample = try MappingSampleLinter().check(drafted, mappingFile: "draft.yaml", sample: Self.samplePath(file))
        // The paths the draft leaves for the user to map (listed in it as unmapped) are named, nothing else.
        let other = sample.filter { !$0.message.contains("is not read by any field") }
        #expect(other.isEmpty, "\(other)")
    }

    /// What a user does who agrees with every marked choice: deletes each `# CHECK` comment line, and the
    /// `CHECK:` part of a trailing comment (keeping the value before it).
    static func acceptingChecks(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> Substring? in
            guard let mark = line.range(of: "# CHECK") else { return line }
            var before = line[..<mark.lowerBound]
            while before.last == " " { before = before.dropLast() }
            return before.isEmpty ? nil : before
        }.joined(separator: "\n")
    }
}
