import BPVIngest
import BPVModel
import BPVReconcile
import BPVReport
import BPVStore
import Foundation

/// Builds a run's ``ReportData`` from what the nightly run produced (its ``NightlyRun/Summary``), the store's
/// students and rejects and the configuration: the one place where the run's values become the report's.
enum ReportSnapshot {
    /// The report data of `summary`'s run, named `run`, on `referenceDate`. `results` and `exports`: the final
    /// results and the files exported, when those stages ran (empty: the pages show none).
    static func make(run: String, summary: NightlyRun.Summary, referenceDate: CalendarDate, store: any Store,
                     configuration: BPVConfiguration, results: [POKResult] = [],
                     exports: [ReportData.Export] = []) throws -> ReportData {
        var data = ReportData(run: run, referenceDate: referenceDate, exitStatus: summary.exitStatus.rawValue)
        data.erkenningWindowDays = configuration.reference.policy.expiringWithinDays
        for employer in configuration.employers { data.employers[employer.id] = employer.name ?? employer.id }
        data.files = summary.files.map { f in
            let (outcome, message) = RunJSON.describe(f.outcome)
            return ReportData.File(file: f.file, employer: f.employerID, mapping: f.mappingName, outcome: outcome,
                                   message: message, recordsRead: f.counts.recordsRead, stored: f.counts.entriesStored,
                                   rejected: f.counts.rejects, unresolved: f.counts.unresolved)
        }
        for f in summary.files {
            guard let batch = f.batchID, f.counts.rejects > 0,
                  f.outcome == .imported || f.outcome == .importedWithRejects else { continue }
            data.rejects += try store.rejects(batchID: batch).map { ReportData.RejectLine(employer: f.employerID, reject: $0) }
        }
        data.unresolved = summary.unresolved.map {
            ReportData.Unresolved(employer: $0.employer, identity: $0.identity, entries: $0.entries)
        }
        data.findings = summary.findings.map(ReportData.FindingLine.init)
        data.students = try store.values(of: StudentsKind.self).map { s in
            ReportData.StudentLine(number: s.studentNumber,
                                   name: [s.roepnaam, s.achternaam].compactMap { $0 }.joined(separator: " "),
                                   opleiding: s.opleiding, crebo: s.crebo, birthDate: s.geboortedatum)
        }
        if let result = summary.reconciliation {
            data.poks = result.progress.map(pokLine)
            (data.entries, data.weeks) = entriesAndWeeks(result.verdicts)
        }
        if let check = summary.erkenningCheck, !check.lists.isEmpty {
            for row in check.rows {
                let r = row.result
                guard [.expiring, .notCovered, .noErkenning].contains(r.status) else { continue }
                data.erkenningen.append(ReportData.ErkenningLine(
                    student: row.pok?.studentNumber, leerbedrijf: r.query.leerbedrijfID, leerbedrijfName: row.leerbedrijfName,
                    crebo: r.query.crebo, status: r.status.rawValue, coverageEnds: r.coverageEnds, daysLeft: r.daysLeft,
                    notCoveredSince: r.notCoveredSince))
            }
        }
        if let c = summary.reconciliationChanges {
            data.changes = ReportData.Changes(
                previousDate: c.previousDate, newEntries: c.newEntries, goneEntries: c.goneEntries,
                changedVerdicts: c.verdicts.count,
                statuses: c.statuses.map { ReportData.StatusChange(pok: $0.pokKey, before: $0.before, after: $0.after,
                                                                    countedBefore: $0.countedBefore,
                                                                    countedAfter: $0.countedAfter) })
        }
        data.results = results
        data.exports = exports
        return data
    }

    static func pokLine(_ p: POKProgress) -> ReportData.POKLine {
        ReportData.POKLine(key: p.pok.key, student: p.pok.studentNumber, leerbedrijf: p.pok.leerbedrijfID,
                           crebo: p.pok.crebo, begin: p.pok.begin, end: p.pok.end, status: p.status.rawValue,
                           requiredMinutes: p.requiredMinutes, countedMinutes: p.countedMinutes,
                           expectedMinutes: p.expectedMinutes, notCountedMinutes: p.notCounted.values.reduce(0, +),
                           projectedDate: p.projectedDate, weeksWithoutHours: p.weeksWithoutHours,
                           firstAssessmentDue: p.firstAssessmentDue)
    }

    /// The entries that do not count, and every student's hours per POK and week.
    static func entriesAndWeeks(_ verdicts: [EntryVerdict]) -> ([ReportData.EntryLine], [ReportData.WeekLine]) {
        struct Key: Hashable { var student: String; var pok: String?; var monday: Int }
        var weeks: [Key: ReportData.WeekLine] = [:]
        var entries: [ReportData.EntryLine] = []
        for v in verdicts {
            if !v.counts { entries.append(entryLine(v)) }
            guard let student = v.entry.entry.studentNumber else { continue }
            let date = v.entry.entry.date
            let key = Key(student: student, pok: v.pokKey, monday: date.dayNumber - (date.isoWeekday - 1))
            var week = weeks[key] ?? ReportData.WeekLine(student: student, pok: v.pokKey,
                                                         monday: CalendarDate(dayNumber: key.monday), entries: 0,
                                                         countedMinutes: 0, notCountedMinutes: 0)
            week.entries += 1
            if v.counts { week.countedMinutes += v.countedMinutes } else { week.notCountedMinutes += v.entry.entry.minutes }
            weeks[key] = week
        }
        let ordered = weeks.values.sorted { ($0.student, $0.pok ?? "", $0.monday) < ($1.student, $1.pok ?? "", $1.monday) }
        return (entries, ordered)
    }

    static func entryLine(_ v: EntryVerdict) -> ReportData.EntryLine {
        let e = v.entry.entry
        return ReportData.EntryLine(student: e.studentNumber, employer: e.employerID, identity: e.employeeIdentity,
                                    date: e.date, start: e.start.map { "\($0)" }, end: e.end.map { "\($0)" },
                                    minutes: e.minutes, category: e.category.rawValue, pok: v.pokKey,
                                    verdict: v.primary.rawValue, countedMinutes: v.countedMinutes,
                                    reasons: v.reasons.map(\.explanation), file: e.source.file, line: e.source.line)
    }
}
