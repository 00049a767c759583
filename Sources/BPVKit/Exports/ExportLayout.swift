import BPVIngest
import BPVModel
import Foundation
import Yams

/// An export layout file (`mappings/exports/<name>.yaml`): which rows (`results`: final results only; `hours`:
/// realised hours of every POK), which columns with which header names, the delimiter, the encoding (`utf-8`,
/// `utf-8-bom`, `windows-1252`), the line endings (`lf`, `crlf`), the date format and the result codes. Problems
/// are `file:line:column: ...`.
public struct ExportLayout: Sendable, Equatable {
    public enum Rows: String, Sendable, CaseIterable { case results, hours }
    /// `csv` (the columns below) or `ooapi-json` (the OKx/OOAPI "BPV Matching en Begeleiding" associations with
    /// `x-nl-okbb` `totalHours` and `approvedHours`; columns, delimiter and encoding do not apply).
    public enum Format: String, Sendable, CaseIterable { case csv, ooapiJSON = "ooapi-json" }
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8", utf8BOM = "utf-8-bom", windows1252 = "windows-1252"
    }

    /// The file's base name: the layout's identity in the store's export state and in file names.
    public var name: String
    public var rows: Rows
    public var format: Format
    public var columns: [(header: String, value: String)]
    public var delimiter: Character
    public var encoding: Encoding
    public var lineEnding: String
    /// `yyyy-MM-dd`, `dd-MM-yyyy` or `dd/MM/yyyy`.
    public var dateFormat: String
    /// The code written per outcome (`goed: G`).
    public var resultCodes: [POKResult.Outcome: String]

    /// The values a column may take.
    public static let values = ["student", "roepnaam", "achternaam", "pok", "pok_number", "leerbedrijf", "crebo",
                                "programme", "begin", "end", "last_day", "result", "result_code", "final", "reasons",
                                "hours_required", "hours_realised", "judged_on"]
    static let keys = ["rows", "format", "columns", "delimiter", "encoding", "line_endings", "date_format", "result_codes"]
    static let dateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy"]

    public static func == (a: ExportLayout, b: ExportLayout) -> Bool {
        a.name == b.name && a.rows == b.rows && a.format == b.format && a.columns.map(\.header) == b.columns.map(\.header)
            && a.columns.map(\.value) == b.columns.map(\.value) && a.delimiter == b.delimiter && a.encoding == b.encoding
            && a.lineEnding == b.lineEnding && a.dateFormat == b.dateFormat && a.resultCodes == b.resultCodes
    }

    struct File: Decodable {
        struct Column: Decodable { var header: String; var value: String }
        var rows: String
        var format: String?
        var columns: [Column]?
        var delimiter: String?
        var encoding: String?
        var line_endings: String?
        var date_format: String?
        var result_codes: [String: String]?
    }

    /// Reads and checks a layout file.
    public static func load(path: String) throws -> ExportLayout {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): cannot read the export layout")
        }
        let yaml = try ConfigurationYAML(text: text, path: path)
        var problems = yaml.unknownKeys(in: yaml.root, keys, "an export layout")
        for node in yaml.node(at: [.key("columns")])?.sequence ?? [] {
            problems += yaml.unknownKeys(in: node, ["header", "value"], "a column")
        }
        var decoded: File?
        do { decoded = try yaml.decode(File.self) } catch { problems.append(error) }
        guard problems.isEmpty, let file = decoded else { throw ConfigurationError(path: path, problems: problems) }
        func choice<T>(_ key: String, _ text: String?, _ options: [String: T], _ fallback: T) -> T {
            guard let text else { return fallback }
            if let value = options[text] { return value }
            problems.append(yaml.problem(at: [.key(key)], "'\(text)' is not one of " + options.keys.sorted().joined(separator: ", ")))
            return fallback
        }
        let rows = choice("rows", file.rows, Dictionary(uniqueKeysWithValues: Rows.allCases.map { ($0.rawValue, $0) }), .results)
        let encoding = choice("encoding", file.encoding,
                              Dictionary(uniqueKeysWithValues: Encoding.allCases.map { ($0.rawValue, $0) }), .utf8)
        let lineEnding = choice("line_endings", file.line_endings, ["lf": "\n", "crlf": "\r\n"], "\n")
        let dateFormat = choice("date_format", file.date_format, Dictionary(uniqueKeysWithValues: dateFormats.map { ($0, $0) }), "yyyy-MM-dd")
        let delimiter = file.delimiter ?? ";"
        if delimiter.count != 1 || delimiter == "\"" {
            problems.append(yaml.problem(at: [.key("delimiter")], "'\(delimiter)' is not a delimiter: write one character (\";\", \",\", \"|\", tab)"))
        }
        let format = choice("format", file.format, Dictionary(uniqueKeysWithValues: Format.allCases.map { ($0.rawValue, $0) }), .csv)
        if format == .csv && (file.columns ?? []).isEmpty {
            problems.append(yaml.problem(at: [.key("columns")], "a csv layout needs columns (header and value each)"))
        }
        for (index, column) in (file.columns ?? []).enumerated() where !values.contains(column.value) {
            let hint = didYouMean(column.value, values).map { " (\($0))" } ?? ""
            problems.append(yaml.problem(at: [.key("columns"), .index(index), .key("value")],
                                         "'\(column.value)' is not a value\(hint): write one of " + values.joined(separator: ", ")))
        }
        var codes: [POKResult.Outcome: String] = [.goed: "G", .voldoende: "V", .onvoldoende: "O", .notDecidable: ""]
        for (key, code) in file.result_codes ?? [:] {
            guard let outcome = POKResult.Outcome(rawValue: key) else {
                problems.append(yaml.problem(at: [.key("result_codes"), .key(key)], "'\(key)' is not a result: write "
                                             + POKResult.Outcome.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            codes[outcome] = code
        }
        guard problems.isEmpty else { throw ConfigurationError(path: path, problems: problems) }
        return ExportLayout(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, rows: rows, format: format,
                            columns: (file.columns ?? []).map { ($0.header, $0.value) }, delimiter: delimiter.first!,
                            encoding: encoding, lineEnding: lineEnding, dateFormat: dateFormat, resultCodes: codes)
    }

    /// `date` in the layout's format.
    public func format(_ date: CalendarDate) -> String {
        let y = String(date.year), m = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        let d = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        switch dateFormat {
        case "dd-MM-yyyy": return "\(d)-\(m)-\(y)"
        case "dd/MM/yyyy": return "\(d)/\(m)/\(y)"
        default: return "\(y)-\(m)-\(d)"
        }
    }

    /// The bytes of `table` in the layout's delimiter, line endings and encoding; `nil` when a character has no
    /// place in Windows-1252.
    public func bytes(_ table: CSVTable) -> Data? {
        let text = table.text(delimiter: delimiter, lineEnding: lineEnding)
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data(CSVTable.byteOrderMark) + Data(text.utf8)
        case .windows1252: return text.data(using: .windowsCP1252, allowLossyConversion: false)
        }
    }
}
