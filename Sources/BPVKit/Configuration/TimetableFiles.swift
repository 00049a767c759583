import BPVIngest
import BPVModel
import BPVReconcile
import Foundation
import Yams

/// Reads the programme files (`programmes:` in bpv.yaml, a folder of `<name>.yaml`) and the school calendar
/// (`calendar:`, a file) into ``Programme`` and ``SchoolCalendar`` values. Every problem is
/// `file:line:column: what was expected` (see `mappings/README.md`, "Programmes and the school calendar"): YAML
/// syntax, unknown keys, values of the wrong kind, a bad weekday, time, date or ISO week, a crebo in two
/// programmes, an obligation naming a programme no file has, a holiday name the calendar does not have.
enum TimetableFiles {
    static let programmeKeys = ["title", "crebos", "expected_hours_holidays", "leerjaren", "evidence"]
    static let yearKeys = ["leerjaar", "school_days", "lesson_hours", "sunday_latest_end"]
    static let lessonKeys = ["days", "from", "until"]
    static let calendarKeys = ["obligations", "holidays"]
    static let obligationKeys = ["name", "week", "from", "until", "programmes", "leerjaren"]
    static let holidayKeys = ["name", "from", "until"]

    /// One value or a list of them (`leerjaar: 1` or `leerjaar: [1, 2]`).
    struct OneOrMany<T: Decodable>: Decodable {
        var values: [T]
        init(from decoder: any Decoder) throws {
            if let many = try? [T](from: decoder) { values = many } else { values = [try T(from: decoder)] }
        }
    }

    struct ProgrammeFile: Decodable {
        struct Lessons: Decodable { var days: [String]; var from: String; var until: String }
        struct Year: Decodable {
            var leerjaar: OneOrMany<Int>
            var school_days: [String]?
            var lesson_hours: Lessons?
            var sunday_latest_end: String?
        }
        var title: String?
        var crebos: OneOrMany<String>
        var expected_hours_holidays: OneOrMany<String>?
        var leerjaren: [Year]?
    }

    struct CalendarFile: Decodable {
        struct Obligation: Decodable {
            var name: String
            var week: String?
            var from: String?
            var until: String?
            var programmes: [String]?
            var leerjaren: OneOrMany<Int>?
        }
        struct Holiday: Decodable { var name: String; var from: String; var until: String }
        var obligations: [Obligation]?
        var holidays: [Holiday]?
    }

    /// The programmes of every `*.yaml` in `folder`, in name order; the holiday names they give are checked
    /// against `calendar`'s.
    static func programmes(folder: String, calendar: SchoolCalendar?) throws -> [Programme] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw ConfigurationError("\(folder): cannot read the programmes folder")
        }
        var programmes: [Programme] = []
        var owner: [String: String] = [:]
        for name in names.filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }).sorted() {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            let (programme, yaml) = try programme(path: path, calendar: calendar)
            for (index, crebo) in programme.crebos.enumerated() {
                if let other = owner[crebo] {
                    throw yaml.error(at: [.key("crebos"), .index(index)],
                                     "crebo \(crebo) is also in the programme '\(other)': a crebo belongs to one programme")
                }
                owner[crebo] = programme.name
            }
            programmes.append(programme)
        }
        return programmes
    }

    /// One programme file; its name is the file's base name.
    static func programme(path: String, calendar: SchoolCalendar?) throws -> (Programme, ConfigurationYAML) {
        let yaml = try ConfigurationYAML(text: try read(path), path: path)
        var problems = yaml.unknownKeys(in: yaml.root, programmeKeys, "a programme")
        for (index, year) in (yaml.node(at: [.key("leerjaren")])?.sequence ?? []).enumerated() {
            problems += yaml.unknownKeys(in: year, yearKeys, "a leerjaar")
            problems += yaml.unknownKeys(in: yaml.node(at: [.key("leerjaren"), .index(index), .key("lesson_hours")]),
                                         lessonKeys, "lesson_hours")
        }
        problems += evidenceKeyProblems(yaml)
        var decoded: ProgrammeFile?
        do { decoded = try yaml.decode(ProgrammeFile.self) } catch { problems.append(error) }
        guard problems.isEmpty, let file = decoded else { throw ConfigurationError(path: path, problems: problems) }

        let crebos = file.crebos.values.map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, crebo) in crebos.enumerated() where crebo.count != 5 || !crebo.allSatisfy(\.isASCIIDigit) {
            problems.append(yaml.problem(at: [.key("crebos"), .index(index)], "'\(crebo)' is not a crebo (5 digits)"))
        }
        var years: [Programme.Year] = []
        var seen = Set<Int>()
        for (index, year) in (file.leerjaren ?? []).enumerated() {
            let at: [ConfigurationYAML.Step] = [.key("leerjaren"), .index(index)]
            for leerjaar in year.leerjaar.values where !(1...8).contains(leerjaar) || !seen.insert(leerjaar).inserted {
                problems.append(yaml.problem(at: at + [.key("leerjaar")], (1...8).contains(leerjaar)
                    ? "leerjaar \(leerjaar) is given twice" : "leerjaar \(leerjaar) is not a leerjaar (1 to 8)"))
            }
            let schoolDays = weekdays(year.school_days ?? [], yaml, at + [.key("school_days")], &problems)
            var lessons: Programme.LessonHours?
            if let l = year.lesson_hours {
                let lat = at + [.key("lesson_hours")]
                let from = time(l.from, yaml, lat + [.key("from")], &problems)
                let until = time(l.until, yaml, lat + [.key("until")], &problems)
                let days = weekdays(l.days, yaml, lat + [.key("days")], &problems)
                if let from, let until {
                    if from < until { lessons = .init(weekdays: days, from: from, until: until) }
                    else { problems.append(yaml.problem(at: lat + [.key("until")], "lessons end (\(until)) before they start (\(from))")) }
                }
            }
            let sunday = year.sunday_latest_end.flatMap { time($0, yaml, at + [.key("sunday_latest_end")], &problems) }
            years.append(.init(leerjaren: Set(year.leerjaar.values), schoolDays: schoolDays, lessonHours: lessons,
                               sundayLatestEnd: sunday))
        }
        var holidays = Programme.HolidaySelection.school
        if let given = file.expected_hours_holidays?.values {
            if given == ["school"] { holidays = .school }
            else if given == ["none"] { holidays = .none }
            else {
                holidays = .named(given)
                let known = calendar?.holidays.map(\.name) ?? []
                for (index, name) in given.enumerated()
                where calendar != nil && !known.contains(where: { $0.lowercased() == name.lowercased() }) {
                    problems.append(yaml.problem(at: [.key("expected_hours_holidays"), .index(index)],
                        "the calendar has no holiday '\(name)' (its holidays: \(known.joined(separator: ", ")); "
                        + "or write 'school' for all of them, 'none' for none)"))
                }
            }
        }
        let evidence = evidenceRules(yaml, &problems)
        guard problems.isEmpty else { throw ConfigurationError(path: path, problems: problems) }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return (Programme(name: name, title: file.title, crebos: crebos, years: years,
                          expectedHoursHolidays: holidays, source: fileName(path), evidence: evidence), yaml)
    }

    /// The school calendar file. `programmes`, when given, are the names an obligation may name.
    static func calendar(path: String) throws -> SchoolCalendar {
        let yaml = try ConfigurationYAML(text: try read(path), path: path)
        var problems = yaml.unknownKeys(in: yaml.root, calendarKeys, "the school calendar")
        for node in yaml.node(at: [.key("obligations")])?.sequence ?? [] {
            problems += yaml.unknownKeys(in: node, obligationKeys, "an obligation")
        }
        for node in yaml.node(at: [.key("holidays")])?.sequence ?? [] {
            problems += yaml.unknownKeys(in: node, holidayKeys, "a holiday")
        }
        var decoded: CalendarFile?
        do { decoded = try yaml.decode(CalendarFile.self) } catch { problems.append(error) }
        guard problems.isEmpty, let file = decoded else { throw ConfigurationError(path: path, problems: problems) }
        var obligations: [SchoolCalendar.Obligation] = []
        for (index, o) in (file.obligations ?? []).enumerated() {
            let at: [ConfigurationYAML.Step] = [.key("obligations"), .index(index)]
            var range: DateRange?
            switch (o.week, o.from, o.until) {
            case (let week?, nil, nil):
                if let monday = isoWeekMonday(week) { range = DateRange(start: monday, end: monday.adding(days: 4)) }
                else { problems.append(yaml.problem(at: at + [.key("week")], "'\(week)' is not an ISO week (write 2026-W46)")) }
            case (nil, let from?, let until?):
                range = dates(from, until, yaml, at, &problems)
            default:
                problems.append(yaml.problem(at: at, "the obligation '\(o.name)' needs either 'week' (2026-W46) or "
                                             + "'from' and 'until' (dates, both inclusive)"))
            }
            let line = yaml.node(at: at)?.mark?.line ?? 1
            if let range {
                obligations.append(.init(name: o.name, dates: range, programmes: o.programmes ?? [],
                                         leerjaren: Set(o.leerjaren?.values ?? []),
                                         location: SourceLocation(file: fileName(path), line: line)))
            }
        }
        var holidays: [SchoolCalendar.Holiday] = []
        for (index, h) in (file.holidays ?? []).enumerated() {
            if let range = dates(h.from, h.until, yaml, [.key("holidays"), .index(index)], &problems) {
                holidays.append(.init(name: h.name, dates: range))
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(path: path, problems: problems) }
        return SchoolCalendar(obligations: obligations, holidays: holidays, source: fileName(path))
    }

    /// Every obligation names programmes that exist.
    static func checkProgrammeNames(_ calendar: SchoolCalendar, at calendarPath: String, _ programmes: [Programme]) throws {
        let known = programmes.map(\.name)
        for obligation in calendar.obligations {
            for name in obligation.programmes where !known.contains(name) {
                let at = "\(calendarPath):\(obligation.location?.line ?? 1)"
                throw ConfigurationError("\(at): the obligation '\(obligation.name)' is for the programme '\(name)', "
                    + "which no programme file has (known: \(known.joined(separator: ", ")); a programme's name is "
                    + "its file's name without .yaml)")
            }
        }
    }

    // MARK: - Values

    /// `pet.yaml`: evidence names the file, the configuration says where it is.
    static func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): cannot read the file")
        }
        return text
    }

    static func weekdays(_ names: [String], _ yaml: ConfigurationYAML, _ at: [ConfigurationYAML.Step],
                         _ problems: inout [ConfigurationYAML.Problem]) -> Set<Int> {
        var days = Set<Int>()
        for (index, name) in names.enumerated() {
            if let day = Weekday.number(name) { days.insert(day) } else {
                let hint = didYouMean(name.lowercased(), Weekday.names).map { " (\($0))" } ?? ""
                problems.append(yaml.problem(at: at + [.index(index)], "'\(name)' is not a weekday\(hint): write "
                                             + Weekday.names.joined(separator: ", ")))
            }
        }
        return days
    }

    static func time(_ text: String, _ yaml: ConfigurationYAML, _ at: [ConfigurationYAML.Step],
                     _ problems: inout [ConfigurationYAML.Problem]) -> TimeOfDay? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
           let time = TimeOfDay(hour: h, minute: m) { return time }
        problems.append(yaml.problem(at: at, "'\(text)' is not a time of day (write 22:00, quoted: \"22:00\")"))
        return nil
    }

    static func dates(_ from: String, _ until: String, _ yaml: ConfigurationYAML, _ at: [ConfigurationYAML.Step],
                      _ problems: inout [ConfigurationYAML.Problem]) -> DateRange? {
        let start = CalendarDate(iso: from), end = CalendarDate(iso: until)
        if start == nil { problems.append(yaml.problem(at: at + [.key("from")], "'\(from)' is not a date (write 2026-10-17)")) }
        if end == nil { problems.append(yaml.problem(at: at + [.key("until")], "'\(until)' is not a date (write 2026-10-25)")) }
        guard let start, let end else { return nil }
        guard start <= end else {
            problems.append(yaml.problem(at: at + [.key("until")], "'until' (\(end)) is before 'from' (\(start))"))
            return nil
        }
        return DateRange(start: start, end: end)
    }

    /// The Monday of `2026-W46`; `nil` for anything else or a week the year does not have.
    static func isoWeekMonday(_ text: String) -> CalendarDate? {
        let parts = text.uppercased().split(separator: "-W")
        guard parts.count == 2, let year = Int(parts[0]), let week = Int(parts[1]), week >= 1, week <= 53,
              let january4 = CalendarDate(year: year, month: 1, day: 4) else { return nil }
        let monday = ISOWeek(containing: january4).adding(weeks: week - 1)
        return monday.year == year && monday.week == week ? monday.monday : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
