import BPVModel
import BPVStore
import Foundation
import Testing

/// The SQLite store behind the seam: transactions, provenance, aliases, supersede, reopening.
@Suite struct SQLiteDossierStoreTests {
    static func batch(_ key: String = "e1/test", fingerprint: String = "f1") -> NewImportBatch {
        NewImportBatch(sourceKey: key, employerID: "e1", mappingName: "test", mappingRevision: 1, filePath: "x.csv",
                       fileSize: 10, contentFingerprint: fingerprint, encoding: "utf-8",
                       identityKind: .personeelsnummer, supersedeByPeriod: true)
    }

    static func entry(_ day: Int, employee: String = "P1", minutes: Int = 480, line: Int = 2) -> HourEntry {
        HourEntry(employerID: "e1", employeeIdentity: employee, date: CalendarDate(year: 2026, month: 10, day: day)!,
                  start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 16, minute: 30, second: 15),
                  minutes: minutes, category: .work, hourType: "Werk", approved: true, description: "Ideeën €",
                  source: SourceLocation(file: "x.csv", line: line, byteOffset: 40))
    }

    @Test func anImportThatThrowsLeavesNothingBehind() throws {
        let store = try SQLiteStore(path: ":memory:")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try store.importHours(Self.batch()) { writer in
                try writer.write([Self.entry(5), Self.entry(6)])
                throw Boom()
            }
        }
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).isEmpty)
        #expect(try store.importBatches(limit: 10).isEmpty)
    }

    @Test func entriesKeepEveryValueAndTheirProvenance() throws {
        let store = try SQLiteStore(path: ":memory:")
        let original = Self.entry(5, line: 7)
        let batch = try store.importHours(Self.batch()) { writer in
            try writer.write([original])
            try writer.write([Reject(location: SourceLocation(file: "x.csv", line: 9, byteOffset: 300), column: "Datum",
                                     columnNumber: 3, value: "31-02-2026", reason: "not a valid date",
                                     expected: "dd-MM-yyyy", record: "P1;31-02-2026")])
            writer.setReaderCounts(recordsRead: 2, blankRecords: 1)
        }
        #expect(batch.status == .importedWithRejects)
        #expect(batch.counts.recordsRead == 2 && batch.counts.entriesStored == 1 && batch.counts.rejects == 1)
        #expect(batch.periodStart?.iso == "2026-10-05" && batch.periodEnd?.iso == "2026-10-05")
        let stored = try #require(try store.activeHourEntries(employerID: "e1", studentNumber: nil).first)
        #expect(stored.entry == original)
        #expect(stored.batchID == batch.id)
        let reject = try #require(try store.rejects(batchID: batch.id).first)
        #expect(reject.location.line == 9 && reject.value == "31-02-2026" && reject.record == "P1;31-02-2026")
        #expect(try store.findImport(sourceKey: "e1/test", contentFingerprint: "f1", fileSize: 10)?.id == batch.id)
        #expect(try store.findImport(sourceKey: "e2/test", contentFingerprint: "f1", fileSize: 10) == nil)
    }

    @Test func supersedeTouchesOnlyTheSameSourceAndPeriod() throws {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.importHours(Self.batch()) { try $0.write([Self.entry(5), Self.entry(6), Self.entry(7)]) }
        _ = try store.importHours(Self.batch("e1/other", fingerprint: "f2")) { try $0.write([Self.entry(6)]) }
        let correction = try store.importHours(Self.batch(fingerprint: "f3")) {
            try $0.write([Self.entry(6, minutes: 240), Self.entry(7, minutes: 300)])
        }
        #expect(correction.counts.superseded == 2)
        let active = try store.activeHourEntries(employerID: "e1", studentNumber: nil)
        #expect(active.map(\.entry.minutes).sorted() == [240, 300, 480, 480]) // day 5, the other source's day 6
    }

    @Test func anEarlierBatchStartingOnTheNewBatchsLastDayIsSupersededOnThatDay() throws {
        // Earlier: days 7-9. New: days 5-7. The periods share day 7 only.
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.importHours(Self.batch()) { try $0.write([Self.entry(7), Self.entry(8), Self.entry(9)]) }
        let next = try store.importHours(Self.batch(fingerprint: "f2")) {
            try $0.write([Self.entry(5, minutes: 60), Self.entry(7, minutes: 120)])
        }
        #expect(next.counts.superseded == 1)
        let active = try store.activeHourEntries(employerID: "e1", studentNumber: nil)
        #expect(active.map { "\($0.entry.date.day):\($0.entry.minutes)" }.sorted() == ["5:60", "7:120", "8:480", "9:480"])
    }

    @Test func anEarlierBatchEndingOnTheNewBatchsFirstDayIsSupersededOnThatDay() throws {
        // Earlier: days 3-5. New: days 5-7. The periods share day 5 only.
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.importHours(Self.batch()) { try $0.write([Self.entry(3), Self.entry(4), Self.entry(5)]) }
        let next = try store.importHours(Self.batch(fingerprint: "f2")) {
            try $0.write([Self.entry(5, minutes: 120), Self.entry(7, minutes: 60)])
        }
        #expect(next.counts.superseded == 1)
        let active = try store.activeHourEntries(employerID: "e1", studentNumber: nil)
        #expect(active.map { "\($0.entry.date.day):\($0.entry.minutes)" }.sorted() == ["3:480", "4:480", "5:120", "7:60"])
    }

    @Test func aliasesResolveStoredEntriesIgnoringCaseAndSpaces() throws {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.importHours(Self.batch()) { writer in
            try writer.write([Self.entry(5, employee: "Noor.Kaya@Example.nl"), Self.entry(6, employee: "P2")])
        }
        #expect(try store.unresolvedIdentities().count == 2)
        let resolved = try store.saveAliases([EmployeeAlias(employerID: "e1", identity: " noor.kaya@example.nl\u{00A0}",
                                                            studentNumber: "2250001")])
        #expect(resolved == 1)
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: "2250001").count == 1)
        // New imports resolve through the table at once.
        let next = try store.importHours(Self.batch(fingerprint: "f9")) { try $0.write([Self.entry(9, employee: "NOOR.KAYA@example.nl")]) }
        #expect(next.counts.unresolved == 0)
    }

    @Test func thousandsOfIdentitiesResolveThroughTheAliasTableAtImport() throws {
        // More identities than the writer's first cache holds: every one must still find its own student.
        let store = try SQLiteStore(path: ":memory:")
        let people = 5000
        try store.saveAliases((0..<people).filter { $0 % 7 != 0 }.map {
            EmployeeAlias(employerID: "e1", identity: "P\($0)", studentNumber: "S\($0)")
        })
        let entries = (0..<people * 2).map { Self.entry(1 + $0 % 28, employee: "p\($0 % people)", line: $0 + 2) }
        let batch = try store.importHours(Self.batch()) { try $0.write(entries) }
        let unlinked = (0..<people).filter { $0 % 7 == 0 }.count
        #expect(batch.counts.unresolved == unlinked * 2)
        let stored = try store.activeHourEntries(employerID: "e1", studentNumber: nil)
        #expect(stored.count == people * 2)
        for row in stored {
            let n = Int(row.entry.employeeIdentity.dropFirst())!
            #expect(row.entry.studentNumber == (n % 7 == 0 ? nil : "S\(n)"))
        }
    }

    @Test func rowsLongerThanTheWritersBufferAreStoredWhole() throws {
        // 40 entries with 40 KB descriptions: a group of rows needs far more than the writer's first 64 KiB buffer.
        let store = try SQLiteStore(path: ":memory:")
        let entries = (0..<40).map { n -> HourEntry in
            var entry = Self.entry(1 + n % 28, line: n + 2)
            entry.description = String(repeating: "é\(n % 10)", count: 40_000 / 3)
            return entry
        }
        let batch = try store.importHours(Self.batch()) { try $0.write(entries) }
        #expect(batch.counts.entriesStored == 40)
        let stored = try store.activeHourEntries(employerID: "e1", studentNumber: nil)
        #expect(Set(stored.map(\.entry)) == Set(entries))
    }

    @Test func reopeningAFileKeepsTheDossier() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-\(UUID().uuidString).sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.importHours(Self.batch()) { try $0.write([Self.entry(5)]) }
        }
        let again = try SQLiteStore(path: path)
        #expect(try again.activeHourEntries(employerID: nil, studentNumber: nil).count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600) // personal data: owner only
    }
}
