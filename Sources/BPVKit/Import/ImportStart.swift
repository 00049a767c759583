import BPVIngest
import BPVModel
import BPVStore

/// The start every import shares, hours and lists alike: the file's content identity (SHA-256 and size), and
/// whether the same bytes from the same source were imported before.
///
/// Hours: a source is the employer (its feed), whatever mapping reads it. The same bytes read before with the same
/// mapping and revision change nothing; read before with another mapping (or revision) they are imported again
/// and the new batch replaces the old one (its entries superseded), so a mapping switch never doubles the hours.
enum ImportStart {
    enum Decision {
        /// The file cannot be read (not a regular file, unreadable): nothing to record.
        case unreadable(FileLevelError)
        /// The same bytes from this source, read the same way: nothing changes.
        case alreadyImported(ImportBatch)
        /// To import; `replacing` is an earlier batch of the same bytes read with another mapping.
        case importFile(FileContent, replacing: ImportBatch?)
    }

    /// Decides for `path`. `replaceOnMappingChange`: whether the same bytes read with another mapping or revision
    /// are imported again (hours), or recognised as imported (lists, which replace their state whole anyway).
    static func decide(store: any Store, path: String, sourceKey: String, mappingName: String,
                       mappingRevision: Int, replaceOnMappingChange: Bool) throws -> Decision {
        let content: FileContent
        do {
            content = try FileContent.of(path: path)
        } catch {
            return .unreadable(error)
        }
        guard let earlier = try store.findImport(sourceKey: sourceKey, contentFingerprint: content.sha256,
                                                 fileSize: content.size, legacyFingerprint: content.legacyXXH64)
        else { return .importFile(content, replacing: nil) }
        if replaceOnMappingChange && (earlier.mappingName != mappingName || earlier.mappingRevision != mappingRevision) {
            return .importFile(content, replacing: earlier)
        }
        return .alreadyImported(earlier)
    }
}

extension FileImportResult {
    /// Whether this import stored the file (with or without rejects).
    var isStored: Bool { outcome == .imported || outcome == .importedWithRejects }

    /// The result of a file whose bytes were imported before from the same source.
    mutating func recognise(_ earlier: ImportBatch) {
        outcome = .alreadyImported(batchID: earlier.id)
        batchID = earlier.id
        notes.append("already imported as batch \(earlier.id) on \(earlier.startedAt): nothing changed")
    }
}
