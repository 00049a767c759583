import Foundation

/// Runs the built `bpv` executable as a user would: a separate process with its own arguments, working folder
/// and environment, its output and exit status captured. A crash (a signal) shows as its own outcome, so a test
/// can tell "refused with an error" from "died".
struct BPVProcess {
    /// What one run printed and how it ended.
    struct Outcome {
        var status: Int32
        /// The process was ended by a signal (a crash: SIGSEGV, SIGILL, SIGABRT...).
        var crashed: Bool
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// The repository's top folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `bpv` built beside this test bundle (`swift build --build-tests` builds it into the same folder).
    static let executable: URL = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundleFolder, bundleFolder.deletingLastPathComponent(),
                       bundleFolder.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("bpv")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/bpv")
    }()

    /// A file of the repository (samples, mappings).
    static func repo(_ path: String) -> String { repository.appendingPathComponent(path).path }

    /// Runs `bpv arguments` in `folder` (default: a fresh temporary folder) with `environment` added, and waits
    /// at most `timeout` seconds (then it is killed and the outcome says so through `crashed`).
    /// `umask`: run under this umask (through `/bin/sh`), to check the modes of the files bpv creates.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                    umask: String? = nil, timeout: TimeInterval = 60) throws -> Outcome {
        let process = Process()
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder ?? temporaryFolder()
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "BPV_CONFIG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, not pipes: nothing can block the process however much it prints.
        let capture = temporaryFolder()
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close(); try? FileManager.default.removeItem(at: capture) }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let stdout = (try? Data(contentsOf: outURL)) ?? Data(), stderr = (try? Data(contentsOf: errURL)) ?? Data()
        return Outcome(status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
                       stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh empty folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bpv-e2e-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A copy of the bundled sample school (`samples/` and `mappings/`) in a fresh folder, to run `bpv` on and change.
struct SampleSchoolCopy {
    let root: URL
    var config: String { root.appendingPathComponent("samples/bpv.yaml").path }
    var inbox: URL { root.appendingPathComponent("samples/inbox") }
    var out: URL { root.appendingPathComponent("out") }

    init() throws {
        root = BPVProcess.temporaryFolder()
        for folder in ["samples", "mappings"] {
            try FileManager.default.copyItem(at: BPVProcess.repository.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
    }

    /// A path under the copy's inbox.
    func inbox(_ path: String) -> String { inbox.appendingPathComponent(path).path }

    /// `bpv run` on the copy.
    func run(_ extra: [String] = [], umask: String? = nil, timeout: TimeInterval = 120) throws -> BPVProcess.Outcome {
        try BPVProcess.run(["run", "--config", config] + extra, in: root, umask: umask, timeout: timeout)
    }

    /// Any other `bpv` command, with `--config` of the copy.
    func bpv(_ arguments: [String], timeout: TimeInterval = 60) throws -> BPVProcess.Outcome {
        try BPVProcess.run(arguments + ["--config", config], in: root, timeout: timeout)
    }

    /// Changes the copy's bpv.yaml.
    func editConfig(_ edit: (String) -> String) throws {
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try edit(text).write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// The run record's file entries of the newest run.
    func lastRunFiles() throws -> [[String: Any]] { try lastRunJSON()["files"] as? [[String: Any]] ?? [] }

    /// The newest run record's `run.json`, parsed.
    func lastRunJSON() throws -> [String: Any] {
        let runs = out.appendingPathComponent("runs")
        let newest = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted().last!
        let data = try Data(contentsOf: runs.appendingPathComponent(newest).appendingPathComponent("run.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
