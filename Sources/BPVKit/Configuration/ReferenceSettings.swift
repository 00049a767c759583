import BPVModel
import BPVReconcile
import Foundation

/// The `reference:` section of `bpv.yaml`:
///
/// ```yaml
/// reference:
///   retention_days: 30              # erkenning rows of older snapshots are removed on import (SBB licence)
///   expiring_within_days: 90        # the check's default window
///   successor_erkenning_covers: false
///   lists:                          # imported by `bpv run`, each folder's files in name order
///     - { folder: reference/sbb, mapping: ../mappings/reference/sbb-erkenningen.yaml }
///     - { folder: reference/crebo, mapping: ../mappings/reference/sbb-crebolijst.yaml, edition: 2026-08-01 }
///     - { folder: reference/dossier, mapping: ../mappings/reference/sbb-kwalificatiedossier-basis.yaml }
/// poks: { file: school/poks.csv, mapping: ../mappings/sis/poks-school.yaml }
/// ```
public struct ReferenceSettings: Sendable, Equatable {
    /// Erkenning rows of snapshots retrieved more than this many days ago are removed on import, except each
    /// source's latest snapshot. Snapshots, changes and findings stay.
    public var retentionDays = 30
    public var policy = ErkenningPolicy()
    public var lists: [ListFeed] = []

    /// Where one kind of list arrives and which mapping reads it. A folder may appear in several feeds, each with
    /// its own mapping (the kwalificatiedossier XML: crebos, basisdeel and profiles).
    public struct ListFeed: Sendable, Equatable {
        /// A folder whose `.csv`/`.txt`/`.xml` files are imported in name order, or one file.
        public var path: String
        public var isFolder: Bool
        public var mapping: String
        /// The crebo list's edition date (geldig vanaf), for files without a column for it.
        public var edition: CalendarDate?

        /// The feed at `steps` of the file (`reference.lists[n]`, `poks`); errors name its place.
        init(_ feed: File.Feed, yaml: ConfigurationYAML, at steps: [ConfigurationYAML.Step],
             resolve: (String) -> String, inInbox: (String) -> String) throws {
            switch (feed.folder, feed.file) {
            case (let folder?, nil): path = inInbox(folder); isFolder = true
            case (nil, let file?): path = resolve(file); isFolder = false
            default:
                throw yaml.error(at: steps + [.key("file")],
                                 "a list needs either 'folder' (under the inbox) or 'file', not both or neither")
            }
            guard !feed.mapping.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw yaml.error(at: steps + [.key("mapping")], "\(yaml.entryName(steps)) has an empty 'mapping' ("
                                 + (ConfigurationYAML.requiredKeyPurpose["mapping"] ?? "a value") + ")")
            }
            mapping = resolve(feed.mapping)
            if let text = feed.edition {
                guard let date = CalendarDate(iso: text) else {
                    throw yaml.error(at: steps + [.key("edition")], "edition '\(text)' is not a date like 2026-08-01")
                }
                edition = date
            }
        }
    }

    struct File: Decodable {
        struct Feed: Decodable {
            var folder: String?
            var file: String?
            var mapping: String
            var edition: String?
        }
        var retention_days: Int?
        var expiring_within_days: Int?
        var successor_erkenning_covers: Bool?
        var lists: [Feed]?
    }

    public init() {}

    /// The `reference:` section; errors name their place in `yaml`.
    init(_ file: File, yaml: ConfigurationYAML, resolve: (String) -> String, inInbox: (String) -> String) throws {
        if let days = file.retention_days {
            guard days >= 0 else {
                throw yaml.error(at: [.key("reference"), .key("retention_days")], "reference.retention_days must be 0 or more")
            }
            retentionDays = days
        }
        if let days = file.expiring_within_days {
            guard days >= 0 else {
                throw yaml.error(at: [.key("reference"), .key("expiring_within_days")],
                                 "reference.expiring_within_days must be 0 or more")
            }
            policy.expiringWithinDays = days
        }
        policy.successorErkenningCovers = file.successor_erkenning_covers ?? false
        lists = try (file.lists ?? []).enumerated().map { index, feed in
            try ListFeed(feed, yaml: yaml, at: [.key("reference"), .key("lists"), .index(index)], resolve: resolve,
                         inInbox: inInbox)
        }
    }

    /// The files a feed holds now.
    public func files(of feed: ListFeed) throws -> [String] {
        feed.isFolder ? try NightlyRun.exportFiles(in: feed.path)
            : (FileManager.default.fileExists(atPath: feed.path) ? [feed.path] : [])
    }
}
