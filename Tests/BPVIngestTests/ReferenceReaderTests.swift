import BPVIngest
import BPVModel
import Testing

/// Reads a whole file of a record kind; fails the test on a file-level error.
func readAll<M: RecordKindMapper>(_ path: String, _ mappingPath: String, _ kind: RecordKind, _ mapper: M)
    throws -> (batch: RecordFileReader<M>.Batch, reader: RecordFileReader<M>) {
    let mapping = try MappingLoader().loadRecordMapping(path: Paths.repo(mappingPath), kind: kind)
    let reader = try RecordFileReader(path: path, mapping: mapping, mapper: mapper)
    return (try reader.readAll(), reader)
}

@Suite("Reference list readers")
struct ReferenceReaderTests {
    @Test("SBB list with malformed rows: good rows normalised, every bad row a reject with line, column, value and reason")
    func erkenningenBad() throws {
        let path = Paths.fixture("reference/erkenningen-bad.csv")
        let (batch, reader) = try readAll(path, "mappings/reference/sbb-erkenningen.yaml", .erkenningen, ErkenningRecordMapper())
        #expect(reader.recordsRead == 16)
        let good = Dictionary(uniqueKeysWithValues: batch.values.map { ($0.erkenning.location!.line, $0) })
        #expect(good.keys.sorted() == [2, 3, 11, 13])
        #expect(good[2]?.erkenning.leerbedrijfID == "001234567")
        #expect(good[3]?.erkenning.leerbedrijfID == "100234567")
        #expect(good[11]?.erkenning.leerbedrijfID == "31KC7731HG0000003")
        #expect(good[11]?.alias == nil)
        #expect(good[13]?.erkenning.crebo == "25605")
        #expect(good[13]?.erkenning.leerweg == .both)
        #expect(good[2]?.retrieved == CalendarDate(year: 2026, month: 11, day: 2))

        struct Expected { var line: Int; var column: String?; var number: Int?; var value: String?; var reason: String }
        let expected = [
            Expected(line: 4, column: "Leerbedrijf ID", number: 2, value: "12345", reason: "not a leerbedrijf-ID"),
            Expected(line: 5, column: "Leerbedrijf ID", number: 2, value: "1100234567", reason: "not a leerbedrijf-ID"),
            Expected(line: 6, column: "Leerbedrijf ID", number: 2, value: "10023456X", reason: "not a leerbedrijf-ID"),
            Expected(line: 7, column: "Crebocode", number: 9, value: "2579", reason: "not a crebo"),
            Expected(line: 8, column: "Crebocode", number: 9, value: "25A98", reason: "not a crebo"),
            Expected(line: 9, column: "Einddatum erkenning", number: 14, value: "31-05-2021", reason: "the erkenning ends before it starts"),
            Expected(line: 10, column: "Startdatum erkenning", number: 13, value: "31-02-2026", reason: "not a valid date"),
            Expected(line: 12, column: "Oude code", number: 3, value: "31KC7731HG000003", reason: "not a leerbedrijf-ID"),
            Expected(line: 14, column: nil, number: nil, value: nil, reason: "ragged row: 6 fields where the header has 14"),
            Expected(line: 15, column: "Leerweg", number: 12, value: "Deeltijd", reason: "not in code table 'leerwegen'"),
            Expected(line: 16, column: "Peildatum", number: 1, value: "", reason: "empty"),
            Expected(line: 17, column: "Leerbedrijf ID", number: 2, value: "", reason: "empty"),
        ]
        #expect(batch.rejects.count == expected.count)
        for (reject, want) in zip(batch.rejects, expected) {
            #expect(reject.location.file == path)
            #expect(reject.location.line == want.line)
            #expect(reject.column == want.column, "line \(want.line)")
            #expect(reject.columnNumber == want.number, "line \(want.line)")
            #expect(reject.value == want.value, "line \(want.line)")
            #expect(reject.reason == want.reason, "line \(want.line)")
            #expect(reject.expected != nil)
            #expect(reject.record != nil)
        }
        // Rejected rows whose leerbedrijf and crebo could be read are named, so a diff does not call them withdrawn.
        #expect(Set(batch.rejectedPairs.map(\.leerbedrijfID)) == ["100581320", "100966213"])
        #expect(batch.rejectedPairs.contains(LeerbedrijfCrebo(leerbedrijfID: "100581320", crebo: "25798")))
    }

    @Test("the sample SBB lists read clean; the later one teaches the legacy code's alias")
    func sampleLists() throws {
        for name in ["erkenningen-2026-09-01.csv", "erkenningen-2026-11-02.csv"] {
            let (batch, _) = try readAll(Paths.repo("samples/inbox/reference/sbb/\(name)"),
                                         "mappings/reference/sbb-erkenningen.yaml", .erkenningen, ErkenningRecordMapper())
            #expect(batch.rejects.isEmpty, "\(name): \(batch.rejects)")
            #expect(batch.values.count == 8)
            #expect(batch.values.allSatisfy { $0.erkenning.crebo.count == 5 })
        }
        let (later, _) = try readAll(Paths.repo("samples/inbox/reference/sbb/erkenningen-2026-11-02.csv"),
                                     "mappings/reference/sbb-erkenningen.yaml", .erkenningen, ErkenningRecordMapper())
        #expect(later.values.compactMap(\.alias) == [LeerbedrijfAlias(legacyCode: "31KC7731HG0000003",
                                                                      leerbedrijfID: "100812046", origin: .list)])
    }

    @Test("crebo list: section and dossier rows skipped, NBSP codes cleaned, bad codes, niveaus and leerwegen rejected")
    func crebolijst() throws {
        let path = Paths.fixture("reference/crebolijst-bad.csv")
        let (batch, reader) = try readAll(path, "mappings/reference/sbb-crebolijst.yaml", .crebos,
                                          CreboRecordMapper(edition: CalendarDate(year: 2026, month: 8, day: 1)))
        #expect(reader.skippedRecords == 2)
        #expect(batch.values.map(\.crebo) == ["25604", "25605"])
        #expect(batch.values.map(\.niveau) == [4, 4])
        #expect(batch.values.allSatisfy { $0.geldigVanaf == CalendarDate(year: 2026, month: 8, day: 1) && $0.leerweg == .both })
        #expect(batch.rejects.map(\.location.line) == [6, 7, 8])
        #expect(batch.rejects.map(\.column) == ["Opleidingscode", "Niveau", "Leerweg"])
        #expect(batch.rejects.map(\.value) == ["2560", "niveau 7", "Avond"])
        #expect(batch.rejects.map(\.reason) == ["not a crebo", "not a niveau", "not a leerweg"])
    }

    @Test("Vervallen sheet: end dates and successors; replaced by itself, dates in the wrong order and bad successors rejected")
    func vervallen() throws {
        let (batch, _) = try readAll(Paths.fixture("reference/crebolijst-vervallen-bad.csv"),
                                     "mappings/reference/sbb-crebolijst-vervallen.yaml", .crebos, CreboRecordMapper())
        #expect(batch.values.map(\.crebo) == ["25951", "25961"])
        #expect(batch.values.map(\.vervangenDoor) == [["25952"], ["25962", "25963"]])
        #expect(batch.values.first?.eindeInstroom == CalendarDate(year: 2025, month: 7, day: 31))
        #expect(batch.values.first?.eindeOpleiding == CalendarDate(year: 2027, month: 7, day: 31))
        #expect(batch.rejects.map(\.location.line) == [4, 5, 6])
        #expect(batch.rejects.map(\.column) == ["Wordt vervangen door", "Datum einde opleiding", "Wordt vervangen door"])
        #expect(batch.rejects.map(\.value) == ["25971", "31-07-2025", "2599"])
        #expect(batch.rejects.map(\.reason) == ["the crebo is replaced by itself", "einde opleiding lies before einde instroom",
                                                "not a crebo"])
    }

    @Test("the school's POK list reads as POKs with hours in minutes and the SIS's own fields")
    func poks() throws {
        let (batch, _) = try readAll(Paths.repo("samples/school/poks.csv"), "mappings/sis/poks-school.yaml", .poks, POKRecordMapper())
        #expect(batch.rejects.isEmpty)
        #expect(batch.values.count == 10)
        #expect(Set(batch.values.compactMap(\.pokNumber)).count == 10)
        #expect(batch.values.filter(\.secondAddress).map(\.studentNumber) == ["2240233"])
        #expect(batch.values.filter { $0.status == .ended }.map(\.terminatedOn) == [CalendarDate(year: 2026, month: 11, day: 20)])
        let sem = batch.values.first { $0.studentNumber == "2250114" }
        #expect(sem?.leerbedrijfID == "101145779")
        #expect(sem?.crebo == "25604")
        #expect(sem?.minutes == 1220 * 60)
        #expect(sem?.begin == CalendarDate(year: 2025, month: 9, day: 1))
    }

    @Test("the hour reader after the shared-opening refactor: a sample reads as before, a header-only export still fails")
    func hourReaderUnchanged() throws {
        let mapping = try MappingLoader().loadHourMapping(path: Paths.repo("mappings/hours/kimai-nl.yaml"))
        let reader = try HourFileReader(path: Paths.repo("samples/inbox/hours/klankwerk-events/kimai-export-2026-10-01-2026-11-30.csv"),
                                        mapping: mapping, employerID: "klankwerk-events")
        var entries = 0, rejects = 0
        while let batch = try reader.next() { entries += batch.entries.count; rejects += batch.rejects.count }
        #expect(entries == 27)
        #expect(rejects == 0)
        #expect(throws: FileLevelError.self) {
            _ = try HourFileReader(path: Paths.fixture("hours/kimai-header-only.csv"), mapping: mapping, employerID: "x")
        }
        do {
            _ = try HourFileReader(path: Paths.fixture("hours/kimai-header-only.csv"), mapping: mapping, employerID: "x")
        } catch {
            #expect(error.message == "the file has a header but no records")
            #expect(error.line == 1)
        }
    }

    @Test("a reference list with a header and no rows is not a file-level error for the reader")
    func headerOnly() throws {
        let mapping = try MappingLoader().loadRecordMapping(path: Paths.repo("mappings/reference/sbb-erkenningen.yaml"),
                                                            kind: .erkenningen)
        let reader = try RecordFileReader(path: Paths.repo("Tests/BPVKitTests/Fixtures/reference/erkenningen-header-only.csv"),
                                          mapping: mapping, mapper: ErkenningRecordMapper())
        let batch = try reader.readAll()
        #expect(batch.values.isEmpty && batch.rejects.isEmpty && reader.recordsRead == 0)
    }
}

@Suite("Hour rejects after sharing the field reader")
struct HourRejectTests {
    @Test("bad date, ragged row and unknown hour type read as before: file, line, column, value, reason")
    func rejects() throws {
        let mapping = try MappingLoader().loadHourMapping(path: Paths.repo("mappings/hours/kimai-nl.yaml"))
        let path = Paths.fixture("hours/kimai-bad-rows.csv")
        let reader = try HourFileReader(path: path, mapping: mapping, employerID: "klankwerk-events")
        var entries: [HourEntry] = [], rejects: [Reject] = []
        while let batch = try reader.next() { entries += batch.entries; rejects += batch.rejects }
        #expect(entries.map(\.minutes) == [480])
        #expect(rejects.map(\.description) == [
            "\(path):3: column \"Datum\" (1): value \"2026-02-31\": not a valid date; expected yyyy-MM-dd",
            "\(path):4: ragged row: 3 fields where the header has 20; expected 20 fields separated by ','",
            "\(path):5: column \"Activiteit\" (16): value \"Feesten\": unknown hour type; expected one of Opbouw, Afbouw, "
                + "Geluid, Licht, Magazijn, Ziek, Verlof, Feestdag, Dokter, Reistijd woon-werk, Reistijd klus, Training "
                + "(add it to code table 'activiteiten')",
        ])
        #expect(rejects.allSatisfy { $0.record != nil })
    }
}
