import BPVIngest
import BPVModel
import BPVStore
import Foundation

/// The list part of the nightly run, in the kinds' order (``RecordKinds/all``): students and POKs first (the SBB
/// list changes are judged against the POKs), then crebo lists (and the crebos of kwalificatiedossiers), then the
/// dossiers' werkprocessen, then SBB lists, each feed's files in name order; then the accreditation check of
/// every current POK.
extension NightlyRun {
    func importReferenceData(into summary: inout Summary, now: Date, today: CalendarDate) throws {
        var feeds = configuration.lists + configuration.reference.lists
        if let poks = configuration.poks { feeds.insert(poks, at: 0) }
        guard !feeds.isEmpty else { return }
        let loader = MappingLoader()
        var loaded: [(ReferenceSettings.ListFeed, RecordMapping)] = []
        for feed in feeds {
            let (mapping, diagnostics) = loader.checkRecordMapping(path: feed.mapping, kind: nil)
            guard let mapping else {
                let errors = diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
                summary.problems.append("reference list \(feed.path): mapping \(feed.mapping) cannot be used:\n\(errors)")
                continue
            }
            loaded.append((feed, mapping))
        }
        for kind in RecordKind.allCases {  // the nightly order: students and POKs first, SBB's lists last
            for (feed, mapping) in loaded where mapping.kind == kind {
                let listing = feed.isFolder ? try inboxFiles(in: feed.path, now: now)
                    : InboxFiles(files: try configuration.reference.files(of: feed))
                for file in listing.waiting where !summary.waiting.contains(file) { summary.waiting.append(file) }
                summary.files += listing.refused.map { refusal in
                    FileImportResult(refused: refusal, employerID: nil, mappingName: mapping.name)
                }
                for file in listing.files {
                    try FaultPoints.reach("lists.file")
                    let outcome = try ListImports.importFile(path: file, mapping: mapping, store: store,
                                                             edition: feed.edition, settings: configuration.reference,
                                                             today: today)
                    try FaultPoints.reach("lists.committed")
                    RunLog.logger.info("file \(RunJSON.describe(outcome.file.outcome).0)", metadata: [
                        "step": "lists", "file": "\(file)", "mapping": "\(mapping.name)",
                        "stored": "\(outcome.file.counts.entriesStored)", "rejects": "\(outcome.file.counts.rejects)"])
                    summary.files.append(outcome.file)
                    summary.findings += outcome.findings
                }
            }
        }
        summary.erkenningCheck = try ErkenningCheck(store: store).run(.init(
            crebo: nil, leerbedrijf: nil, referenceDate: today, policy: configuration.reference.policy))
    }
}
