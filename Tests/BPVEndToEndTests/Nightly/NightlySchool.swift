import Foundation
import GRDB

/// A copy of the sample school set up as a school runs it at night: files move to the archive and quarantine,
/// metrics are written; with an empty file in one employer's folder (it ends in the quarantine).
struct NightlySchool {
    let school: SampleSchoolCopy
    var root: URL { school.root }
    var samples: URL { root.appendingPathComponent("samples") }
    var database: String { school.out.appendingPathComponent("bpv.sqlite").path }
    var metrics: String { school.out.appendingPathComponent("bpv.prom").path }

    init(emptyFile: Bool = true) throws {
        school = try SampleSchoolCopy()
        try school.editConfig { $0.replacingOccurrences(of: "after_import: keep", with: "after_import: archive")
            .replacingOccurrences(of: "settle_minutes: 0\n", with: "settle_minutes: 0\nmetrics: ../out/bpv.prom\n") }
        if emptyFile {
            FileManager.default.createFile(atPath: school.inbox("hours/bytebrug-ict/leeg-export.csv"), contents: Data())
        }
    }

    /// `bpv run` with an environment (fault injection).
    func run(_ extra: [String] = [], environment: [String: String] = [:]) throws -> BPVProcess.Outcome {
        try BPVProcess.run(["run", "--config", school.config] + extra, in: root, environment: environment, timeout: 120)
    }

    /// The data files (not `.error.txt`) under a top folder of the school's samples, by name relative to their feed.
    func files(under top: String) -> [String] {
        let base = samples.appendingPathComponent(top)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.hasSuffix(".error.txt")
        }.map { path in
            // archive/<date>/<feed>/<name> and quarantine/<date>/<feed>/<name>: drop the date
            top == "inbox" ? path : path.split(separator: "/").dropFirst().joined(separator: "/")
        }.sorted()
    }

    /// The store's contents, table by table, as text: the dossier tables whole (without the columns that hold a
    /// time of day or an attempt count, and with the school's folder taken out of paths), and the last
    /// reconciliation's verdicts and POK statuses (each run keeps its own reconciliation; the last one counts).
    func storeContents(at path: String? = nil) throws -> [String: String] {
        try NightlySchool.contents(of: path ?? database, root: root)
    }

    static func contents(of database: String, root: URL) throws -> [String: String] {
        func sqlite(_ query: String) throws -> String { try NightlySchool.query(database, query) }
        let skipped: Set<String> = ["started_at", "finished_at", "updated_at", "created_at", "run_at", "purged_at", "attempts"]
        var contents: [String: String] = [:]
        let tables = try sqlite("select name from sqlite_master where type='table' and name not like 'sqlite_%' "
                                + "and name not in ('grdb_migrations', 'reconcile_run', 'reconcile_verdict', 'reconcile_pok') order by name")
        for table in tables.split(separator: "\n").map(String.init) {
            let columns = try sqlite("select name from pragma_table_info('\(table)')").split(separator: "\n")
                .map(String.init).filter { !skipped.contains($0) }
            let list = columns.joined(separator: ", ")
            contents[table] = try sqlite("select \(list) from \(table) order by \(list)")
                .replacingOccurrences(of: root.path, with: "<school>")
                .replacingOccurrences(of: root.path.replacingOccurrences(of: "/", with: "\\/"), with: "<school>")
        }
        let last = "(select max(id) from reconcile_run)"
        // Every kept verdict is the latest run's, whichever run last wrote its row (a run writes only what changed).
        contents["last reconcile_verdict"] = try sqlite(
            "select entry_id, pok_key, verdict, counted_minutes from reconcile_verdict order by 1, 2")
        contents["last reconcile_pok"] = try sqlite(
            "select pok_key, status, counted_minutes from reconcile_pok where run_id = \(last) order by 1")
        return contents
    }

    /// The rows of `query` on the store, read-only, one line each, values joined by `|` (as the sqlite3 shell).
    static func query(_ database: String, _ query: String) throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: database, configuration: configuration)
        return try queue.read { db in
            try Row.fetchAll(db, sql: query).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: return ""
                    case .int64(let number): return "\(number)"
                    case .double(let number): return "\(number)"
                    case .string(let text): return text
                    case .blob(let data): return String(data: data, encoding: .utf8) ?? data.base64EncodedString()
                    }
                }.joined(separator: "|") + "\n"
            }.joined()
        }
    }

    /// Every visible file under `out/` that is half-written: a temporary file of an atomic write, or a run folder's
    /// file missing although its `run.json` lists it.
    func halfWritten() throws -> [String] {
        var found: [String] = []
        let out = school.out.path
        for path in FileManager.default.enumerator(atPath: out)?.compactMap({ $0 as? String }) ?? [] {
            let name = (path as NSString).lastPathComponent
            if name.hasSuffix(".tmp") && !name.hasPrefix(".") { found.append(path) }
            // A report folder is renamed into place whole: an unfinished one is hidden (`.<run>.partial`).
            if path.hasPrefix("reports/") && path.split(separator: "/").count == 2 && !name.hasPrefix(".")
                && name != "index.html" && !FileManager.default.fileExists(atPath: "\(out)/\(path)/index.html") {
                found.append(path)
            }
            // Every file a run record's run.json lists is there (a report's copy of run.json lists the record's files).
            if name == "run.json" && !path.hasPrefix("reports/") {
                let folder = (out as NSString).appendingPathComponent((path as NSString).deletingLastPathComponent)
                let data = try Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent(path)))
                let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
                for entry in json["files_written"] as? [[String: Any]] ?? [] {
                    let file = (folder as NSString).appendingPathComponent(entry["file_name"] as? String ?? "?")
                    if !FileManager.default.fileExists(atPath: file) { found.append(file) }
                }
            }
        }
        return found
    }
}
