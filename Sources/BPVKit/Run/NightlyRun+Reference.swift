import BPVIngest
import BPVModel
import BPVStore
import Foundation

/// The reference part of the nightly run: POK lists first (the SBB list changes are judged against them), then
/// crebo lists (and the crebos of kwalificatiedossiers), then the dossiers' werkprocessen, then SBB lists, each
/// feed's files in name order; then the accreditation check of every current POK.
extension NightlyRun {
    func importReferenceData(into summary: inout Summary, today: CalendarDate) throws {
        var feeds = configuration.reference.lists
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
        let order: [RecordKind] = [.poks, .crebos, .werkprocessen, .erkenningen]
        for kind in order {
            for (feed, mapping) in loaded where mapping.kind == kind {
                let listing = feed.isFolder ? try inboxFiles(in: feed.path)
                    : InboxFiles(files: try configuration.reference.files(of: feed))
                summary.files += listing.refused.map { refusal in
                    FileImportResult(refused: refusal, employerID: nil, mappingName: mapping.name)
                }
                for file in listing.files {
                    switch kind {
                    case .poks:
                        summary.files.append(try POKListImporter(store: store).importFile(path: file, mapping: mapping))
                    case .crebos:
                        summary.files.append(try CreboListImporter(store: store)
                            .importFile(path: file, mapping: mapping, edition: feed.edition))
                    case .werkprocessen:
                        summary.files.append(try WerkprocesListImporter(store: store).importFile(path: file, mapping: mapping))
                    case .erkenningen:
                        let result = try ErkenningListImporter(store: store, settings: configuration.reference, today: today)
                            .importFile(path: file, mapping: mapping)
                        summary.files.append(result.file)
                        summary.findings += result.findings
                    }
                }
            }
        }
        summary.accreditation = try ErkenningCheck(store: store).run(.init(
            crebo: nil, leerbedrijf: nil, referenceDate: today, policy: configuration.reference.policy))
    }
}
