import BPVModel
import Foundation

/// One named step of the nightly run: its name is used in the log, the run record's step timings, the fault
/// injection points (`step.<name>`) and the dry run's report. A later stage (results, exports, report) joins the
/// run by adding its step to ``NightlyRun/steps`` in its place; it reads and writes the ``NightlyContext``.
public struct NightlyStep: Sendable {
    public let name: String
    /// What it does, for `bpv config check`'s plan.
    public let purpose: String
    let body: @Sendable (NightlyRun, inout NightlyContext) throws -> Void

    public init(_ name: String, purpose: String, body: @escaping @Sendable (NightlyRun, inout NightlyContext) throws -> Void) {
        self.name = name
        self.purpose = purpose
        self.body = body
    }
}

/// What the steps of one run share.
public struct NightlyContext: Sendable {
    /// What the run did so far; the record step writes it.
    public var summary = NightlyRun.Summary()
    /// The run's clock (its folder's name, its day).
    public let clock: Date
    public var today: CalendarDate { calendarDate(clock) }
    /// A dry run: steps write nothing outside ``runFolder`` and move nothing.
    public let dryRun: Bool
    /// The run record's folder (`<output>/runs/<run>/`, or `<output>/dry-runs/<run>/`).
    public let runFolder: URL
    /// The run's name: its folder's name.
    public let runName: String
    /// Where exports go: `<output>/exports/<yyyy-MM-dd>/`, or `<run folder>/exports/` in a dry run.
    public let exportsFolder: URL

    init(clock: Date, dryRun: Bool, runFolder: URL, runName: String, exportsFolder: URL) {
        self.clock = clock
        self.dryRun = dryRun
        self.runFolder = runFolder
        self.runName = runName
        self.exportsFolder = exportsFolder
    }
}
