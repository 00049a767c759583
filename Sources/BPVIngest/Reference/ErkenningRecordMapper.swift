import BPVModel

/// One row of an SBB erkenning list, mapped.
public struct ErkenningRow: Hashable, Sendable {
    /// The erkenning; its leerbedrijf is the 9-digit id, or the legacy code when the row gives only that.
    public var erkenning: Erkenning
    /// The leerbedrijf's name (kept for people; addresses are read but never kept).
    public var name: String?
    /// Legacy code → id, when the row names both.
    public var alias: LeerbedrijfAlias?
    /// The list's retrieval date, when the file carries it in a column.
    public var retrieved: CalendarDate?
    /// The end date's column (name and 1-based number), to name it in a conflicting-duplicate reject.
    public var endColumn: String?
    public var endColumnNumber: Int?
    /// The end date as written.
    public var endValue: String?
    /// The record as written, for rejects found after mapping (conflicting duplicates).
    public var record: String
}

/// Maps records of an SBB erkenning list (`produces: erkenningen`) to ``ErkenningRow`` values: identifiers
/// normalised, dates read and checked (an end before the start is a reject).
public struct ErkenningRecordMapper: RecordKindMapper {
    public init() {}

    public mutating func map<R: FieldRecord>(_ record: R, _ f: inout RecordFieldReader) -> RecordOutcome<ErkenningRow> {
        var pair: LeerbedrijfCrebo?
        do throws(FieldProblem) {
            let listed = try f.leerbedrijf("leerbedrijf", record)
            var legacy: String?
            if let reference = try f.leerbedrijf("legacy_code", record) {
                guard case .legacy(let code) = reference else {
                    throw f.problem("legacy_code", record, reason: "not a legacy leerbedrijf code",
                                    expected: "17 letters and digits (BRIN kenniscentrum + postcode + number)")
                }
                legacy = code
            }
            guard let leerbedrijf = listed ?? legacy.map(LeerbedrijfReference.legacy) else {
                throw f.problem("leerbedrijf", record, reason: "empty", expected: "a leerbedrijf-ID or a legacy code")
            }
            guard let crebo = try f.crebo("crebo", record) else {
                throw f.problem("crebo", record, reason: "empty", expected: "a crebo")
            }
            pair = LeerbedrijfCrebo(leerbedrijfID: leerbedrijf.text, crebo: crebo)
            guard let start = try f.date("start", record) else {
                throw f.problem("start", record, reason: "empty", expected: "the erkenning's start date")
            }
            let end = try f.date("end", record)
            if let end, end < start {
                throw f.problem("end", record, reason: "the erkenning ends before it starts",
                                expected: "an end date on or after the start \(start)")
            }
            let leerweg = try f.leerweg("leerweg", record)
            let name = try f.text("name", record).map(Identifier.clean)
            for field in ["street", "postcode", "place"] { _ = try f.text(field, record) } // checked, not kept
            let retrieved = try f.date("retrieved", record)
            var alias: LeerbedrijfAlias?
            if case .id(let id) = leerbedrijf, let legacy {
                alias = LeerbedrijfAlias(legacyCode: legacy, leerbedrijfID: id, origin: .list)
            }
            let erkenning = Erkenning(leerbedrijfID: leerbedrijf.text, crebo: crebo, start: start, end: end,
                                      leerweg: leerweg, location: f.location(record))
            let endCell = f.problem("end", record, reason: "", expected: nil)
            return .value(ErkenningRow(erkenning: erkenning, name: name, alias: alias, retrieved: retrieved,
                                       endColumn: endCell.column, endColumnNumber: endCell.columnNumber,
                                       endValue: endCell.value,
                                       record: f.recordText(record)))
        } catch {
            return .reject(f.reject(error, record), pair: pair)
        }
    }
}
