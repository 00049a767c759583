/// The exit codes of `bpv`, in one place, so cron wrappers and admins can rely on them. Distinct per outcome: a
/// wrapper or a monitoring check can tell "look at the rejects in the morning" from "the run did not happen".
/// 75 and 78 are `sysexits.h`'s `EX_TEMPFAIL` and `EX_CONFIG`.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything was read and stored.
    case success = 0
    /// The run failed: the store, the disk or an internal error stopped it (what was committed stays committed;
    /// the files not yet archived stay in the inbox for the next run).
    case error = 1
    /// The run completed, but some records were rejected (they are stored and listed), a problem was listed, or
    /// findings reached the configured threshold (`thresholds.findings`).
    case completedWithRejects = 3
    /// At least one file failed as a whole (nothing of that file was stored); the other files went on.
    case fileFailed = 4
    /// Another run holds the lock: this one did nothing.
    case alreadyRunning = 75
    /// `bpv.yaml` cannot be used (syntax, unknown key, wrong type, a password in it, a missing path): nothing was done.
    case configurationError = 78

    /// The exit status for a set of file results: a failed file outweighs rejects.
    public static func of(_ results: [FileImportResult]) -> ExitStatus {
        if results.contains(where: { if case .failed = $0.outcome { return true }; return false }) { return .fileFailed }
        if results.contains(where: { $0.counts.rejects > 0 }) { return .completedWithRejects }
        return .success
    }
}
