import BPVModel
import BPVReconcile

/// The configuration as bpv reads it, for people (`bpv config show`): what a night will do, with every default
/// it fills in. YAML-shaped, so that it reads like the file it came from.
public enum ConfigurationSummary {
    public static func text(_ c: BPVConfiguration) -> String {
        var out = "# \(c.path), as bpv reads it\n"
        out += "database: \(c.database)\noutput: \(c.output)\ninbox: \(c.inbox)\n"
        out += "aliases: \(c.aliases ?? "(none)")\nfollow_links_out_of_inbox: \(c.followLinksOutOfInbox)\n"
        out += "employers:\n"
        for e in c.employers {
            out += "  - id: \(e.id)\n    leerbedrijf: \(e.leerbedrijfID ?? "(none: an uitzendbureau or holding)")\n"
            out += "    folder: \(c.folder(of: e))\n    mapping: \(e.mapping)\n    pok_choice: \(e.pokChoice.rawValue)\n"
        }
        func feed(_ f: ReferenceSettings.ListFeed) -> String {
            "  - \(f.isFolder ? "folder" : "file"): \(f.path)\n    mapping: \(f.mapping)\n"
                + (f.edition.map { "    edition: \($0)\n" } ?? "")
        }
        out += "lists:\n" + (c.poks.map(feed) ?? "") + c.lists.map(feed).joined()
        out += "reference:\n  retention_days: \(c.reference.retentionDays)\n"
        out += "  expiring_within_days: \(c.reference.policy.expiringWithinDays)\n"
        out += "  successor_erkenning_covers: \(c.reference.policy.successorErkenningCovers)\n"
        out += "  lists:\n" + c.reference.lists.map { "  " + feed($0).replacingOccurrences(of: "\n    ", with: "\n      ") }.joined()
        let r = c.rules
        out += "rules:\n  counted_categories: [\(r.categories.counted.map(\.rawValue).sorted().joined(separator: ", "))]\n"
        out += "  approval: \(r.approval.policy.rawValue)\n  pace_weeks: \(r.progress.paceWeeks)\n"
        out += "  first_assessment_weeks: \(r.progress.firstAssessmentWeeks)\n"
        out += "programmes: \(c.programmesFolder ?? "(none)")\n"
        for p in c.programmes {
            out += "  - \(p.name): crebos [\(p.crebos.joined(separator: ", "))]\n"
            for y in p.years {
                out += "      leerjaar \(y.leerjaren.sorted().map(String.init).joined(separator: ", ")):"
                    + (y.schoolDays.isEmpty ? "" : " school days \(y.schoolDays.sorted().map(Weekday.name).joined(separator: ", "));")
                    + (y.lessonHours.map { " lessons \($0.from)–\($0.until);" } ?? "")
                    + (y.sundayLatestEnd.map { " Sundays until \($0);" } ?? "") + "\n"
            }
        }
        out += "calendar: \(c.calendarFile ?? "(none)")\n"
        if let calendar = c.calendar {
            for o in calendar.obligations { out += "  - obligation \(o.name): \(o.dates)\n" }
            for h in calendar.holidays { out += "  - holiday \(h.name): \(h.dates)\n" }
        }
        let n = c.nightly
        out += "files:\n  after_import: \(n.afterImport.rawValue)\n  archive: \(c.archiveFolder)\n"
        out += "  quarantine: \(c.quarantineFolder)\n  settle_minutes: \(n.settleMinutes)\n"
        out += "lock: \(c.lockFile)\nmetrics: \(n.metricsFile ?? "(none)")\n"
        out += "log:\n  format: \(n.logFormat.rawValue)\n  level: \(n.logLevel)\n"
        out += "thresholds:\n  findings: \(n.findingsThreshold?.rawValue ?? "(none: findings never change the exit code)")\n"
        return out
    }
}
