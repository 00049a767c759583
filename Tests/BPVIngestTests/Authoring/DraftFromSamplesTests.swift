import BPVModel
import Foundation
import Testing
@testable import BPVIngest

/// A draft of each shipped sample must reproduce the essentials of the mapping written for it by hand: the
/// dialect, the encoding, the header, and every date, time and duration reading (column and pattern).
@Suite("Draft from the shipped samples")
struct DraftFromSamplesTests {
    /// The pattern text of a date/time/datetime/duration field, `nil` for other kinds.
    static func pattern(_ spec: FieldSpec) -> String? {
        switch spec.kind {
        case .date(let p), .time(let p), .datetime(let p): return "\(spec.kind.name) \(p.pattern)"
        case .duration(let f): return "duration \(f.rawValue)"
        default: return nil
        }
    }

    static func draftAndHandWritten(_ folder: String, _ name: String) throws
        -> (draft: MappingDrafter.Draft, drafted: HourMapping, hand: HourMapping) {
        let draft = try MappingDrafter().draft(path: try AuthoringFixtures.sample(folder), name: name)
        let (drafted, diagnostics) = MappingLoader().check(yaml: draft.yaml, file: "\(name)-draft.yaml")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let hand = try MappingLoader().loadHourMapping(path: AuthoringFixtures.mapping(name))
        guard let drafted else { throw FixtureError("the draft of \(folder) does not load:\n\(draft.yaml)") }
        return (draft, drafted, hand)
    }

    @Test("the draft's source section equals the hand-written one", arguments: AuthoringFixtures.shippedSamples)
    func sourceSection(folder: String, mapping: String) throws {
        let (_, drafted, hand) = try Self.draftAndHandWritten(folder, mapping)
        #expect(drafted.source.format == hand.source.format)
        #expect(drafted.source.encoding == hand.source.encoding)
        #expect(drafted.source.csv.delimiter == hand.source.csv.delimiter)
        #expect(drafted.source.csv.quote == hand.source.csv.quote)
        #expect(drafted.source.csv.skipLines == hand.source.csv.skipLines)
        #expect(drafted.source.header == hand.source.header)
    }

    @Test("every date, time and duration field of the hand-written mapping is drafted with the same column and pattern",
          arguments: AuthoringFixtures.shippedSamples)
    func patterns(folder: String, mapping: String) throws {
        let (_, drafted, hand) = try Self.draftAndHandWritten(folder, mapping)
        var compared = 0
        for (field, spec) in hand.fields {
            guard let expected = Self.pattern(spec) else { continue }
            compared += 1
            let mine = try #require(drafted.fields[field], "\(folder): no '\(field.rawValue)' in the draft")
            #expect(mine.source == spec.source, "\(folder): \(field.rawValue)")
            #expect(Self.pattern(mine) == expected, "\(folder): \(field.rawValue)")
        }
        #expect(compared >= 3)
    }

    @Test("the employee, identity, hour-type and description columns match the hand-written mapping",
          arguments: AuthoringFixtures.shippedSamples)
    func identityAndCategory(folder: String, mapping: String) throws {
        let (_, drafted, hand) = try Self.draftAndHandWritten(folder, mapping)
        #expect(drafted.identity == hand.identity)
        for field in [HourField.employee, .category, .description] {
            #expect(drafted.fields[field]?.source == hand.fields[field]?.source, "\(folder): \(field.rawValue)")
        }
        #expect(drafted.hours.allowNegative == hand.hours.allowNegative)
    }

    @Test("the code table lists every hour type of the sample; sure guesses agree with the hand-written table",
          arguments: AuthoringFixtures.shippedSamples)
    func codeTable(folder: String, mapping: String) throws {
        let (draft, drafted, hand) = try Self.draftAndHandWritten(folder, mapping)
        let table = try #require(draft.plan.codeTable)
        guard case .codes(let handTableName) = hand.fields[.category]!.kind else { Issue.record("no codes"); return }
        let handTable = hand.codes[handTableName]!
        let values = table.column.nonEmptyValues
        #expect(Set(table.codes.map(\.code)) == Set(values))
        #expect(drafted.codes["hour_types"]?.listedCodes.count == Set(values).count)
        var sure = 0
        for code in table.codes where code.note.check == nil {
            sure += 1
            #expect(handTable.lookup(code.code) == code.category.rawValue, "\(folder): \(code.code)")
        }
        #expect(sure >= 2, "\(folder): at least two obvious hour types (Ziek, Verlof, ...)")
    }

    @Test("a draft read as it is imports every record of its sample without rejects",
          arguments: AuthoringFixtures.shippedSamples)
    func draftReadsItsSample(folder: String, mapping: String) throws {
        let (draft, drafted, _) = try Self.draftAndHandWritten(folder, mapping)
        let reader = try HourFileReader(path: try AuthoringFixtures.sample(folder), mapping: drafted, employerID: folder)
        var entries = 0, rejects: [Reject] = []
        while let batch = try reader.next() {
            entries += batch.entries.count
            rejects += batch.rejects
        }
        #expect(rejects.isEmpty, "\(rejects)")
        #expect(entries == draft.plan.recordCount)
    }

    @Test("the draft, taken as it is, makes the same hour entries as the hand-written mapping (approval aside)",
          arguments: AuthoringFixtures.shippedSamples)
    func sameEntries(folder: String, mapping: String) throws {
        let (_, drafted, hand) = try Self.draftAndHandWritten(folder, mapping)
        func entries(_ mapping: HourMapping) throws -> [HourEntry] {
            let reader = try HourFileReader(path: try AuthoringFixtures.sample(folder), mapping: mapping,
                                            employerID: folder)
            var all: [HourEntry] = []
            while let batch = try reader.next() { all += batch.entries }
            return all.map { entry in
                var e = entry
                e.approved = nil  // Shiftbase: the hand-written mapping knows every exported row is approved
                return e
            }
        }
        let mine = try entries(drafted), theirs = try entries(hand)
        #expect(mine.count == theirs.count)
        for (a, b) in zip(mine, theirs) { #expect(a == b, "\(folder) line \(a.source.line)") }
    }

    @Test("lint reports one warning per '# CHECK' mark the draft left")
    func checkMarksAreWarnings() throws {
        let draft = try MappingDrafter().draft(path: try AuthoringFixtures.sample("klankwerk-events"))
        let marks = draft.diagnostics.filter { $0.message.hasPrefix("unresolved draft choice") }
        #expect(marks.count == draft.plan.checkCount + 1)  // + the derived name
        #expect(marks.allSatisfy { $0.severity == .warning && $0.hint == "decide, then delete the '# CHECK' mark" })
        let lines = draft.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for mark in marks { #expect(lines[mark.line - 1].contains("# CHECK")) }
        // Deleting the marks leaves a clean mapping.
        let cleaned = lines.map { line -> Substring in
            guard let range = line.range(of: "# CHECK") else { return line }
            return line[..<range.lowerBound]
        }.joined(separator: "\n")
        let (mapping, diagnostics) = MappingLoader().check(yaml: cleaned, file: "cleaned.yaml")
        #expect(mapping != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
