import Foundation

/// The last runs in a few numbers each, for the index page of runs and the rejects-per-employer chart. Each run
/// keeps its own as `report-summary.json` beside its report (``Run/of(_:)``); the history is read from the run
/// folders, so a deleted run folder leaves the history too.
public struct RunHistory: Sendable, Equatable {
    /// One run's numbers.
    public struct Run: Codable, Sendable, Equatable {
        public var run: String
        public var referenceDate: String
        public var exitStatus: Int32
        public var files: Int
        public var rejects: Int
        public var findingErrors: Int
        public var findingWarnings: Int
        public var poksNeedingAction: Int
        public var rejectsPerEmployer: [String: Int]

        /// The numbers of `data`'s run.
        public static func of(_ data: ReportData) -> Run {
            var perEmployer: [String: Int] = [:]
            for file in data.files where file.rejected > 0 {
                perEmployer[file.employer ?? "-", default: 0] += file.rejected
            }
            return Run(run: data.run, referenceDate: data.referenceDate.iso, exitStatus: data.exitStatus,
                       files: data.files.count, rejects: data.files.reduce(0) { $0 + $1.rejected },
                       findingErrors: data.findings.filter { $0.severity == .error }.count,
                       findingWarnings: data.findings.filter { $0.severity == .warning }.count,
                       poksNeedingAction: MorningPage.needingAction(data).count, rejectsPerEmployer: perEmployer)
        }

        public func encoded() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return try encoder.encode(self)
        }
    }

    /// The runs, oldest first.
    public var runs: [Run]

    public init(runs: [Run]) { self.runs = runs }

    /// The file each run folder keeps its numbers in.
    public static let fileName = "report-summary.json"

    /// The history of the run folders under `runsFolder` (those with a `report-summary.json`), oldest first, at
    /// most `limit`.
    public static func read(runsFolder: String, limit: Int = 30) -> RunHistory {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runsFolder)) ?? []).sorted()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var runs: [Run] = []
        for name in names.suffix(limit * 2) {
            let path = (runsFolder as NSString).appendingPathComponent(name + "/" + fileName)
            guard let data = FileManager.default.contents(atPath: path),
                  let run = try? decoder.decode(Run.self, from: data) else { continue }
            runs.append(run)
        }
        return RunHistory(runs: Array(runs.suffix(limit)))
    }
}
