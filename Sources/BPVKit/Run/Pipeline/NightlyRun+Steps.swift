import BPVIngest
import BPVModel
import BPVStore
import Foundation

/// The nightly run's steps, in order. Each is named (log lines, step timings in `run.json`, fault points
/// `step.<name>`); a later stage joins by adding its step here, in its place in the pipeline (results and exports
/// after `reconcile`, the report after `record`, whose machine files it copies).
extension NightlyRun {
    public static let steps: [NightlyStep] = [
        NightlyStep("aliases", purpose: "save the employers and load the alias file") { run, context in
            try run.loadAliases(into: &context)
        },
        NightlyStep("hours", purpose: "import every employer's new hour exports, one transaction per file") { run, context in
            try run.importHours(into: &context)
        },
        NightlyStep("lists", purpose: "import students, POKs, crebo lists, kwalificatiedossiers and SBB lists; "
                    + "check every POK's erkenning") { run, context in
            try run.importReferenceData(into: &context.summary, now: context.clock, today: context.today)
        },
        NightlyStep("files", purpose: "move the imported files to the archive, the failed ones to the quarantine") {
            run, context in
            run.moveInputFiles(in: &context)
        },
        NightlyStep("reconcile", purpose: "reconcile every hour against the POKs and keep the result") { run, context in
            try run.reconcile(into: &context)
        },
        NightlyStep("results", purpose: "judge every POK's final result, cross-check DUO, write the configured exports") {
            run, context in
            try run.judgeResultsAndExport(into: &context)
        },
        NightlyStep("record", purpose: "write the run record (run.json last)") { run, context in
            try run.writeRecord(&context)
        },
        NightlyStep("report", purpose: "write the morning report, the POK overviews, the student pages and the "
                    + "feedback per employer") { run, context in
            context.summary.report = try run.writeReport(of: context.summary, at: context.clock)
        },
    ]

    func loadAliases(into context: inout NightlyContext) throws {
        for employer in configuration.employers {
            try store.saveEmployer(id: employer.id, name: employer.name,
                                   leerbedrijfID: employer.leerbedrijfID.flatMap(Identifier.leerbedrijfID))
        }
        guard let aliasPath = configuration.aliases else { return }
        let (aliases, problems) = try AliasFile.read(path: aliasPath, employers: Set(configuration.employers.map(\.id)))
        context.summary.aliasesLoaded = aliases.count
        let saved = try store.saveAliases(aliases, origin: .file)
        context.summary.entriesResolvedByAliases = saved.resolved
        context.summary.problems += problems
        context.summary.problems += saved.conflicts.map(AliasFindings.problem)
        context.summary.findings += saved.moves.map { AliasFindings.finding($0, date: context.today) }
    }

    func importHours(into context: inout NightlyContext) throws {
        let loader = MappingLoader()
        let importer = HourImporter(store: store)
        let progress = ImportProgress()
        for employer in configuration.employers {
            let mapping: HourMapping
            do {
                mapping = try loader.loadHourMapping(path: employer.mapping)
            } catch {
                context.summary.problems.append("employer \(employer.id): mapping \(employer.mapping) cannot be used:\n\(error)")
                continue
            }
            let folder = configuration.folder(of: employer)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                context.summary.problems.append("employer \(employer.id): its folder \(folder) does not exist: "
                                                + "create it, or correct 'folder:' in \(configuration.path)")
                continue
            }
            let listing = try inboxFiles(in: folder, now: context.clock)
            context.summary.waiting += listing.waiting
            context.summary.files += listing.refused.map { refusal in
                FileImportResult(refused: refusal, employerID: employer.id, mappingName: mapping.name)
            }
            for file in listing.files {
                try FaultPoints.reach("hours.file")
                progress.start(file)
                let result = try importer.importFile(path: file, mapping: mapping, employerID: employer.id)
                progress.finish()
                try FaultPoints.reach("hours.committed")
                RunLog.logger.info("file \(RunJSON.describe(result.outcome).0)", metadata: [
                    "step": "hours", "file": "\(file)", "employer": "\(employer.id)",
                    "stored": "\(result.counts.entriesStored)", "rejects": "\(result.counts.rejects)"])
                context.summary.files.append(result)
            }
        }
    }

    /// The `files` step: every input file of the run to the archive or the quarantine (``FileLifecycle``), unless
    /// files stay in place (`files.after_import: keep`), this is a dry run, or the run was not asked to move files
    /// (``NightlyRun/moveFiles``). A file that cannot be moved stays in the inbox and the run ends with exit 1 (the
    /// next run recognises it and moves it).
    func moveInputFiles(in context: inout NightlyContext) {
        guard moveFiles, !context.dryRun, configuration.nightly.afterImport == .archive else { return }
        let lifecycle = FileLifecycle(inbox: configuration.inbox, archive: configuration.archiveFolder,
                                      quarantine: configuration.quarantineFolder,
                                      day: FileLifecycle.dayStamp(context.clock))
        for (path, failures) in lifecycle.plan(context.summary.files) {
            do {
                if let move = try lifecycle.move(path, failures: failures) {
                    context.summary.moves.append(move)
                    RunLog.logger.info(move.quarantined ? "file quarantined" : "file archived",
                                       metadata: ["step": "files", "file": "\(move.from)", "to": "\(move.to)"])
                }
            } catch {
                context.summary.errors.append("\(error)")
                RunLog.logger.error("file not moved: \(error)", metadata: ["step": "files"])
            }
        }
    }

    func reconcile(into context: inout NightlyContext) throws {
        let poks = try store.currentPOKs(crebo: nil, leerbedrijfID: nil)
        guard !poks.isEmpty else { return }
        let (result, changes) = try Reconciler(store: store, configuration: configuration).runAndKeep(on: context.today)
        context.summary.reconciliation = result
        context.summary.reconciliationChanges = changes
        context.summary.findings += result.findings + changes.findings
    }

    func writeRecord(_ context: inout NightlyContext) throws {
        context.summary.unresolved = try store.unresolvedIdentities().map {
            UnresolvedIdentity(employer: $0.employerID, identity: $0.identity, entries: $0.entries)
        }
        let summary = context.summary
        let files = try RunRecordWriter.write(into: context.runFolder, try runRecord(of: summary, run: context.runName))
        context.summary.filesWritten = files
    }
}

extension FileLifecycle {
    /// The run's day as the archive's folder names it: `yyyy-MM-dd`, local time.
    public static func dayStamp(_ clock: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: clock)
    }
}
