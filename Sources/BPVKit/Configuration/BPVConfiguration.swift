import Foundation
import Yams

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

    private struct File: Decodable {
        struct EmployerEntry: Decodable {
            var id: String
            var name: String?
            var leerbedrijf: String?
            var folder: String
            var mapping: String
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
    }

    /// Reads `bpv.yaml`. Errors name the file and what is wrong.
    public static func load(path: String) throws -> BPVConfiguration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): cannot read the configuration file")
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ConfigurationError("\(path): not a valid bpv.yaml: \(error)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : base.appendingPathComponent(p).standardizedFileURL.path
        }
        let employers = (file.employers ?? []).map {
            Employer(id: $0.id, name: $0.name, leerbedrijfID: $0.leerbedrijf, folder: $0.folder,
                     mapping: resolve($0.mapping))
        }
        var ids = Set<String>()
        for employer in employers where !ids.insert(employer.id).inserted {
            throw ConfigurationError("\(path): employer id '\(employer.id)' appears twice")
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
            configuration.reference = try ReferenceSettings(reference, configPath: path, resolve: resolve, inInbox: inInbox)
        }
        configuration.lists = try (file.lists ?? []).map {
            try ReferenceSettings.ListFeed($0, configPath: path, resolve: resolve, inInbox: resolve)
        }
        if let poks = file.poks {
            configuration.poks = try ReferenceSettings.ListFeed(poks, configPath: path, resolve: resolve, inInbox: resolve)
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
