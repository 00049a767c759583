/// One file's import: what was read, what became of it, and when. Every stored entry and reject points to its batch.
public struct ImportBatch: Hashable, Sendable {
    public enum Status: String, Sendable, Codable {
        /// Every record became an entry.
        case imported
        /// Some records were rejected; the rest is stored.
        case importedWithRejects = "imported_with_rejects"
        /// The file failed as a whole; nothing of it is stored.
        case failed
    }

    public var id: Int64
    /// `employer/mapping-name`: a corrected re-export of the same source supersedes earlier entries of its period.
    public var sourceKey: String
    public var employerID: String?
    public var mappingName: String
    public var mappingRevision: Int
    public var filePath: String
    public var fileSize: Int
    /// The SHA-256 of the file's bytes (hex); with the size it recognises a file imported before.
    public var contentFingerprint: String
    public var encoding: String?
    public var startedAt: String
    public var status: Status
    public var message: String?
    public var periodStart: CalendarDate?
    public var periodEnd: CalendarDate?
    public var counts: ImportCounts
    /// How many times the same bytes were tried (a failed file that stays in the inbox is tried every night).
    public var attempts: Int

    public init(id: Int64, sourceKey: String, employerID: String?, mappingName: String, mappingRevision: Int,
                filePath: String, fileSize: Int, contentFingerprint: String, encoding: String?, startedAt: String,
                status: Status, message: String?, periodStart: CalendarDate?, periodEnd: CalendarDate?,
                counts: ImportCounts, attempts: Int = 1) {
        self.attempts = attempts
        self.id = id
        self.sourceKey = sourceKey
        self.employerID = employerID
        self.mappingName = mappingName
        self.mappingRevision = mappingRevision
        self.filePath = filePath
        self.fileSize = fileSize
        self.contentFingerprint = contentFingerprint
        self.encoding = encoding
        self.startedAt = startedAt
        self.status = status
        self.message = message
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.counts = counts
    }
}

/// The numbers of an import, as the run summary shows them.
public struct ImportCounts: Hashable, Sendable, Codable {
    /// Records read (after the header; blank records not included).
    public var recordsRead = 0
    public var entriesStored = 0
    public var rejects = 0
    /// Records made only of empty fields, skipped.
    public var blankRecords = 0
    /// Earlier entries of the same source that this import superseded: by period, or replaced by external id.
    public var superseded = 0
    /// Earlier entries that a `void` entry of this import removed (SETU `@actionCode="Void"`).
    public var voided = 0
    /// Stored entries whose employee could not be linked to a student.
    public var unresolved = 0

    public init() {}
}

/// The link from an employer's employee identity to a studentnummer.
public struct EmployeeAlias: Hashable, Sendable {
    public var employerID: String
    /// Personeelsnummer, e-mail or name as the employer's exports write it (matched ignoring case).
    public var identity: String
    public var studentNumber: String

    public init(employerID: String, identity: String, studentNumber: String) {
        self.employerID = employerID
        self.identity = identity
        self.studentNumber = studentNumber
    }
}
