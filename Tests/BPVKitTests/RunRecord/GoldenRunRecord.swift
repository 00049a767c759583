@testable import BPVKit
import BPVModel
import Foundation
import Testing

/// The golden files of the run record's layouts (`Fixtures/golden/<file name>`), and the one small, fixed run that
/// every layout's test renders: values with quotes, `;`, line breaks, non-ASCII letters and employers' formulas.
///
/// A layout change is a change to its golden file, reviewed like code. To write the files anew after a deliberate
/// change: `BPV_UPDATE_GOLDEN=1 swift test --filter theLayoutIsTheGoldenFile`, then read the diff.
enum GoldenRunRecord {
    static let folder = Fixture.testsFolder.appendingPathComponent("Fixtures/golden")

    /// Records an issue (naming the first differing line) when `artifact`'s bytes are not its golden file's.
    static func expectGolden(_ artifact: any Artifact,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(artifact.fileName)
        let rendered = try artifact.render()
        if ProcessInfo.processInfo.environment["BPV_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: url)
            return
        }
        let expected = try Data(contentsOf: url)
        guard rendered != expected else { return }
        let a = rendered.split(separator: 0x0A, omittingEmptySubsequences: false)
        let b = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        Issue.record("""
            \(artifact.fileName): the bytes differ from Fixtures/golden/\(artifact.fileName) at line \
            \((line?.offset ?? min(a.count, b.count)) + 1):
            got:      \(line.map { String(decoding: $0.element.0, as: UTF8.self) } ?? "(\(a.count) lines)")
            expected: \(line.map { String(decoding: $0.element.1, as: UTF8.self) } ?? "(\(b.count) lines)")
            """, sourceLocation: sourceLocation)
    }

    static let run = "2026-11-02T020000"
    static let today = d("2026-11-02")

    static let rooster = "inbox/hours/podiumbouw-oost/Roosterdetail.csv"
    static let rejects: [Reject] = [
        Reject(location: BPVModel.SourceLocation(file: rooster, line: 3), column: "Datum", columnNumber: 1,
               value: "=HYPERLINK(\"http://x\")", reason: "not a valid date", expected: "dd-MM-yyyy",
               record: "=HYPERLINK(\"http://x\");1043;08:00;16:30;30;Dienst;Opbouw"),
        Reject(location: BPVModel.SourceLocation(file: rooster, line: 7), column: "Pauze", columnNumber: 5,
               value: "-30", reason: "negative break", expected: "a break of 0 or more",
               record: "06-10-2026;1057;09:00;17:00;-30;Dienst;Café \"Het Anker\""),
        Reject(location: BPVModel.SourceLocation(file: rooster, line: 9),
               reason: "6 fields where the header has 7", record: "07-10-2026;1057;09:00;17:00;30;Dienst\nopbouw"),
        Reject(location: BPVModel.SourceLocation(file: "inbox/hours/tijdwerk-uitzend/TimeCard_TW-40117.xml", line: 12,
                                        elementPath: "/TimeCard/ReportedTime/TimeInterval"),
               column: "StartDateTime", value: "2026-13-01T08:00", reason: "not a valid date and time",
               expected: "yyyy-MM-dd'T'HH:mm"),
    ]

    static let unresolved: [NightlyRun.UnresolvedIdentity] = [
        .init(employer: "bytebrug-ict", identity: "noor.hesselink@bytebrug.nl", entries: 13),
        .init(employer: "formula-bv", identity: "@SUM(A1)", entries: 1),
        .init(employer: "klankwerk-events", identity: "Zoë de Vries; stage", entries: 2),
    ]

    static let findings: [Finding] = [
        Finding(rule: "erkenning.withdrawn", severity: .error, date: today, studentNumber: "2240233",
                leerbedrijfID: "100234567", crebo: "25798",
                subject: "POK 2240233 at 100234567 (crebo 25798, 2025-09-01 – 2027-07-09)",
                evidence: "erkenning 25798 from 2020-01-01 in the list of 2026-09-01, not in the list of 2026-11-02",
                explanation: "The leerbedrijf is no longer accredited for this crebo: ask SBB, or find another "
                    + "leerbedrijf; hours after the withdrawal may not count."),
        Finding(rule: AliasFindings.movedRule, severity: .warning, date: today, studentNumber: "2250387",
                subject: "alias sem.ottevanger@bytebrug.nl of employer bytebrug-ict",
                evidence: "was 2250114, now 2250387; 15 stored entries moved",
                explanation: "The hours this employee identity sent before now count for 2250387, not 2250114. "
                    + "If that is wrong, correct the alias and run again."),
    ]

    /// Three POKs checked on 2026-11-02: an expiring erkenning listed under a legacy code, no erkenning for an
    /// ended and replaced crebo, and an open-ended erkenning.
    static let accreditation: ErkenningCheck.Report = {
        let policy = ErkenningPolicy()
        let register = CreboRegister([
            Crebo(crebo: "25798", name: "Allround podium- en evenemententechnicus", niveau: 4),
            Crebo(crebo: "25604", name: "Medewerker ICT-support", niveau: 3, eindeInstroom: d("2025-07-31"),
                         eindeOpleiding: d("2026-07-31"), vervangenDoor: ["25605"]),
            Crebo(crebo: "25605", name: "Medewerker ICT-support", niveau: 3),
        ])
        let erkenningen = [
            Erkenning(leerbedrijfID: "100234567", listedAs: "31KC7731HG0000003", crebo: "25798",
                      start: d("2020-01-01"), end: d("2026-12-31")),
            Erkenning(leerbedrijfID: "100581320", crebo: "25798", start: d("2021-03-15"), end: nil),
        ]
        let poks = [
            (POK(studentNumber: "2240233", leerbedrijfID: "100234567", crebo: "25798", begin: d("2025-09-01"),
                 end: d("2027-07-09")), "Podiumbouw Oost B.V."),
            (POK(studentNumber: "2250114", leerbedrijfID: "101145779", crebo: "25604", begin: d("2025-09-01"),
                 end: d("2026-12-18")), "ByteBrug ICT B.V."),
            (POK(studentNumber: "2250658", leerbedrijfID: "100581320", crebo: "25798", begin: d("2026-02-02"),
                 end: d("2027-01-29")), "Klankwerk Events; geluid & licht"),
        ]
        let rows = poks.map { pok, name in
            ErkenningCheck.Row(result: ErkenningCoverageRule(settings: policy).evaluate(
                                   .init(query: ErkenningQuery(pok), on: today, erkenningen: erkenningen,
                                         withdrawn: [], register: register)),
                               pok: pok, leerbedrijfName: name)
        }
        return ErkenningCheck.Report(mode: .poks, options: .init(crebo: nil, leerbedrijf: nil, referenceDate: today,
                                                                 policy: policy),
                                     rows: rows, lists: [], creboListImported: true, notes: [])
    }()

    static let summary: NightlyRun.Summary = {
        var summary = NightlyRun.Summary()
        var imported = ImportCounts()
        imported.recordsRead = 32
        imported.entriesStored = 32
        var withRejects = ImportCounts()
        withRejects.recordsRead = 10
        withRejects.entriesStored = 7
        withRejects.rejects = 3
        withRejects.blankRecords = 1
        withRejects.superseded = 4
        withRejects.unresolved = 2
        summary.files = [
            FileImportResult(file: "inbox/hours/klankwerk-events/kimai-export.csv", employerID: "klankwerk-events",
                             mappingName: "kimai-nl", outcome: .imported, counts: imported, batchID: 2,
                             encoding: "windows-1252", firstRejects: [], notes: []),
            FileImportResult(file: rooster, employerID: "podiumbouw-oost",
                             mappingName: "shiftbase-roosterdetail", outcome: .importedWithRejects,
                             counts: withRejects, batchID: 3, encoding: "utf-8", firstRejects: Array(rejects.prefix(3)),
                             notes: ["encoding utf-8 from the byte-order mark (the mapping says windows-1252)"]),
            FileImportResult(file: "inbox/hours/bytebrug-ict/Toggl.csv", employerID: "bytebrug-ict",
                             mappingName: "toggl-detailed", outcome: .alreadyImported(batchID: 1),
                             counts: ImportCounts(), batchID: 1, encoding: nil, firstRejects: [],
                             notes: ["already imported as batch 1 on 2026-11-01T02:00:00Z: nothing changed"]),
            FileImportResult(file: "inbox/hours/netwerk-noord/leeg.csv", employerID: "netwerk-noord",
                             mappingName: "clockify-eu",
                             outcome: .failed("the header lacks the mapped column \"Date\""),
                             counts: ImportCounts(), batchID: nil, encoding: nil, firstRejects: [], notes: []),
            FileImportResult(file: "school/poks.csv", employerID: nil, mappingName: "poks-school",
                             outcome: .imported, counts: imported, batchID: 4, encoding: "utf-8", firstRejects: [],
                             notes: []),
        ]
        summary.aliasesLoaded = 11
        summary.entriesResolvedByAliases = 3
        summary.problems = ["alias bytebrug-ict sem.ottevanger@bytebrug.nl: the alias file says 2250114, "
                            + "`bpv alias add` set 2250387 on 2026-11-01; the alias file wins"]
        summary.unresolved = unresolved
        summary.findings = findings
        summary.erkenningCheck = accreditation
        return summary
    }()

    /// The run record's files for ``summary``, in the order ``NightlyRun/runRecord(of:run:)`` writes them.
    static let artifacts: [any Artifact] = {
        let files: [any Artifact] = [RejectsCSV(rejects: rejects), UnresolvedCSV(unresolved: unresolved),
                                     FindingsCSV(findings: findings), ErkenningCSV(report: accreditation)]
        var json = RunJSON(run: run, configurationPath: "samples/bpv.yaml", database: "out/bpv.sqlite",
                           summary: summary, filesWritten: [])
        json.filesWritten = (files + [json]).map(WrittenFile.init)
        return files + [json]
    }()

    static func artifact<T: Artifact>(_ type: T.Type) -> T { artifacts.lazy.compactMap { $0 as? T }.first! }
}
