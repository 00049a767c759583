import BPVKit
import Foundation
import Testing

/// The nightly run killed with SIGKILL anywhere (issue 13, "Faults"): at named points spread over parsing,
/// storing, moving files, reconciling and writing the record, and at timed moments; the next run finishes the
/// work, and the end is the same as a clean run's: the same store contents, every input file in exactly one of
/// inbox, archive and quarantine, nothing half-written.
@Suite(.serialized) struct FaultInjectionTests {
    /// A clean night: its store, where its files went, and the points it passed (name and how often).
    static let clean: (store: [String: String], inbox: [String], archive: [String], quarantine: [String],
                       points: [(String, Int)]) = {
        let school = try! NightlySchool()
        let trace = school.root.appendingPathComponent("trace.txt").path
        let outcome = try! school.run(environment: ["BPV_FAULT_TRACE": trace])
        precondition(outcome.status == 4, "the clean night quarantines the empty file: \(outcome.output)")
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in try! String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init) {
            if counts[line] == nil { order.append(line) }
            counts[line, default: 0] += 1
        }
        return (try! school.storeContents(), school.files(under: "inbox"), school.files(under: "archive"),
                school.files(under: "quarantine"), order.map { ($0, counts[$0]!) })
    }()

    /// The kill points: every point once, at its first, middle and last pass when it is passed several times.
    static var killPoints: [String] {
        clean.points.flatMap { name, count in
            Array(Set([1, (count + 1) / 2, count])).sorted().map { $0 == 1 ? name : "\(name)@\($0)" }
        }
    }

    @Test func theCleanNightPassesAtLeastTwentyKillPointsOverEveryStage() {
        #expect(Self.killPoints.count >= 20, "\(Self.killPoints)")
        let names = Set(Self.clean.points.map(\.0))
        for point in ["hours.file", "hours.committed", "lists.file", "lists.committed", "files.move", "files.moved",
                      "erkenning.saved", "step.reconcile", "step.results", "step.record", "step.report", "report.written", "record.artifact", "metrics.write"] {
            #expect(names.contains(point), "\(point) is passed")
        }
        #expect(Self.clean.inbox.isEmpty)
        #expect(Self.clean.quarantine == ["hours/bytebrug-ict/leeg-export.csv"])
    }

    @Test(arguments: killPoints)
    func aNightKilledAtAPointIsFinishedByTheNext(point: String) throws {
        let school = try NightlySchool()
        let killed = try school.run(environment: ["BPV_FAULT": point])
        #expect(killed.crashed, "killed at \(point): \(killed.output)")
        let next = try school.run()
        // 4 when the empty file was still in the inbox (read and quarantined again), 0 when it was in the quarantine
        #expect([0, 4].contains(next.status), "\(point): \(next.output)")
        try Self.expectSameAsClean(school, after: point)
    }

    @Test(arguments: [0.15, 0.35, 0.55, 0.75, 0.9])
    func aNightKilledAtATimeIsFinishedByTheNext(fraction: Double) throws {
        let school = try NightlySchool()
        // How long a night takes here, then a kill at that fraction of it.
        let probe = try NightlySchool()
        let started = Date()
        _ = try probe.run()
        let duration = Date().timeIntervalSince(started)
        let process = Process()
        process.executableURL = BPVProcess.executable
        process.arguments = ["run", "--config", school.school.config]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(duration * fraction * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let next = try school.run()
        #expect([0, 4].contains(next.status), "\(next.output)")
        try Self.expectSameAsClean(school, after: "\(fraction) of a night")
    }

    static func expectSameAsClean(_ school: NightlySchool, after what: String) throws {
        let store = try school.storeContents()
        for (table, contents) in clean.store {
            #expect(store[table] == contents, "\(what): table \(table) differs from a clean night's")
        }
        // Every input file in exactly one place, and the same place as after a clean night.
        let inbox = school.files(under: "inbox"), archive = school.files(under: "archive")
        let quarantine = school.files(under: "quarantine")
        #expect(inbox == clean.inbox, "\(what)")
        #expect(archive == clean.archive, "\(what)")
        #expect(quarantine == clean.quarantine, "\(what)")
        #expect(Set(archive).isDisjoint(with: quarantine) && archive.count == Set(archive).count, "\(what)")
        let halfWritten = try school.halfWritten()
        #expect(halfWritten.isEmpty, "\(what): \(halfWritten)")
    }
}
