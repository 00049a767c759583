import BPVIngest
import Foundation

/// `bpv config check`: everything the nightly run will need, checked before a night depends on it (every path,
/// every mapping linted; the rule settings are checked when bpv.yaml is read), and what the run would do: its
/// steps, and per feed the files it would import now and the files it would leave (still being written).
public struct ConfigurationCheck: Sendable {
    /// What stops the nightly run (exit 78).
    public var errors: [String] = []
    /// What the run would do, line by line.
    public var plan: [String] = []

    public init(_ configuration: BPVConfiguration, now: Date = Date()) {
        let manager = FileManager.default
        func isFolder(_ path: String) -> Bool {
            var folder: ObjCBool = false
            return manager.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
        }
        func writableFolder(_ path: String, _ what: String) {
            // The folder, or the nearest existing folder above it (the run makes the rest).
            var folder = URL(fileURLWithPath: path)
            while !manager.fileExists(atPath: folder.path) && folder.path != "/" { folder.deleteLastPathComponent() }
            if !isFolder(folder.path) {
                errors.append("\(what) \(path): \(folder.path) is not a folder")
            } else if !manager.isWritableFile(atPath: folder.path) {
                errors.append("\(what) \(path): \(folder.path) cannot be written by this user")
            }
        }
        let settle = configuration.nightly.settleMinutes * 60
        func listing(_ folder: String) -> String {
            guard let files = try? InboxFiles.list(folder: folder, inbox: configuration.inbox,
                                                    followLinksOutOfInbox: configuration.followLinksOutOfInbox,
                                                    settleSeconds: settle, now: now) else { return "cannot be listed" }
            return "\(files.files.count) file(s) to import" + (files.waiting.isEmpty ? "" : ", \(files.waiting.count) still being written")
                + (files.refused.isEmpty ? "" : ", \(files.refused.count) refused")
        }

        if !isFolder(configuration.inbox) { errors.append("inbox \(configuration.inbox) does not exist (or is not a folder)") }
        writableFolder((configuration.database as NSString).deletingLastPathComponent, "database")
        writableFolder(configuration.output, "output")
        writableFolder((configuration.lockFile as NSString).deletingLastPathComponent, "lock")
        if let metrics = configuration.nightly.metricsFile {
            writableFolder((metrics as NSString).deletingLastPathComponent, "metrics")
        }
        if configuration.nightly.afterImport == .archive {
            writableFolder(configuration.archiveFolder, "archive")
            writableFolder(configuration.quarantineFolder, "quarantine")
            writableFolder(configuration.inbox, "inbox (files are moved out of it)")
        }
        if let aliases = configuration.aliases, !manager.isReadableFile(atPath: aliases) {
            errors.append("aliases \(aliases) cannot be read")
        }

        plan.append("The nightly run (bpv run --config \(configuration.path)) would:")
        for (number, step) in NightlyRun.steps.enumerated() { plan.append("  \(number + 1). \(step.name): \(step.purpose)") }
        plan.append("Hours:")
        let loader = MappingLoader()
        for employer in configuration.employers {
            let folder = configuration.folder(of: employer)
            do {
                let mapping = try loader.loadHourMapping(path: employer.mapping)
                let lint = loader.lint(path: employer.mapping).filter { $0.severity == .error }
                errors += lint.map { "employer \(employer.id): \($0)" }
                if isFolder(folder) {
                    plan.append("  \(employer.id): \(folder): \(listing(folder)) with \(mapping.name)")
                } else {
                    errors.append("employer \(employer.id): its folder \(folder) does not exist")
                }
            } catch {
                errors.append("employer \(employer.id): mapping \(employer.mapping) cannot be used: \(error)")
            }
        }
        var feeds = configuration.lists + configuration.reference.lists
        if let poks = configuration.poks { feeds.insert(poks, at: 0) }
        if !feeds.isEmpty { plan.append("Lists:") }
        for feed in feeds {
            let (mapping, diagnostics) = loader.checkRecordMapping(path: feed.mapping, kind: nil)
            errors += diagnostics.filter { $0.severity == .error }.map { "list \(feed.path): \($0)" }
            guard let mapping else { continue }
            if feed.isFolder {
                if isFolder(feed.path) {
                    plan.append("  \(feed.path): \(listing(feed.path)) with \(mapping.name) (\(mapping.kind.rawValue))")
                } else {
                    errors.append("list folder \(feed.path) does not exist")
                }
            } else if manager.isReadableFile(atPath: feed.path) {
                plan.append("  \(feed.path): 1 file to import with \(mapping.name) (\(mapping.kind.rawValue))")
            } else {
                plan.append("  \(feed.path): not there (nothing to import tonight)")
            }
        }
        switch configuration.nightly.afterImport {
        case .archive:
            plan.append("Files: imported ones to \(configuration.archiveFolder)/<date>/<feed>/, failed ones to "
                        + "\(configuration.quarantineFolder)/<date>/<feed>/ (files changed within "
                        + "\(configuration.nightly.settleMinutes) minute(s) wait for the next run)")
        case .keep:
            plan.append("Files: stay in the inbox (files.after_import: keep); the fingerprint recognises them")
        }
        plan.append("Lock: \(configuration.lockFile)")
        plan.append("Run record: \(configuration.output)/runs/<timestamp>/ (a dry run's: \(configuration.output)/dry-runs/)")
        plan.append("Metrics: " + (configuration.nightly.metricsFile ?? "none (set 'metrics:' for node_exporter)"))
        plan.append("Log: \(configuration.nightly.logFormat.rawValue) lines at \(configuration.nightly.logLevel) and above")
    }
}
