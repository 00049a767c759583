import BPVKit
import BPVModel
import BPVReport
import BPVStore
import Foundation
import Testing

/// The nightly run writes its report beside the run record, keeps what renders it again, and `bpv report` renders
/// the same pages from it.
@Suite struct NightlyReportTests {
    @Test func theNightlyRunWritesTheReportAndItRendersAgainTheSame() throws {
        let (configuration, folder) = try SampleSchoolTests.configuration()
        let store = try SQLiteStore(path: configuration.database)
        let oldMask = umask(0o002)
        defer { umask(oldMask) }
        let summary = try NightlyRun(configuration: configuration, store: store).run()
        let run = (summary.runFolder as NSString).lastPathComponent
        let reports = configuration.output + "/reports"
        #expect(summary.report == "\(reports)/\(run)/index.html")
        let manager = FileManager.default
        // The pages, the machine files beside them, the data that renders it again; the index of the runs.
        for name in ["index.html", "poks.csv", "rejects.csv", "findings.csv", "run.json", "report-data.json",
                     "report-summary.json", "overzicht/25604.html", "studenten/2250114.html"] {
            #expect(manager.fileExists(atPath: "\(reports)/\(run)/\(name)"), "\(name)")
        }
        #expect(manager.fileExists(atPath: "\(reports)/index.html"))
        // Owner and group only, whatever the umask: files 0640, folders 0750.
        let walker = manager.enumerator(atPath: reports)!
        var checked = 0
        while let relative = walker.nextObject() as? String {
            var info = stat()
            #expect(stat("\(reports)/\(relative)", &info) == 0)
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            #expect(info.st_mode & 0o7777 == (isFolder ? 0o750 : 0o640), "\(relative)")
            checked += 1
        }
        #expect(checked > 10)
        // Every student with a POK has a page; the sample's unknown employee gets her employer's feedback.
        let data = try ReportData.decode(try Data(contentsOf: URL(fileURLWithPath: "\(reports)/\(run)/report-data.json")))
        for pok in data.poks { #expect(manager.fileExists(atPath: "\(reports)/\(run)/studenten/\(pok.student).html")) }
        #expect(manager.fileExists(atPath: "\(reports)/\(run)/terugkoppeling/bytebrug-ict.csv"))
        // bpv report --run: the same pages, rendered from what the run kept.
        let out = folder.appendingPathComponent("again").path
        let (name, index) = try ReportRerender.render(configuration: configuration, run: run, out: out)
        #expect(name == run)
        #expect(manager.contents(atPath: index) == manager.contents(atPath: summary.report))
        #expect(manager.contents(atPath: out + "/studenten/2250114.html")
                == manager.contents(atPath: "\(reports)/\(run)/studenten/2250114.html"))
        #expect(manager.contents(atPath: out + "/rejects.csv") == manager.contents(atPath: summary.runFolder + "/rejects.csv"))
        // Without --run: the newest.
        #expect(try ReportRerender.render(configuration: configuration, run: nil, out: out).run == run)
        #expect(throws: ReportError.self) {
            try ReportRerender.render(configuration: configuration, run: "2020-01-01T000000", out: out)
        }
    }
}
