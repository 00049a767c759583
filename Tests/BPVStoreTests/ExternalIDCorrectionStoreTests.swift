import BPVModel
import BPVStore
import Foundation
import Testing

/// The store's side of corrections: `change` and `void` entries act on the active entry of the same source with the
/// same external id; `supersedeByExternalID` makes every entry with an id do so.
@Suite struct ExternalIDCorrectionStoreTests {
    let store: SQLiteStore

    init() throws { store = try SQLiteStore(path: ":memory:") }

    private func entry(_ id: String?, minutes: Int, action: EntryAction = .add, line: Int = 1,
                       day: String = "2026-12-01") -> HourEntry {
        HourEntry(employerID: "agency", employeeIdentity: "TW-1", date: CalendarDate(iso: day)!, minutes: minutes,
                  category: .work, externalID: id, action: action,
                  source: SourceLocation(file: "card.xml", line: line, elementPath: "/TimeCard/ReportedTime[1]/TimeInterval[\(line)]"))
    }

    private func batch(_ name: String, source: String = "agency/setu", byID: Bool = false) -> NewImportBatch {
        NewImportBatch(sourceKey: source, employerID: "agency", mappingName: "setu", mappingRevision: 1, filePath: name,
                       fileSize: 1, contentFingerprint: name, encoding: "utf-8", identityKind: .personeelsnummer,
                       supersedeByPeriod: false, supersedeByExternalID: byID)
    }

    private func activeMinutes() throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for stored in try store.activeHourEntries(employerID: "agency", studentNumber: nil) {
            result[stored.entry.externalID ?? "-", default: []].append(stored.entry.minutes)
        }
        return result
    }

    @Test func changeReplacesAndVoidRemovesWhileAddsStayAdds() throws {
        _ = try store.importHours(batch("one")) { writer in
            try writer.write([entry("a", minutes: 60), entry("b", minutes: 120), entry("c", minutes: 180)])
        }
        let second = try store.importHours(batch("two")) { writer in
            try writer.write([entry("a", minutes: 90, action: .change), entry("b", minutes: 0, action: .void),
                              entry("c", minutes: 200)])  // a plain add, and supersede by id is off
        }
        #expect(second.counts.superseded == 1)
        #expect(second.counts.voided == 1)
        #expect(second.counts.entriesStored == 2)
        let minutes = try activeMinutes()
        #expect(minutes["a"] == [90])
        #expect(minutes["b"] == nil)
        #expect(minutes["c"]?.sorted() == [180, 200])
        let changed = try store.activeHourEntries(employerID: "agency", studentNumber: nil).first { $0.entry.externalID == "a" }
        #expect(changed?.entry.action == .change)
    }

    @Test func supersedeByExternalIDReplacesEveryEntryWithAnID() throws {
        _ = try store.importHours(batch("one", byID: true)) { writer in
            try writer.write([entry("a", minutes: 60), entry("b", minutes: 120), entry(nil, minutes: 30)])
        }
        let again = try store.importHours(batch("two", byID: true)) { writer in
            try writer.write([entry("a", minutes: 61), entry("b", minutes: 121), entry(nil, minutes: 30)])
        }
        #expect(again.counts.superseded == 2)
        let minutes = try activeMinutes()
        #expect(minutes["a"] == [61] && minutes["b"] == [121])
        #expect(minutes["-"] == [30, 30])  // without an id nothing can be matched
    }

    @Test func correctionsStayWithinTheirSource() throws {
        _ = try store.importHours(batch("other", source: "agency/other-mapping")) { writer in
            try writer.write([entry("a", minutes: 60)])
        }
        let void = try store.importHours(batch("void")) { writer in
            try writer.write([entry("a", minutes: 0, action: .void, line: 7)])
        }
        #expect(void.counts.voided == 0)
        #expect(void.counts.rejects == 1)
        let reject = try #require(try store.rejects(batchID: void.id).first)
        #expect(reject.location.line == 7)
        #expect(reject.location.elementPath == "/TimeCard/ReportedTime[1]/TimeInterval[7]")
        #expect(reject.value == "a")
        #expect(try activeMinutes()["a"] == [60])
    }

    @Test func aChangeAndAVoidInTheSameFileActInFileOrder() throws {
        let only = try store.importHours(batch("one")) { writer in
            try writer.write([entry("a", minutes: 60), entry("a", minutes: 75, action: .change),
                              entry("b", minutes: 10), entry("b", minutes: 0, action: .void)])
        }
        #expect(only.counts.voided == 1 && only.counts.superseded == 1)
        let minutes = try activeMinutes()
        #expect(minutes["a"] == [75])
        #expect(minutes["b"] == nil)
    }

    @Test func aDuplicateIDWithinOneFileOfANewSourceKeepsTheLast() throws {
        // Nothing of this source is stored yet: only the file's own earlier entries can be replaced.
        let first = try store.importHours(batch("one", byID: true)) { writer in
            try writer.write([entry("a", minutes: 60), entry("b", minutes: 30), entry("a", minutes: 61)])
        }
        #expect(first.counts.superseded == 1)
        #expect(try activeMinutes()["a"] == [61])
        #expect(try activeMinutes()["b"] == [30])
    }

    @Test func manyRowsWithCorrectionsBetweenThemKeepFileOrderIdsAndCounts() throws {
        // The writer inserts rows in groups; a correction in the middle of a group must still see every earlier row.
        var first: [HourEntry] = []
        for n in 1...100 { first.append(entry("id\(n)", minutes: n, line: n)) }
        let one = try store.importHours(batch("one")) { try $0.write(first) }
        #expect(one.counts.entriesStored == 100)
        var second: [HourEntry] = []
        for n in 1...70 { second.append(entry("new\(n)", minutes: 1000 + n, line: n)) }
        second.insert(entry("new5", minutes: 0, action: .void, line: 71), at: 40)     // voids a row of its own group
        second.insert(entry("id7", minutes: 7007, action: .change, line: 72), at: 33)  // replaces a row of file one
        second.append(entry("new70", minutes: 2070, action: .change, line: 73))       // the last row of a group
        for index in second.indices { second[index].source.line = index + 1 }         // lines in file order
        let two = try store.importHours(batch("two")) { try $0.write(second) }
        #expect(two.counts.entriesStored == 72)
        #expect(two.counts.voided == 1 && two.counts.superseded == 2)
        let minutes = try activeMinutes()
        #expect(minutes["new5"] == nil)
        #expect(minutes["id7"] == [7007])
        #expect(minutes["new70"] == [2070])
        #expect(minutes["new69"] == [1069] && minutes["id100"] == [100])
        let stored = try store.activeHourEntries(employerID: "agency", studentNumber: nil).filter { $0.batchID == two.id }
        #expect(stored.count == 70)
        // Rows keep file order in their ids.
        let byID = stored.sorted { $0.id < $1.id }.map(\.entry.source.line)
        #expect(byID == byID.sorted())
    }
}
