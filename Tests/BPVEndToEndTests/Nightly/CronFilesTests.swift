import Foundation
import Testing

/// The files in `cron/`: the wrapper as cron runs it (quiet on success, the output and a reason on failure, the
/// exit code passed through, its log rotated), and the systemd units as `systemd-analyze verify` sees them.
@Suite(.serialized) struct CronFilesTests {
    static func wrapper(_ school: SampleSchoolCopy, logs: URL, _ extra: [String] = []) throws -> BPVProcess.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [BPVProcess.repo("cron/bpv-nightly.sh")] + extra
        process.environment = ["PATH": "/usr/bin:/bin", "BPV_ENV_FILE": "/nonexistent", "BPV_BIN": BPVProcess.executable.path,
                               "BPV_CONFIG": school.config, "BPV_LOG_DIR": logs.path, "BPV_LOG_KEEP": "2"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BPVProcess.Outcome(status: process.terminationStatus, crashed: false,
                                  stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test func theWrapperIsQuietOnSuccessAndPassesEveryExitCodeThrough() throws {
        let school = try SampleSchoolCopy()
        let logs = BPVProcess.temporaryFolder().appendingPathComponent("log")
        let ok = try Self.wrapper(school, logs: logs)
        #expect(ok.status == 0, "\(ok.output)")
        #expect(ok.output.isEmpty, "cron mails nothing: \(ok.output)")
        let log = try String(contentsOfFile: logs.appendingPathComponent("bpv-nightly.log").path, encoding: .utf8)
        #expect(log.contains("Result: completed (exit 0)") && log.hasSuffix("== exit 0 ==\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: logs.appendingPathComponent("bpv-nightly.log").path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "umask 027")

        try school.editConfig { $0.replacingOccurrences(of: "employers:", with: "employes:") }
        let broken = try Self.wrapper(school, logs: logs)
        #expect(broken.status == 78)
        #expect(broken.output.hasPrefix("bpv nightly run ended with exit 78"))
        #expect(broken.output.contains("not run: bpv.yaml must be fixed"))
        #expect(broken.output.contains("unknown key 'employes'"))
        _ = try Self.wrapper(school, logs: logs)
        _ = try Self.wrapper(school, logs: logs)
        let kept = try FileManager.default.contentsOfDirectory(atPath: logs.path).sorted()
        #expect(kept == ["bpv-nightly.log", "bpv-nightly.log.1", "bpv-nightly.log.2"], "rotated, the oldest gone")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func theSystemdUnitsVerify() throws {
        let folder = BPVProcess.temporaryFolder()
        // The unit names the installed wrapper; verify it with the repository's (verify checks that it exists).
        let service = try String(contentsOfFile: BPVProcess.repo("cron/bpv-nightly.service"), encoding: .utf8)
            .replacingOccurrences(of: "ExecStart=/usr/local/lib/bpv/bpv-nightly.sh",
                                  with: "ExecStart=\(BPVProcess.repo("cron/bpv-nightly.sh"))")
        #expect(service.contains("ProtectSystem=strict") && service.contains("NoNewPrivileges=yes")
                && service.contains("ReadWritePaths="))
        try service.write(to: folder.appendingPathComponent("bpv-nightly.service"), atomically: true, encoding: .utf8)
        let timer = try String(contentsOfFile: BPVProcess.repo("cron/bpv-nightly.timer"), encoding: .utf8)
        #expect(timer.contains("Persistent=true"))
        try timer.write(to: folder.appendingPathComponent("bpv-nightly.timer"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify", "./bpv-nightly.timer", "./bpv-nightly.service"]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.isEmpty, "no warnings: \(text)")
    }

    @Test func theCrontabLineRunsTheWrapperNightlyWithMailto() throws {
        let text = try String(contentsOfFile: BPVProcess.repo("cron/crontab"), encoding: .utf8)
        #expect(text.contains("\nMAILTO="))
        let jobs = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.split(separator: " ").count >= 7 }
        #expect(jobs == ["30 2 * * * bpv /usr/local/lib/bpv/bpv-nightly.sh"])
    }
}
