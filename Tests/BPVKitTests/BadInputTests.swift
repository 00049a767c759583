import BPVIngest
import BPVKit
import BPVModel
import BPVStore
import Testing

/// Every kind of bad input from the foundation issue, each with a real file in Fixtures/bad: the message names the
/// file, line, column, value and what was expected; the rest of the file goes on; rejects are stored.
@Suite struct BadInputTests {
    @Test func raggedRowsAreRejectedAndTheRestIsStored() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("ragged.csv"), mapping: Fixture.timesheetMapping())
        #expect(result.outcome == .importedWithRejects)
        #expect(result.counts.recordsRead == 4)
        #expect(result.counts.entriesStored == 2)
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.location.line) == [3, 4])
        #expect(rejects[0].reason == "ragged row: 7 fields where the header has 8")
        #expect(rejects[1].reason == "ragged row: 9 fields where the header has 8")
        #expect(rejects[0].record == "P100;Daan Veldkamp;06-10-2026;08:00;16:30;30;Werk")
        #expect(ExitStatus.of([result]) == .completedWithRejects)
    }

    @Test func anUnbalancedQuoteRejectsOneLineAndReadingResumes() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("unbalanced-quote.csv"),
                                                       mapping: Fixture.timesheetMapping())
        #expect(result.counts.entriesStored == 3)
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.count == 1)
        #expect(rejects[0].location.line == 3)
        #expect(rejects[0].column == "Omschrijving")
        #expect(rejects[0].value == "\"Opbouw zonder eind")
        #expect(rejects[0].reason.contains("unbalanced quote"))
        // The lines after the bad one were read again as records of their own.
        let lines = try store.activeHourEntries(employerID: nil, studentNumber: nil).map(\.entry.source.line).sorted()
        #expect(lines == [2, 4, 5])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsARejectNotAGuess() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("quote-in-field.csv"), mapping: Fixture.timesheetMapping())
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.location.line == 3)
        #expect(reject.columnNumber == 8)
        #expect(reject.value == "Kabel 19\" rack")
        #expect(reject.reason.contains("a quote inside an unquoted field"))
        #expect(result.counts.entriesStored == 2)
    }

    @Test func badDatesNameTheColumnValueAndPattern() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("bad-date.csv"), mapping: Fixture.timesheetMapping())
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.value) == ["31-02-2026", "2026-10-06"])
        #expect(rejects.allSatisfy { $0.column == "Datum" && $0.columnNumber == 3 && $0.expected == "dd-MM-yyyy" })
        #expect(rejects[0].description
            == "\(Fixture.bad("bad-date.csv")):3: column \"Datum\" (3): value \"31-02-2026\": not a valid date; expected dd-MM-yyyy")
    }

    @Test func badTimes() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("bad-time.csv"), mapping: Fixture.timesheetMapping())
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.column) == ["Starttijd", "Eindtijd"])
        #expect(rejects.map(\.value) == ["25:00", "17.00"])
        #expect(rejects.allSatisfy { $0.reason == "not a valid time" && $0.expected == "HH:mm" })
    }

    @Test func impossibleShiftsAreRejected() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("bad-durations.csv"), mapping: Fixture.timesheetMapping())
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.location.line) == [3, 4, 5])
        #expect(rejects[0].reason == "the break is as long as the shift or longer")
        #expect(rejects[1].reason.hasPrefix("start and end are the same"))
        #expect(rejects[2].reason == "negative break")
        #expect(result.counts.entriesStored == 2)
    }

    @Test func negativeAndAbsurdDurations() throws {
        let mapping = try MappingLoader().loadHourMapping(path: Fixture.bad("durations.yaml"))
        let (result, store) = try importIntoFreshStore(Fixture.bad("durations.csv"), mapping: mapping)
        let rejects = try store.rejects(batchID: result.batchID!)
        #expect(rejects.map(\.value) == ["-2,00", "30,00", "acht"])
        #expect(rejects[0].reason == "negative duration")
        #expect(rejects[1].reason == "absurd duration: 30h00 in one entry")
        #expect(rejects[2].reason == "not a valid duration")
        let minutes = try store.activeHourEntries(employerID: nil, studentNumber: nil).map(\.entry.minutes)
        #expect(minutes == [510, 435]) // " 8,5 " and "7.25": comma and point, spaces trimmed
    }

    @Test func anUnknownHourTypeListsTheKnownOnes() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("unknown-hour-type.csv"), mapping: Fixture.timesheetMapping())
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.value == "Kantine")
        #expect(reject.reason == "unknown hour type")
        #expect(reject.expected == "one of Werk, Ziek, Verlof (add it to code table 'soorten')")
    }

    @Test func anUnknownEmployeeIsStoredUnresolvedAndALaterAliasResolvesIt() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("unknown-employee.csv"), mapping: Fixture.timesheetMapping())
        #expect(result.outcome == .imported)
        #expect(result.counts.unresolved == 3) // no aliases at all yet
        try store.saveAliases([EmployeeAlias(employerID: "test-employer", identity: "P100", studentNumber: "2240001")])
        let unresolved = try store.unresolvedIdentities()
        #expect(unresolved.map(\.identity) == ["P101", "P999"])
        let resolved = try store.saveAliases([EmployeeAlias(employerID: "test-employer", identity: "p999",
                                                            studentNumber: "2240002")])
        #expect(resolved == 1) // matched ignoring case, without importing the file again
        let entry = try store.activeHourEntries(employerID: nil, studentNumber: "2240002")
        #expect(entry.map(\.entry.source.line) == [3])
    }

    @Test func fileLevelErrorsStoreNothingAndSaySo() throws {
        let cases: [(String, String)] = [
            ("empty.csv", "the file is empty (0 bytes)"),
            ("header-only.csv", "the file has a header but no records"),
        ]
        for (file, message) in cases {
            let (result, store) = try importIntoFreshStore(Fixture.bad(file), mapping: Fixture.timesheetMapping())
            guard case .failed(let text) = result.outcome else { Issue.record("\(file) did not fail"); continue }
            #expect(text.hasPrefix(Fixture.bad(file)))
            #expect(text.contains(message))
            #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).isEmpty)
            #expect(try store.importBatches(limit: 5).first?.status == .failed)
            #expect(ExitStatus.of([result]) == .fileFailed)
        }
    }

    @Test func missingColumnsListExpectedAndFoundHeaders() throws {
        let (result, _) = try importIntoFreshStore(Fixture.bad("missing-columns.csv"), mapping: Fixture.timesheetMapping())
        guard case .failed(let text) = result.outcome else { Issue.record("did not fail"); return }
        #expect(text.contains("lacks the mapped column(s) \"Pauze\""))
        #expect(text.contains("expected columns: \"Datum\", \"Eindtijd\", \"Omschrijving\", \"Pauze\""))
        #expect(text.contains("found in the header: \"Personeelsnummer\", \"Naam\", \"Datum\", \"Starttijd\", \"Eindtijd\", \"Soort\", \"Omschrijving\""))
    }

    @Test func aWrongDelimiterIsNamed() throws {
        let (result, _) = try importIntoFreshStore(Fixture.bad("wrong-delimiter.csv"), mapping: Fixture.timesheetMapping())
        guard case .failed(let text) = result.outcome else { Issue.record("did not fail"); return }
        #expect(text.contains("is the delimiter ',' rather than ';'?"))
    }

    @Test func bytesInvalidForTheDeclaredEncodingAreRejected() throws {
        let utf8 = try Fixture.timesheetMapping { $0.replacingOccurrences(of: "encoding: auto", with: "encoding: utf-8") }
        let (result, store) = try importIntoFreshStore(Fixture.bad("invalid-utf8.csv"), mapping: utf8)
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.location.line == 3)
        #expect(reject.column == "Omschrijving")
        #expect(reject.reason == "bytes that are not valid utf-8")
        #expect(result.counts.entriesStored == 2)

        let (cp1252, cpStore) = try importIntoFreshStore(Fixture.bad("invalid-cp1252.csv"), mapping: Fixture.timesheetMapping())
        #expect(cp1252.encoding == "windows-1252")
        let cpReject = try #require(try cpStore.rejects(batchID: cp1252.batchID!).first)
        #expect(cpReject.reason == "bytes that are not valid windows-1252")
        #expect(cpReject.location.line == 3)
    }

    @Test func aNulByteIsRejected() throws {
        let (result, store) = try importIntoFreshStore(Fixture.bad("nul-byte.csv"), mapping: Fixture.timesheetMapping())
        let reject = try #require(try store.rejects(batchID: result.batchID!).first)
        #expect(reject.reason == "contains a NUL byte")
        #expect(reject.value == "Licht\u{2400}plan")
        #expect(result.counts.entriesStored == 2)
    }

    @Test func aRejectThresholdFailsTheWholeFile() throws {
        let strict = try Fixture.timesheetMapping { $0 + "import:\n  max_reject_percent: 30\n" }
        let (result, store) = try importIntoFreshStore(Fixture.bad("bad-date.csv"), mapping: strict)
        guard case .failed(let text) = result.outcome else { Issue.record("did not fail"); return }
        #expect(text.contains("2 of 4 records rejected (50%)"))
        #expect(try store.activeHourEntries(employerID: nil, studentNumber: nil).isEmpty) // rolled back
    }
}
