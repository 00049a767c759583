/// The exit codes of `bpv`, in one place, so cron wrappers and admins can rely on them.
public enum ExitStatus: Int32, Sendable {
    /// Everything was read and stored.
    case success = 0
    /// A configuration, store or internal error stopped the run.
    case error = 1
    /// The run completed, but some records were rejected (they are stored and listed).
    case completedWithRejects = 3
    /// At least one file failed as a whole (nothing of that file was stored); the other files went on.
    case fileFailed = 4

    /// The exit status for a set of file results: a failed file outweighs rejects.
    public static func of(_ results: [FileImportResult]) -> ExitStatus {
        if results.contains(where: { if case .failed = $0.outcome { return true }; return false }) { return .fileFailed }
        if results.contains(where: { $0.counts.rejects > 0 }) { return .completedWithRejects }
        return .success
    }
}
