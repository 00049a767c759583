/// A date, time or duration reading chosen for a column, with how many sampled values it fits.
public struct PatternFit: Sendable, Equatable {
    /// A ``DateTimePattern`` text or a ``DurationFormat`` raw value.
    public var pattern: String
    public var matched: Int
    public var total: Int
    public var note: DraftNote
}

/// Tests the sampled values of one column against the readings the mapping language has: the date, time and
/// datetime patterns (with ``DateTimePattern``) and the duration formats (with ``DurationFormat``), and says what
/// else its values look like (numbers, e-mail addresses, yes/no words, a few distinct codes).
struct ColumnProfile {
    let column: SampleTable.Column
    /// The non-empty values.
    let values: [String]
    let emptyCount: Int
    private(set) var date: PatternFit?
    private(set) var time: PatternFit?
    private(set) var datetime: PatternFit?

    /// Whether the column is an XML field: xsd values (`8.00`, `PT8H`) then read as `duration: auto`.
    let isXML: Bool

    init(_ column: SampleTable.Column, isXML: Bool = false) {
        self.column = column
        self.isXML = isXML
        values = column.nonEmptyValues
        emptyCount = column.emptyCount
        guard !values.isEmpty, values.contains(where: { $0.contains(where: \.isNumber) }) else { return }
        date = Self.bestFit(Self.dateCandidates, values)
        time = Self.bestFit(Self.timeCandidates, values)
        if date == nil && time == nil, values.allSatisfy({ $0.contains(" ") || $0.contains("T") }) {
            datetime = Self.bestFit(Self.datetimeCandidates, values)
        }
    }

    var total: Int { values.count + emptyCount }

    // MARK: - Candidates

    /// Date patterns in order of preference (a fixed width before a free one); each with its day/month swap.
    static let dateCandidates: [(DateTimePattern, String?)] = [
        ("dd-MM-yyyy", "MM-dd-yyyy"), ("d-M-yyyy", "M-d-yyyy"), ("yyyy-MM-dd", nil),
        ("dd/MM/yyyy", "MM/dd/yyyy"), ("d/M/yyyy", "M/d/yyyy"), ("MM/dd/yyyy", "dd/MM/yyyy"), ("M/d/yyyy", "d/M/yyyy"),
        ("dd.MM.yyyy", nil), ("d.M.yyyy", nil), ("MM-dd-yyyy", "dd-MM-yyyy"), ("M-d-yyyy", "d-M-yyyy"),
        ("yyyy/MM/dd", nil),
    ].map { (try! DateTimePattern($0.0), $0.1) }

    static let timePatterns = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss", "hh:mm a", "h:mm a", "hh:mm:ss a", "h:mm:ss a"]
    static let timeCandidates: [(DateTimePattern, String?)] = timePatterns.map { (try! DateTimePattern($0), nil) }

    /// `xsd:dateTime` (`2026-03-02T08:00:00`, with or without seconds, a fraction or a zone): tried first, so that
    /// later files with a `Z` or `+01:00` read as well.
    static let xsdDateTime = "yyyy-MM-dd'T'HH:mm[:ss][.S][X]"

    static let datetimeCandidates: [(DateTimePattern, String?)] = [(try! DateTimePattern(xsdDateTime), nil)]
        + dateCandidates.flatMap { date, swap in
        [" ", "'T'"].flatMap { separator in
            timePatterns.map { time in
                (try! DateTimePattern(date.pattern + separator + time), swap.map { $0 + separator + time })
            }
        }
    }

    /// The first candidate that reads every value; else the one that reads most, if it reads at least half of them
    /// (marked to check). A day/month swap that reads every value as well is marked to check.
    static func bestFit(_ candidates: [(DateTimePattern, String?)], _ values: [String]) -> PatternFit? {
        func count(_ pattern: DateTimePattern) -> (matched: Int, miss: String?) {
            var matched = 0
            var miss: String?
            for value in values {
                if parses(pattern, value) { matched += 1 } else if miss == nil { miss = value }
            }
            return (matched, miss)
        }
        let n = values.count
        var best: (DateTimePattern, String?, Int, String?)?
        for (pattern, swap) in candidates {
            let (matched, miss) = count(pattern)
            if matched == n {
                var note = DraftNote("\(n)/\(n) sampled values match \(pattern.pattern)")
                if let swap, let other = try? DateTimePattern(swap) {
                    let (otherMatched, otherMiss) = count(other)
                    if otherMatched == n {
                        note.check = "every day and month in the sample is 12 or less, so \(swap) fits as well: "
                            + "check which comes first"
                    } else if otherMatched > 0, let otherMiss {
                        note.evidence += "; \(swap) fails on \"\(otherMiss)\""
                    }
                }
                return PatternFit(pattern: pattern.pattern, matched: n, total: n, note: note)
            }
            if matched > best?.2 ?? 0 { best = (pattern, swap, matched, miss) }
        }
        guard let (pattern, _, matched, miss) = best, matched * 2 >= n else { return nil }
        return PatternFit(pattern: pattern.pattern, matched: matched, total: n,
                          note: DraftNote("\(matched)/\(n) sampled values match \(pattern.pattern)",
                                          check: n - matched == 1
                                              ? "\"\(miss ?? "")\" does not match: that record would be rejected"
                                              : "\"\(miss ?? "")\" and \(n - matched - 1) other values do not match: "
                                                  + "those records would be rejected"))
    }

    static func parses(_ pattern: DateTimePattern, _ value: String) -> Bool {
        var text = value
        return text.withUTF8 { pattern.parse(UnsafeRawBufferPointer($0)) } != nil
    }

    static func seconds(_ format: DurationFormat, _ value: String) -> Int? {
        var text = value
        return text.withUTF8 { format.seconds(UnsafeRawBufferPointer($0)) }
    }

    // MARK: - Durations

    /// How durations are written in this column, for a `duration` (`isBreak: false`) or `break` field.
    func durationFit(isBreak: Bool) -> PatternFit? {
        guard !values.isEmpty else { return nil }
        let n = values.count
        func fits(_ format: DurationFormat) -> Int { values.count { Self.seconds(format, $0) != nil } }
        func fit(_ format: DurationFormat, _ evidence: String, check: String? = nil) -> PatternFit {
            PatternFit(pattern: format.rawValue, matched: n, total: n, note: DraftNote(evidence, check: check))
        }
        let colons = values.map { $0.count { $0 == ":" } }
        if colons.allSatisfy({ $0 == 2 }), fits(.hoursMinutesSeconds) == n {
            return fit(.hoursMinutesSeconds, "\(n)/\(n) sampled values are hours:minutes:seconds")
        }
        if colons.allSatisfy({ $0 == 1 }), fits(.hoursMinutes) == n {
            let most = values.compactMap { Self.seconds(.hoursMinutes, $0) }.max() ?? 0
            return fit(.hoursMinutes, "\(n)/\(n) sampled values are hours:minutes (up to \(Self.clock(most)))")
        }
        // XML: xsd:decimal hours (a point) and xsd:duration (PT7H30M) may come mixed, or in a later file: auto
        // reads both (and never takes a number for minutes).
        let xsd = isXML && !isBreak && values.allSatisfy { !$0.contains(",") && !$0.contains(":") }
        if xsd, fits(.auto) == n, values.contains(where: { $0.contains("P") || $0.contains(".") }) {
            let iso = values.count { $0.contains("P") }
            let kinds = iso == 0 ? "decimal hours" : iso == n ? "ISO 8601 durations"
                : "\(n - iso) decimal hours, \(iso) ISO 8601 durations"
            return fit(.auto, "\(n)/\(n) sampled values are \(kinds); auto reads decimal hours and xsd:duration "
                       + "(PT7H30M) alike")
        }
        if fits(.iso8601) == n { return fit(.iso8601, "\(n)/\(n) sampled values are ISO 8601 durations") }
        if fits(.decimalHours) == n {
            let numbers = values.compactMap { Self.seconds(.decimalHours, $0) }
            let whole = values.allSatisfy { !$0.contains(",") && !$0.contains(".") }
            let largest = (numbers.map(abs).max() ?? 0) / 3600
            let commas = values.count { $0.contains(",") }, points = values.count { $0.contains(".") }
            let separator = commas > 0 && points > 0 ? "a decimal comma and point"
                : commas > 0 ? "a decimal comma" : points > 0 ? "a decimal point" : "no decimals"
            if whole && largest > (isBreak ? 4 : 24) {
                return fit(.minutes, "\(n)/\(n) sampled values are whole numbers up to \(largest): minutes",
                           check: isBreak ? nil : "whole numbers up to \(largest): check that they are minutes")
            }
            if whole && isBreak {
                return fit(.decimalHours, "\(n)/\(n) sampled values are whole numbers up to \(largest)",
                           check: "a break of at most \(largest): hours (decimal_hours) or minutes?")
            }
            return fit(.decimalHours, "\(n)/\(n) sampled values are hours with \(separator)")
        }
        let best = DurationFormat.allCases.map { ($0, fits($0)) }.max { $0.1 < $1.1 }!
        guard best.1 * 2 >= n else { return nil }
        let miss = values.first { Self.seconds(best.0, $0) == nil } ?? ""
        return PatternFit(pattern: best.0.rawValue, matched: best.1, total: n,
                          note: DraftNote("\(best.1)/\(n) sampled values read as \(best.0.rawValue)",
                                          check: "\"\(miss)\" and others do not: these records would be rejected"))
    }

    /// Values below zero in a duration column (corrections), by their text.
    func negativeValues(_ format: DurationFormat) -> [String] {
        values.filter { (Self.seconds(format, $0) ?? 0) < 0 }
    }

    static func clock(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    // MARK: - Other shapes

    var isEmail: Bool { !values.isEmpty && values.allSatisfy(ValueShape.isEmail) }
    var isNumeric: Bool { !values.isEmpty && values.allSatisfy(ValueShape.isNumber) }

    /// The distinct values with their counts, most frequent first (ties in order of appearance).
    var distinctValues: [(value: String, count: Int)] {
        var counts: [String: Int] = [:], order: [String] = []
        for value in values {
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        let firstSeen = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return order.map { ($0, counts[$0]!) }.sorted { ($0.count, firstSeen[$1.value]!) > ($1.count, firstSeen[$0.value]!) }
    }

    /// The values that are yes/no words, split into true and false words; `unknown` holds the others.
    var booleanWords: (trueWords: [String], falseWords: [String], unknown: [String]) {
        var trues: [String] = [], falses: [String] = [], unknown: [String] = []
        for (value, _) in distinctValues {
            let word = value.lowercased()
            if ValueShape.trueWords.contains(word) { trues.append(value) }
            else if ValueShape.falseWords.contains(word) { falses.append(value) }
            else { unknown.append(value) }
        }
        return (trues, falses, unknown)
    }

    /// A few words on what the column holds, for the list of columns a draft leaves unmapped.
    var summary: String {
        if values.isEmpty { return "always empty" }
        if let date { return "dates (\(date.pattern))" }
        if let time { return "times (\(time.pattern))" }
        if let datetime { return "dates with times (\(datetime.pattern))" }
        if isEmail { return "e-mail addresses" }
        if isNumeric {
            return values.allSatisfy { !$0.contains(",") && !$0.contains(".") } ? "whole numbers" : "numbers"
        }
        let distinct = distinctValues
        if booleanWords.unknown.isEmpty { return "yes/no values (\(distinct.map(\.value).joined(separator: ", ")))" }
        let shown = distinct.prefix(3).map { "\"\($0.value.prefix(30))\"" }.joined(separator: ", ")
        return "text, \(distinct.count) distinct value\(distinct.count == 1 ? "" : "s") (\(shown)"
            + (distinct.count > 3 ? ", ...)" : ")")
    }
}

/// Recognisers for single values.
enum ValueShape {
    static let trueWords: Set<String> = ["1", "ja", "j", "yes", "y", "true", "waar", "x", "goedgekeurd", "approved",
                                         "akkoord"]
    static let falseWords: Set<String> = ["0", "nee", "n", "no", "false", "onwaar", "afgekeurd", "rejected"]
    /// Each yes/no word's opposite, to complete a list the sample shows only one side of.
    static let opposites: [String: String] = ["1": "0", "ja": "nee", "j": "n", "yes": "no", "y": "n",
                                              "true": "false", "waar": "onwaar", "goedgekeurd": "afgekeurd",
                                              "approved": "rejected"]

    /// `8`, `-2.00`, `109,44`: an optional sign, digits, and at most one decimal comma or point.
    static func isNumber(_ value: String) -> Bool {
        var text = Substring(value)
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: ".", omittingEmptySubsequences: false)
        }
        guard !text.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !value.contains(" ")
    }

    /// Whether a header name is rather a value: a number, date, time or e-mail address.
    static func looksLikeData(_ value: String) -> Bool {
        if value.isEmpty { return false }
        if isNumber(value) || isEmail(value) { return true }
        let candidates = ColumnProfile.dateCandidates + ColumnProfile.timeCandidates
        return candidates.contains { ColumnProfile.parses($0.0, value) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
