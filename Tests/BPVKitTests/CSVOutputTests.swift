@testable import BPVKit
import BPVModel
import BPVStore
import Foundation
import Testing

/// The one CSV writer (``CSVTable``): `;`, quotes where needed, formulas neutralised, a byte-order mark; and the run
/// record written with it from a real export whose values a spreadsheet would run (Fixtures/formula).
@Suite struct CSVOutputTests {
    // MARK: - The writer

    @Test func aSmallTableIsExactlyTheseBytes() {
        let table = CSVTable(header: ["naam", "waarde"], rows: [["Zoë", "1 – 2"], ["a;b", "=1+1"]])
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("naam;waarde\nZo".utf8) + [0xC3, 0xAB] + Array(";1 ".utf8)
            + [0xE2, 0x80, 0x93] + Array(" 2\n\"a;b\";'=1+1\n".utf8)
        #expect(Array(table.data()) == expected)
        #expect(Array(table.data(byteOrderMark: false)) == Array(expected.dropFirst(3)))
        #expect(table.text == "naam;waarde\nZoë;1 – 2\n\"a;b\";'=1+1\n")
    }

    @Test func anEmptyTableIsItsHeader() {
        #expect(CSVTable(header: ["employer", "identity", "entries"]).data()
                == Data([0xEF, 0xBB, 0xBF] + Array("employer;identity;entries\n".utf8)))
    }

    @Test func cellsWithTheDelimiterQuotesOrLineBreaksAreQuoted() {
        #expect(CSVTable.cell("plain text") == "plain text")
        #expect(CSVTable.cell("a;b") == "\"a;b\"")
        #expect(CSVTable.cell("Kabel 19\" rack") == "\"Kabel 19\"\" rack\"")
        #expect(CSVTable.cell("\"") == "\"\"\"\"")
        #expect(CSVTable.cell("line one\nline two") == "\"line one\nline two\"")
        #expect(CSVTable.cell("line one\r\nline two") == "\"line one\r\nline two\"")
        #expect(CSVTable.cell("bare\rreturn") == "\"bare\rreturn\"")
        #expect(CSVTable.cell("a,b\tc") == "a,b\tc")   // only `;` separates cells
        #expect(CSVTable.cell("") == "")
    }

    @Test func cellsThatStartAFormulaGetAnApostrophe() {
        #expect(CSVTable.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVTable.cell("+cmd|'/c calc'!A0") == "'+cmd|'/c calc'!A0")
        #expect(CSVTable.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTable.cell("-2+3") == "'-2+3")
        #expect(CSVTable.cell("\t=1") == "'\t=1")
        #expect(CSVTable.cell("\r=1") == "\"'\r=1\"")   // a carriage return is also quoted
        #expect(CSVTable.cell("a=1") == "a=1")          // only the first character counts
        #expect(CSVTable.cell(" =1") == " =1")
    }

    @Test func plainNegativeNumbersStayNumbers() {
        for number in ["-2", "-7,5", "-0.25", "-30", "-2,00"] { #expect(CSVTable.cell(number) == number) }
        for formula in ["-", "-2+3", "-1e5", "-A1", "-,5", "-2,", "-1,234.5", "--2", "- 2"] {
            #expect(CSVTable.cell(formula) == "'" + formula)
        }
        #expect(CSVTable.cell("+2") == "'+2")   // only a minus: `+2` is how `+2+cmd` starts as well
    }

    // MARK: - The run record

    /// Runs Fixtures/formula/bpv.yaml into a temporary folder; the run folder.
    static func runFormulaSchool() throws -> (NightlyRun.Summary, URL) {
        var configuration = try BPVConfiguration.load(path: Fixture.formula("bpv.yaml"))
        let work = Fixture.temporaryFolder()
        configuration.database = work.appendingPathComponent("bpv.sqlite").path
        configuration.output = work.appendingPathComponent("out").path
        let store = try SQLiteStore(path: configuration.database)
        let summary = try NightlyRun(configuration: configuration, store: store).run()
        return (summary, URL(fileURLWithPath: summary.runFolder))
    }

    @Test func rejectsAndUnresolvedIdentitiesShowEmployersFormulasAsText() throws {
        let (summary, folder) = try Self.runFormulaSchool()
        let export = Fixture.formula("inbox/hours/formula-bv/export.csv")
        #expect(summary.files.map(\.outcome) == [.importedWithRejects, .imported])
        #expect(try runRecordCSV(folder, "rejects.csv") == [
            "file;line;column;column_number;value;reason;expected;record",
            "\(export);3;Datum;3;\"'=HYPERLINK(\"\"http://x\"\")\";not a valid date;dd-MM-yyyy;"
                + "\"P100;Daan Veldkamp;\"\"=HYPERLINK(\"\"\"\"http://x\"\"\"\")\"\";08:00;16:30;30;Werk;Opbouw\"",
            "\(export);5;Starttijd;4;'+cmd|'/c calc'!A0;not a valid time;HH:mm;"
                + "\"P101;Lotte Brinkhuis;06-10-2026;+cmd|'/c calc'!A0;17:00;30;Werk;Lichtplan\"",
            "\(export);6;Pauze;6;'-2+3;not a valid duration;whole minutes like 30;"
                + "\"P101;Lotte Brinkhuis;07-10-2026;09:00;17:00;-2+3;Werk;Lichtplan\"",
            "\(export);7;Pauze;6;-30;negative break;a break of 0 or more;"
                + "\"P101;Lotte Brinkhuis;08-10-2026;09:00;17:00;-30;Werk;Lichtplan\"",
        ])
        #expect(try runRecordCSV(folder, "unresolved.csv") == [
            "employer;identity;entries",
            "formula-bv;'@SUM(A1);1",
            "formula-bv;P100;1",
            "formula-bv;P101;1",
        ])
    }

    @Test func everyFileOfTheRunRecordIsWrittenWithMode0640WhateverTheUmask() throws {
        // umask is the process's: other tests running meanwhile create their files under it too (none checks a
        // mode that the umask decides). Restored before the checks.
        for mask: mode_t in [0, 0o077] {
            let previous = umask(mask)
            let result = Result { try Self.runFormulaSchool() }
            umask(previous)
            let (summary, folder) = try result.get()
            #expect(summary.erkenningCheck != nil, "the POK list makes the run check accreditation and write erkenning.csv")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["erkenning.csv", "findings.csv", "hours.csv", "pok-status.csv", "reconciliation.json",
                              "rejects.csv", "run.json", "unresolved.csv"],
                    "no temporary file is left behind")
            for name in names {
                var info = stat()
                #expect(stat(folder.appendingPathComponent(name).path, &info) == 0)
                #expect(info.st_mode & 0o7777 == 0o640, "\(name) under umask \(String(mask, radix: 8))")
            }
        }
    }

    @Test func aFileIsReplacedWholeAndTheTemporaryFileGoes() throws {
        let folder = Fixture.temporaryFolder()
        let path = folder.appendingPathComponent("x.csv").path
        try OutputFile.save(Data("old\n".utf8), to: path)
        try OutputFile.save(CSVTable(header: ["new"]).data(byteOrderMark: false), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.csv"])
        let missing = folder.appendingPathComponent("no-such-folder/x.csv").path
        #expect(throws: OutputFileError.self) { try OutputFile.save(Data(), to: missing) }
    }
}

extension Fixture {
    /// A file under Tests/BPVKitTests/Fixtures/formula.
    static func formula(_ name: String) -> String { testsFolder.appendingPathComponent("Fixtures/formula/\(name)").path }
}
