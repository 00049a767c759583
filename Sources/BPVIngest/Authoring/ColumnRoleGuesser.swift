import BPVModel

/// Guesses which column fills which dossier field of an hour entry, and how to read it, from the header names
/// (``HeaderHints``) and the sampled values (``ColumnProfile``): a name alone is never enough, the values must fit
/// the field (a date pattern, a time, a duration format, yes/no words). Every guess carries its evidence; where
/// the names and values leave a choice open, the guess is marked to check.
public struct ColumnRoleGuesser {
    /// The most distinct hour types listed in a draft's code table.
    public var codeLimit: Int

    public init(codeLimit: Int = 50) {
        self.codeLimit = codeLimit
    }

    public func guess(_ table: SampleTable) -> DraftPlan {
        var state = State(table: table)
        state.assignMoments()
        state.assignDurations()
        state.assignEmployee()
        let codeTable = state.assignCategory(limit: codeLimit)
        state.assignApproved()
        state.assignText(.description)
        state.assignText(.externalID)
        let actionCodes = state.assignAction()

        let (from, hoursNote) = state.hoursSource()
        let (allowNegative, negativeNote) = state.negatives()
        let longestNote = state.longest()
        var missing: [(HourField, DraftNote)] = []
        if state.fields[.employee] == nil {
            missing.append((.employee, DraftNote("no column holds a personeelsnummer, e-mail address or name",
                                                 check: "which column names the employee?")))
        }
        if state.fields[.date] == nil, !state.isDatetime(.start) {
            missing.append((.date, DraftNote("no column holds dates", check: "which column holds the date?")))
        }
        if state.fields[.duration] == nil && (state.fields[.start] == nil || state.fields[.end] == nil) {
            missing.append((.duration, DraftNote("no column holds a duration, nor a start and an end time",
                                                 check: "which column holds the hours?")))
        }
        let order = HourField.allCases
        let fields = state.fields.values.sorted { order.firstIndex(of: $0.field)! < order.firstIndex(of: $1.field)! }
        let used = Set(fields.map(\.column.number))
        let unmapped = table.columns.filter { !used.contains($0.number) }.map { column -> (SampleTable.Column, String) in
            var summary = state.profiles[column.number - 1].summary
            if let alternative = state.alternatives[column.number] { summary += " (\(alternative))" }
            return (column, summary)
        }
        var plan = DraftPlan(identity: state.identity, identityNote: state.identityNote, fields: fields,
                             missing: missing, hoursFrom: from, hoursNote: hoursNote, allowNegative: allowNegative,
                             negativeNote: negativeNote, longestNote: longestNote, codeTable: codeTable,
                             unmapped: unmapped, recordCount: table.recordCount, isWholeFile: table.isWholeFile)
        if let action = fields.first(where: { $0.field == .action }) {
            plan.actionCodes = actionCodes
            plan.supersede = .externalID
            plan.supersedeNote = DraftNote("\(action.column.label) holds corrections (add, change, void by the entry's "
                                           + "id): an entry replaces the earlier one with the same external_id")
        }
        return plan
    }
}

/// The guesser's working state: profiles, hints, and the fields assigned so far.
private struct State {
    let table: SampleTable
    let profiles: [ColumnProfile]
    let hints: [HeaderHint?]
    var fields: [HourField: DraftPlan.Field] = [:]
    var identity: EmployeeIdentityKind?
    var identityNote: DraftNote?
    /// What an unmapped column could have been, by column number.
    var alternatives: [Int: String] = [:]

    init(table: SampleTable) {
        self.table = table
        profiles = table.columns.map { ColumnProfile($0, isXML: table.fieldsArePaths) }
        hints = table.columns.map { column in
            column.name.flatMap(table.fieldsArePaths ? XMLPathHints.hint(forPath:) : HeaderHints.hint(for:))
        }
    }

    var used: Set<Int> { Set(fields.values.map(\.column.number)) }

    /// Unused columns whose header hints at `field` and whose values `fit`, best first.
    func hinted(_ field: HourField, fit: (ColumnProfile) -> Bool) -> [Int] {
        table.columns.indices.filter { i in
            hints[i]?.field == field && !used.contains(i + 1) && fit(profiles[i])
        }.sorted { (hints[$0]!.strength, -$0) > (hints[$1]!.strength, -$1) }
    }

    func isDatetime(_ field: HourField) -> Bool {
        if case .datetime = fields[field]?.reading { return true }
        return false
    }

    func headerEvidence(_ i: Int) -> String {
        guard let name = table.columns[i].name else { return "column \(i + 1)" }
        return (table.fieldsArePaths ? "path" : "header") + " \"\(name)\""
    }

    /// A note on empty values, and whether the field is then optional.
    func emptiness(_ i: Int, field: HourField) -> (optional: Bool, note: DraftNote?) {
        let profile = profiles[i]
        guard profile.emptyCount > 0 else { return (false, nil) }
        let share = "empty on \(profile.emptyCount) of \(profile.total) sampled records"
        switch field {
        case .employee, .date:
            return (false, DraftNote(share, check: "records with an empty \(field.rawValue) would be rejected"))
        default:
            return (true, DraftNote(share + ": optional"))
        }
    }

    mutating func add(_ field: HourField, _ i: Int, _ reading: DraftPlan.Reading, _ notes: [DraftNote]) {
        let (optional, emptyNote) = emptiness(i, field: field)
        fields[field] = DraftPlan.Field(field: field, column: table.columns[i], reading: reading,
                                        optional: optional || field == .description,
                                        notes: notes + (emptyNote.map { [$0] } ?? []))
    }

    // MARK: - Dates and times

    mutating func assignMoments() {
        for field in [HourField.start, .end] {
            if let i = hinted(field, fit: { $0.time != nil || $0.datetime != nil }).first {
                addMoment(field, i, evidence: headerEvidence(i))
            }
        }
        // With a start that holds the date, only a column plainly named as the date is mapped to date.
        let startHasDate = isDatetime(.start)
        for field in [HourField.date, .endDate] {
            let fitting = hinted(field, fit: { $0.date != nil || $0.datetime != nil })
            if let i = fitting.first, !startHasDate || hints[i]!.strength == 3 {
                addMoment(field, i, evidence: headerEvidence(i))
            }
        }
        if fields[.date] == nil, !startHasDate, let i = table.columns.indices.first(where: {
            !used.contains($0 + 1) && profiles[$0].date.map { $0.matched == $0.total } == true
        }) {
            addMoment(.date, i, evidence: "no header names a date", check: "\(table.columns[i].label) holds dates: "
                      + "is it the day worked?")
        }
        if fields[.start] == nil && fields[.end] == nil {
            let times = table.columns.indices.filter {
                !used.contains($0 + 1) && profiles[$0].time.map { $0.matched == $0.total } == true
            }
            if times.count >= 2 {
                addMoment(.start, times[0], evidence: "no header names a start time",
                          check: "\(table.columns[times[0]].label) is the first column of times: is it the start?")
                addMoment(.end, times[1], evidence: "no header names an end time",
                          check: "\(table.columns[times[1]].label) is the second column of times: is it the end?")
            }
        }
    }

    private mutating func addMoment(_ field: HourField, _ i: Int, evidence: String, check: String? = nil) {
        let profile = profiles[i]
        let wantsTime = field == .start || field == .end
        let fit: PatternFit
        let reading: DraftPlan.Reading
        if wantsTime, let time = profile.time {
            fit = time; reading = .time(time.pattern)
        } else if !wantsTime, let date = profile.date {
            fit = date; reading = .date(date.pattern)
        } else if let datetime = profile.datetime {
            fit = datetime; reading = .datetime(datetime.pattern)
        } else {
            return
        }
        add(field, i, reading, [DraftNote(evidence, check: check), fit.note])
    }

    // MARK: - Durations

    mutating func assignDurations() {
        // A clock format before decimal hours: it keeps whole minutes exactly.
        let candidates = hinted(.duration) { $0.durationFit(isBreak: false) != nil }
        let clockFirst = candidates.sorted { a, b in
            let clockA = profiles[a].durationFit(isBreak: false)!.pattern.hasPrefix("H:")
            let clockB = profiles[b].durationFit(isBreak: false)!.pattern.hasPrefix("H:")
            return (hints[a]!.strength, clockA ? 1 : 0, -a) > (hints[b]!.strength, clockB ? 1 : 0, -b)
        }
        if let i = clockFirst.first {
            var notes = [DraftNote(headerEvidence(i)), profiles[i].durationFit(isBreak: false)!.note]
            let others = clockFirst.dropFirst().map { table.columns[$0].label }
            if !others.isEmpty {
                notes.append(DraftNote("also a duration: \(others.joined(separator: ", ")); the first keeps whole "
                                       + "minutes exactly"))
                for other in clockFirst.dropFirst() { alternatives[other + 1] = "the same hours, another format" }
            }
            add(.duration, i, .duration(profiles[i].durationFit(isBreak: false)!.pattern), notes)
        }
        if let i = hinted(.breakTime, fit: { $0.durationFit(isBreak: true) != nil }).first {
            let fit = profiles[i].durationFit(isBreak: true)!
            add(.breakTime, i, .duration(fit.pattern), [DraftNote(headerEvidence(i)), fit.note])
        }
    }

    // MARK: - Employee, hour type, approval, text

    mutating func assignEmployee() {
        let preference: [EmployeeIdentityKind] = [.email, .personeelsnummer, .name]
        let candidates = table.columns.indices.filter {
            hints[$0]?.field == .employee && !used.contains($0 + 1) && !profiles[$0].values.isEmpty
        }.sorted { a, b in
            let ka = preference.firstIndex(of: hints[a]!.identity ?? .name)!
            let kb = preference.firstIndex(of: hints[b]!.identity ?? .name)!
            return (ka, -hints[a]!.strength, a) < (kb, -hints[b]!.strength, b)
        }
        var notes: [DraftNote] = []
        var chosen = candidates.first
        if let i = chosen {
            // The values decide over the name: a "Medewerker" column of e-mail addresses holds e-mails, one of
            // whole numbers holds personeelsnummers.
            let named = hints[i]!.identity ?? .name
            identity = profiles[i].isEmail ? .email
                : named == .name && profiles[i].values.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) ? .personeelsnummer
                : named
            notes.append(DraftNote(headerEvidence(i) + "; \(profiles[i].values.count)/\(profiles[i].total) values filled"))
        } else if let i = table.columns.indices.first(where: { !used.contains($0 + 1) && profiles[$0].isEmail }) {
            chosen = i
            identity = .email
            notes.append(DraftNote("no header names the employee",
                                   check: "\(table.columns[i].label) holds e-mail addresses: do they name the employee?"))
        }
        guard let i = chosen, let identity else { return }
        let others = candidates.filter { $0 != i }
        var note = DraftNote("\(table.columns[i].label) holds the employee's \(identity.rawValue)")
        if !others.isEmpty {
            let list = others.map { "\(table.columns[$0].label) (\((hints[$0]!.identity ?? .name).rawValue))" }
            note.check = "also possible: \(list.joined(separator: ", ")); use the identity the alias table holds"
            for other in others {
                alternatives[other + 1] = "could be the employee, with identity: \((hints[other]!.identity ?? .name).rawValue)"
            }
        }
        identityNote = note
        add(.employee, i, .text, notes)
    }

    mutating func assignCategory(limit: Int) -> DraftPlan.CodeTable? {
        let candidates = hinted(.category) { !$0.values.isEmpty && $0.distinctValues.count <= 200 }
        guard let i = candidates.first else { return nil }
        let profile = profiles[i]
        let distinct = profile.distinctValues
        var notes = [DraftNote(headerEvidence(i) + ": \(distinct.count) distinct value(s)")]
        if candidates.count > 1 {
            let others = candidates.dropFirst().map { table.columns[$0].label }
            notes[0].check = "\(others.joined(separator: ", ")) could hold the hour type as well"
            for other in candidates.dropFirst() { alternatives[other + 1] = "could be the hour type" }
        }
        let name = "hour_types"
        add(.category, i, .codes(name), notes)
        let codes = distinct.prefix(limit).map { value, count in
            let (category, note) = HourTypeWords.guess(value)
            return DraftPlan.Code(code: value, count: count, category: category, note: note)
        }
        return DraftPlan.CodeTable(name: name, column: table.columns[i], codes: Array(codes),
                                   unlisted: max(0, distinct.count - limit))
    }

    mutating func assignApproved() {
        guard let i = hinted(.approved, fit: { !$0.booleanWords.trueWords.isEmpty || !$0.booleanWords.falseWords.isEmpty })
            .first else { return }
        let words = profiles[i].booleanWords
        var trues = words.trueWords, falses = words.falseWords
        // Complete a side the sample does not show ("1" only: "0" means not approved).
        if trues.isEmpty { trues = falses.compactMap { f in ValueShape.opposites.first { $0.value == f.lowercased() }?.key } }
        if falses.isEmpty { falses = trues.compactMap { ValueShape.opposites[$0.lowercased()] } }
        let seen = profiles[i].distinctValues.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
        var note = DraftNote("values seen: \(seen)")
        if !words.unknown.isEmpty {
            note.check = "\(words.unknown.map { "\"\($0)\"" }.joined(separator: ", ")) is not a yes/no word: add it to "
                + "true or false"
        }
        add(.approved, i, .boolean(trueWords: trues, falseWords: falses), [DraftNote(headerEvidence(i)), note])
    }

    /// A column of correction codes (every value a known word: Add, Change, Void, Unchanged, ...), mapped to
    /// `action` with a code table; only with an `external_id`, which corrections act by.
    mutating func assignAction() -> [(code: String, action: EntryAction, note: DraftNote)] {
        guard fields[.externalID] != nil else { return [] }
        let candidates = table.columns.indices.filter { i in
            !used.contains(i + 1) && !profiles[i].values.isEmpty
                && profiles[i].values.allSatisfy { CorrectionWords.action($0) != nil }
                && (hints[i]?.field == .action || profiles[i].values.contains { CorrectionWords.action($0) != .add })
        }
        guard let i = candidates.first else { return [] }
        let distinct = profiles[i].distinctValues
        let seen = distinct.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
        add(.action, i, .codes("actions"), [DraftNote(headerEvidence(i) + "; values seen: \(seen)")])
        return distinct.map { value, _ in
            let action = CorrectionWords.action(value)!
            return (value, action, CorrectionWords.note(value, action))
        }
    }

    mutating func assignText(_ field: HourField) {
        guard let i = hinted(field, fit: { _ in true }).first else { return }
        add(field, i, .text, [DraftNote(headerEvidence(i))])
    }

    // MARK: - Hours

    /// `duration` when a duration column is mapped, else `times`; compares the two where both are mapped.
    func hoursSource() -> (HourMapping.MinutesSource, DraftNote) {
        guard let duration = fields[.duration] else {
            guard fields[.start] != nil, fields[.end] != nil else {
                return (.times, DraftNote("no duration and no start and end found", check: "map the hours first"))
            }
            return (.times, DraftNote("no duration column: end - start" + (fields[.breakTime] != nil ? " - break" : "")))
        }
        guard let start = fields[.start], let end = fields[.end] else {
            return (.duration, DraftNote("from \(duration.column.label)"))
        }
        // Times on most records and a duration only where there are none (leave, sickness): the times count.
        let durationFilled = duration.column.values.count { !$0.isEmpty }
        let timesFilled = table.recordLines.indices.count {
            !start.column.values[$0].isEmpty && !end.column.values[$0].isEmpty
        }
        if timesFilled > durationFilled {
            return (.times, DraftNote("\(duration.column.label) is filled on \(durationFilled) of \(table.recordCount) "
                                      + "records, \(start.column.label) and \(end.column.label) on \(timesFilled): the "
                                      + "times count, \(duration.column.label) where there are none"))
        }
        var compared = 0, differing: [(line: Int, times: Int, duration: Int)] = []
        for r in 0..<table.recordCount {
            guard let fromTimes = minutesFromTimes(r, start: start, end: end),
                  case .duration(let format) = duration.reading, let f = DurationFormat(rawValue: format),
                  let seconds = ColumnProfile.seconds(f, duration.column.values[r]) else { continue }
            compared += 1
            let minutes = DurationFormat.minutes(fromSeconds: seconds)
            if minutes != fromTimes { differing.append((table.recordLines[r], fromTimes, minutes)) }
        }
        let times = "\(end.column.label) - \(start.column.label)"
            + (fields[.breakTime].map { " - \($0.column.label)" } ?? "")
        guard compared > 0 else { return (.duration, DraftNote("from \(duration.column.label)")) }
        guard let first = differing.first else {
            return (.duration, DraftNote("\(duration.column.label) agrees with \(times) on all \(compared) records "
                                         + "that have both"))
        }
        return (.duration, DraftNote("\(duration.column.label) differs from \(times) on \(differing.count) of "
                                     + "\(compared) records",
                                     check: "line \(first.line): \(ColumnProfile.clock(first.duration * 60)) against "
                                         + "\(ColumnProfile.clock(first.times * 60)) from the times: which counts "
                                         + "(from: duration or from: times)?"))
    }

    /// end - start (- break) of sampled record `r`, with the mapper's overnight rule; `nil` when a value is missing.
    private func minutesFromTimes(_ r: Int, start: DraftPlan.Field, end: DraftPlan.Field) -> Int? {
        func seconds(_ field: DraftPlan.Field) -> (day: Int?, time: Int)? {
            let value = field.column.values[r]
            switch field.reading {
            case .time(let p), .datetime(let p):
                guard let pattern = try? DateTimePattern(p) else { return nil }
                var text = value
                guard let parsed = text.withUTF8({ pattern.parse(UnsafeRawBufferPointer($0)) }),
                      let time = parsed.time else { return nil }
                return (parsed.date?.dayNumber, time.secondsSinceMidnight)
            default: return nil
            }
        }
        guard let s = seconds(start), let e = seconds(end) else { return nil }
        var span = e.time - s.time
        if let endDay = e.day, let startDay = s.day {
            span += (endDay - startDay) * 86_400
        } else if let endDate = fields[.endDate], let dateField = fields[.date],
                  case .date(let ep) = endDate.reading, case .date(let dp) = dateField.reading,
                  let ePattern = try? DateTimePattern(ep), let dPattern = try? DateTimePattern(dp) {
            var eText = endDate.column.values[r], dText = dateField.column.values[r]
            guard let eDay = eText.withUTF8({ ePattern.parse(UnsafeRawBufferPointer($0)) })?.date,
                  let dDay = dText.withUTF8({ dPattern.parse(UnsafeRawBufferPointer($0)) })?.date else { return nil }
            span += (eDay.dayNumber - dDay.dayNumber) * 86_400
        } else if span < 0 {
            span += 86_400
        }
        if let pause = fields[.breakTime], case .duration(let format) = pause.reading,
           let f = DurationFormat(rawValue: format), !pause.column.values[r].isEmpty {
            guard let seconds = ColumnProfile.seconds(f, pause.column.values[r]) else { return nil }
            span -= seconds
        }
        return DurationFormat.minutes(fromSeconds: span)
    }

    /// The longest sampled duration when it is longer than the default `max_entry_hours` (24): to check.
    func longest() -> DraftNote? {
        guard let duration = fields[.duration], case .duration(let format) = duration.reading,
              let f = DurationFormat(rawValue: format) else { return nil }
        let values = duration.column.values
        guard let (r, seconds) = values.indices.compactMap({ r in ColumnProfile.seconds(f, values[r]).map { (r, $0) } })
            .max(by: { $0.1 < $1.1 }), seconds > 24 * 3600 else { return nil }
        return DraftNote("the longest sampled duration is \(ColumnProfile.clock(seconds)) (line \(table.recordLines[r]))",
                         check: "entries over 24 hours are rejected as absurd: raise max_entry_hours if this is real")
    }

    /// Negative durations in the sample: corrections to keep (`allow_negative`), to check.
    func negatives() -> (Bool, DraftNote) {
        guard let duration = fields[.duration], case .duration(let format) = duration.reading,
              let f = DurationFormat(rawValue: format) else {
            return (false, DraftNote("no duration column"))
        }
        let negative = profiles[duration.column.number - 1].negativeValues(f)
        guard let first = negative.first else { return (false, DraftNote("no negative durations in the sample")) }
        let line = table.recordLines[duration.column.values.firstIndex(of: first)!]
        return (true, DraftNote("\(negative.count) sampled record(s) have a negative duration (\"\(first)\" on line \(line))",
                                check: "are they corrections to keep (true) or mistakes to reject (false)?"))
    }
}
