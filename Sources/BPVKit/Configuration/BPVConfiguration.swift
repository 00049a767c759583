import BPVReconcile
import Foundation

/// `bpv.yaml`: where the database, the inbox and the output are, and which mapping each employer's folder uses.
/// Relative paths are relative to the configuration file's folder. Secrets never live here.
public struct BPVConfiguration: Sendable {
    /// One employer that sends hour exports.
    public struct Employer: Sendable, Equatable {
        /// The employer's key (text): used in the store, the alias table and the import source.
        public var id: String
        public var name: String?
        /// The leerbedrijf-ID when the employer is itself the leerbedrijf; absent for an uitzendbureau.
        public var leerbedrijfID: String?
        /// The folder (under the inbox) where its exports arrive.
        public var folder: String
        /// The mapping file for its exports.
        public var mapping: String
        /// An uitzendbureau's entries while several POKs of the student run (`pok_choice`, default `refuse`).
        public var pokChoice: POKAttributionRule.Choice = .refuse
    }

    public var path: String
    public var database: String
    public var output: String
    public var inbox: String
    public var aliases: String?
    public var employers: [Employer]
    /// Whether a symbolic link in the inbox may lead to a file outside it (`follow_links_out_of_inbox`, default
    /// `false`: such a file is refused, see ``InboxFiles``).
    public var followLinksOutOfInbox = false
    /// Reference data: SBB lists and crebo lists to import, retention, and the accreditation rule's settings.
    public var reference = ReferenceSettings()
    /// The POK list to import each night, if any.
    public var poks: ReferenceSettings.ListFeed?
    /// Lists of any record kind from the student administration (`lists:`: students...), each a folder or a file
    /// with the mapping that reads it; imported each night in the kinds' order, before the SBB lists.
    public var lists: [ReferenceSettings.ListFeed] = []
    /// The reconciliation rules' settings (`rules:`).
    public var rules = ReconcileSettings()
    /// The folder of programme files (`programmes:`), resolved; `nil` when not given.
    public var programmesFolder: String?
    /// The school calendar file (`calendar:`), resolved; `nil` when not given.
    public var calendarFile: String?
    /// The programmes read from ``programmesFolder`` when the configuration was read (the files are checked then,
    /// so `bpv config show` and every command report a bad programme file at its line).
    public var programmes: [Programme] = []
    /// The school calendar read from ``calendarFile``.
    public var calendar: SchoolCalendar?
    /// The nightly run's operation: file lifecycle, lock, metrics, log, thresholds (``NightlySettings``).
    public var nightly = NightlySettings()
    /// The export layouts the nightly run writes (`exports:`, layout files), read and checked with the configuration.
    public var exports: [ExportLayout] = []
    /// A folder of the school's own report templates (`report: templates:`), resolved: a `<name>.mustache` there
    /// replaces the shipped one of that name. `nil`: the shipped templates.
    public var reportTemplates: String?

    private struct File: Decodable {
        struct EmployerEntry: Decodable {
            var id: String
            var name: String?
            var leerbedrijf: String?
            var folder: String
            var mapping: String
            var pok_choice: String?
        }
        var database: String?
        var output: String?
        var inbox: String?
        var aliases: String?
        var employers: [EmployerEntry]?
        var follow_links_out_of_inbox: Bool?
        var reference: ReferenceSettings.File?
        var poks: ReferenceSettings.File.Feed?
        var lists: [ReferenceSettings.File.Feed]?
        var rules: RuleSettings.File?
        var programmes: String?
        var calendar: String?
        var files: NightlySettings.File.Files?
        var lock: String?
        var metrics: String?
        var log: NightlySettings.File.Log?
        var thresholds: NightlySettings.File.Thresholds?
        var exports: [String]?
        var report: ReportSection?
    }
    struct ReportSection: Decodable {
        var templates: String?
    }

    /// Reads `bpv.yaml`. Errors are `file:line:column: what was expected` (``ConfigurationYAML``): YAML syntax, keys
    /// written twice, unknown keys (errors: a misspelt key must not quietly change what the night imports), values
    /// of the wrong kind, missing or empty keys, and values that do not fit (an employer id twice, a bad date).
    public static func load(path: String) throws -> BPVConfiguration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): cannot read the configuration file")
        }
        let yaml = try ConfigurationYAML(text: text, path: path)
        let secrets = yaml.secrets()
        var problems = secrets + yaml.unknownKeys().filter { key in    // a secret is reported as that, once
            !secrets.contains { $0.line == key.line && $0.column == key.column }
        }
        var decoded: File?
        do {
            decoded = try yaml.decode(File.self)
        } catch {
            problems.append(error)
        }
        guard problems.isEmpty, let file = decoded else { throw ConfigurationError(path: path, problems: problems) }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : base.appendingPathComponent(p).standardizedFileURL.path
        }
        var ids = Set<String>()
        var employers: [Employer] = []
        for (index, entry) in (file.employers ?? []).enumerated() {
            let at: [ConfigurationYAML.Step] = [.key("employers"), .index(index)]
            for (key, value) in [("id", entry.id), ("folder", entry.folder), ("mapping", entry.mapping)]
            where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw yaml.error(at: at + [.key(key)], "\(yaml.entryName(at)) has an empty '\(key)' ("
                                 + (ConfigurationYAML.requiredKeyPurpose[key] ?? "a value") + ")")
            }
            guard ids.insert(entry.id).inserted else {
                throw yaml.error(at: at + [.key("id")], "employer id '\(entry.id)' appears twice")
            }
            var employer = Employer(id: entry.id, name: entry.name, leerbedrijfID: entry.leerbedrijf,
                                    folder: entry.folder, mapping: resolve(entry.mapping))
            if let text = entry.pok_choice {
                guard let choice = POKAttributionRule.Choice(rawValue: text) else {
                    throw yaml.error(at: at + [.key("pok_choice")], "pok_choice is "
                        + POKAttributionRule.Choice.allCases.map(\.rawValue).joined(separator: ", ") + ", not '\(text)'")
                }
                employer.pokChoice = choice
            }
            employers.append(employer)
        }
        let inbox = resolve(file.inbox ?? "inbox")
        var configuration = BPVConfiguration(path: path, database: resolve(file.database ?? "bpv.sqlite"),
                                             output: resolve(file.output ?? "out"), inbox: inbox,
                                             aliases: file.aliases.map(resolve), employers: employers)
        configuration.followLinksOutOfInbox = file.follow_links_out_of_inbox ?? false
        func inInbox(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: inbox).appendingPathComponent(p).standardizedFileURL.path
        }
        if let reference = file.reference {
            configuration.reference = try ReferenceSettings(reference, yaml: yaml, resolve: resolve, inInbox: inInbox)
        }
        configuration.lists = try (file.lists ?? []).enumerated().map { index, feed in
            try ReferenceSettings.ListFeed(feed, yaml: yaml, at: [.key("lists"), .index(index)], resolve: resolve,
                                           inInbox: inInbox)
        }
        if let rules = file.rules { configuration.rules = try RuleSettings.settings(rules, yaml: yaml) }
        for employer in employers where employer.pokChoice != .refuse {
            configuration.rules.pokChoice[employer.id] = employer.pokChoice
        }
        if let poks = file.poks {
            configuration.poks = try ReferenceSettings.ListFeed(poks, yaml: yaml, at: [.key("poks")], resolve: resolve,
                                                                inInbox: resolve)
        }
        try configuration.nightly.read(files: file.files, lock: file.lock, metrics: file.metrics, log: file.log,
                                       thresholds: file.thresholds, yaml: yaml, resolve: resolve)
        configuration.calendarFile = file.calendar.map(resolve)
        configuration.reportTemplates = file.report?.templates.map(resolve)
        configuration.programmesFolder = file.programmes.map(resolve)
        if let calendarFile = configuration.calendarFile {
            configuration.calendar = try TimetableFiles.calendar(path: calendarFile)
        }
        if let folder = configuration.programmesFolder {
            configuration.programmes = try TimetableFiles.programmes(folder: folder, calendar: configuration.calendar)
        }
        configuration.exports = try (file.exports ?? []).map { try ExportLayout.load(path: resolve($0)) }
        if let calendar = configuration.calendar, let calendarFile = configuration.calendarFile {
            try TimetableFiles.checkProgrammeNames(calendar, at: calendarFile, configuration.programmes)
        }
        return configuration
    }

    /// The folder holding an employer's exports.
    public func folder(of employer: Employer) -> String {
        employer.folder.hasPrefix("/") ? employer.folder
            : URL(fileURLWithPath: inbox).appendingPathComponent(employer.folder).standardizedFileURL.path
    }
}

/// A configuration file that cannot be used.
public struct ConfigurationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
