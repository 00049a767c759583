import BPVModel
import BPVReconcile
import BPVResults
import BPVStore
import Crypto
import Foundation

/// Writes one export layout's file and its manifest: the rows (final results, or realised hours of every POK) in
/// the layout's columns through ``CSVTable`` (the one quoting and formula-neutralising rule), only those new or
/// changed since the layout's last export unless `full`; each file written atomically (``OutputFile``); the same
/// dossier and date give the same bytes. A result that changed after it was exported becomes a finding.
public struct ResultExport {
    public let store: any Store
    public let layout: ExportLayout

    public init(store: any Store, layout: ExportLayout) {
        self.store = store
        self.layout = layout
    }

    /// What an export wrote.
    public struct Outcome: Sendable {
        /// The layout's name (`sis-bpv-resultaat`).
        public var layout: String
        /// The export file and its manifest; `nil` when an incremental export had nothing new (no file written).
        public var file: String?
        public var manifest: String?
        public var rows: Int
        public var sha256: String?
        /// Results that changed after they were exported with this layout.
        public var findings: [Finding]
    }

    public struct ExportError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Exports into `folder` (created 0750 when missing). `run` names the run in the manifest.
    public func write(reconciliation: ReconcileResult, results: Results, on date: CalendarDate, into folder: String,
                      full: Bool, run: String, beforeRename: () throws -> Void = {}) throws -> Outcome {
        let byKey = Dictionary(results.results.map { ($0.pokKey, $0) }, uniquingKeysWith: { a, _ in a })
        let previous = try store.exportedRows(layout: layout.name)
        var findings: [Finding] = []
        var rows: [(key: String, cells: [String], outcome: String?, progress: POKProgress, result: POKResult?)] = []
        for progress in reconciliation.progress.sorted(by: { $0.pok.key < $1.pok.key }) {
            let result = byKey[progress.pok.key]
            if let result, let before = previous[progress.pok.key]?.outcome, before != result.outcome.rawValue {
                findings.append(Finding(rule: .resultChangedAfterExport, severity: .error, date: date,
                                        studentNumber: result.studentNumber, leerbedrijfID: result.leerbedrijfID,
                                        crebo: result.crebo, subject: progress.pok.subject,
                                        evidence: "exported as \(before) with \(layout.name), now \(result.outcome.rawValue)",
                                        explanation: "A result already sent to the student administration changed: check "
                                            + "it there (`bpv explain \(result.studentNumber)`)."))
            }
            if layout.rows == .results && !(result?.isFinal ?? false) { continue }
            if layout.rows == .results && result?.outcome == .notDecidable { continue }
            rows.append((progress.pok.key, cells(progress, result), result?.outcome.rawValue, progress, result))
        }
        var state: [String: ExportedRow] = [:]
        var kept: [(cells: [String], progress: POKProgress)] = []
        for row in rows {
            let hash = Self.hash(row.cells)
            if full || previous[row.key]?.hash != hash {
                kept.append((row.cells, row.progress))
                state[row.key] = ExportedRow(hash: hash, outcome: row.outcome, exportedOn: date)
            }
        }
        if !full && kept.isEmpty {  // nothing new: an earlier file of the day stays as it is
            return Outcome(layout: layout.name, file: nil, manifest: nil, rows: 0, sha256: nil, findings: findings)
        }
        let data: Data
        let ext: String
        switch layout.format {
        case .csv:
            var table = CSVTable(header: layout.columns.map(\.header))
            for row in kept { table.append(row.cells) }
            guard let bytes = layout.bytes(table) else {
                throw ExportError(description: "\(layout.name): a value has no place in \(layout.encoding.rawValue); "
                                  + "use utf-8 or utf-8-bom")
            }
            data = bytes
            ext = "csv"
        case .ooapiJSON:
            data = try OOAPIHours.json(kept.map(\.progress))
            ext = "json"
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o750])
        let base = Self.freeBase(in: folder, name: "\(layout.name)-\(date.iso)", ext: ext, replacing: full)
        let file = "\(base).\(ext)", manifestPath = "\(base).manifest.json"
        let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let manifest = Manifest(layout: layout.name, file: (file as NSString).lastPathComponent, rows: kept.count,
                                sha256: sha, run: run, date: date.iso, full: full)
        try OutputFile.save(data, to: file, beforeRename: beforeRename)
        try OutputFile.save(try JSONOutput.encoder().encode(manifest) + Data("\n".utf8), to: manifestPath)
        try store.saveExportedRows(layout: layout.name, state)
        return Outcome(layout: layout.name, file: file, manifest: manifestPath, rows: kept.count, sha256: sha, findings: findings)
    }

    /// The file's path without extension: `<name>`, or for an incremental export when a file of that name is already
    /// there (an earlier export of the same day, perhaps not yet collected), `<name>-2`, `<name>-3`...: an
    /// incremental file holds only its own rows, so replacing an earlier one would lose that one's rows. A full
    /// export holds every row and replaces its namesake.
    static func freeBase(in folder: String, name: String, ext: String, replacing: Bool) -> String {
        let first = (folder as NSString).appendingPathComponent(name)
        guard !replacing else { return first }
        var base = first, n = 1
        while FileManager.default.fileExists(atPath: "\(base).\(ext)") {
            n += 1
            base = "\(first)-\(n)"
        }
        return base
    }

    struct Manifest: Encodable {
        var layout: String
        var file: String
        var rows: Int
        var sha256: String
        var run: String
        var date: String
        var full: Bool
    }

    static func hash(_ cells: [String]) -> String {
        SHA256.hash(data: Data(cells.joined(separator: "\u{1F}").utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The layout's cells for one POK.
    func cells(_ progress: POKProgress, _ result: POKResult?) -> [String] {
        let pok = progress.pok
        if layout.format == .ooapiJSON { return [pok.key, String((pok.minutes ?? 0) / 60), String(progress.countedMinutes / 60)] }
        return layout.columns.map { column in
            switch column.value {
            case "student": pok.studentNumber
            case "roepnaam": progress.student?.roepnaam ?? ""
            case "achternaam": progress.student?.achternaam ?? ""
            case "pok": pok.key
            case "pok_number": pok.pokNumber ?? ""
            case "leerbedrijf": pok.leerbedrijfID
            case "crebo": pok.crebo
            case "programme": result?.programme ?? ""
            case "begin": layout.format(pok.begin)
            case "end": layout.format(pok.end)
            case "last_day": layout.format(pok.lastDay)
            case "result": result?.outcome.rawValue ?? ""
            case "result_code": result.map { layout.resultCodes[$0.outcome] ?? "" } ?? ""
            case "final": result?.isFinal == true ? "ja" : "nee"
            case "reasons": result.map(ResultsOutput.reasonCodes) ?? ""
            case "hours_required": pok.minutes.map { String($0 / 60) } ?? ""
            case "hours_realised": String(progress.countedMinutes / 60)
            case "judged_on": result.map { layout.format($0.judgedOn) } ?? ""
            default: ""
            }
        }
    }
}

/// The realised hours per POK shaped as the sector's draft OKx/OOAPI "BPV Matching en Begeleiding" association:
/// an `Association` per POK with `x-nl-okbb` `totalHours` (the POK's) and `approvedHours` (counted), and the
/// leerbedrijf as `x-nl-okbb-Organization.leerbedrijfID`.
public enum OOAPIHours {
    struct Page: Encodable { var items: [Association] }
    struct Association: Encodable {
        struct Person: Encodable { var personId: String }
        struct Extension: Encodable { var totalHours: Int; var approvedHours: Int }
        struct OrganizationExtension: Encodable { var leerbedrijfID: String }
        struct Organization: Encodable {
            var organizationExtension: OrganizationExtension
            enum CodingKeys: String, CodingKey { case organizationExtension = "x-nl-okbb-Organization" }
        }
        var associationId: String
        var associationType = "programOfferingAssociation"
        var role = "student"
        var state = "associated"
        var person: Person
        var organization: Organization
        var startDate: String
        var endDate: String
        var programCode: String
        var okbb: Extension
        enum CodingKeys: String, CodingKey {
            case associationId, associationType, role, state, person, organization, startDate, endDate, programCode
            case okbb = "x-nl-okbb"
        }
    }

    public static func json(_ progress: [POKProgress]) throws -> Data {
        let items = progress.map { p in
            Association(associationId: p.pok.pokNumber ?? p.pok.key, person: .init(personId: p.pok.studentNumber),
                        organization: .init(organizationExtension: .init(leerbedrijfID: p.pok.leerbedrijfID)),
                        startDate: p.pok.begin.iso, endDate: p.pok.lastDay.iso, programCode: p.pok.crebo,
                        okbb: .init(totalHours: (p.pok.minutes ?? 0) / 60, approvedHours: p.countedMinutes / 60))
        }
        return try JSONOutput.encoder(keys: .asWritten).encode(Page(items: items)) + Data("\n".utf8)
    }
}
