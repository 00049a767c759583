import ArgumentParser
import BPVKit
import BPVModel
import BPVStore
import Foundation

/// Options shared by commands that open the store, and the one place the CLI opens it.
///
/// Which configuration: `--config`, else `$BPV_CONFIG`, else `./bpv.yaml` when there is one. Which database:
/// `--db`, else the configuration's. Without either there is no store to open: a command never falls back on an
/// empty `./bpv.sqlite` (which answered "no unresolved employees" about a database that was never filled).
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store (SQLite file). Default: the configuration's database.")
    var db: String?

    @Option(name: .long, help: "The bpv.yaml to use. Default: $BPV_CONFIG, else ./bpv.yaml when present.")
    var config: String?

    /// What a command does with the store: a read command never creates one.
    enum Access {
        case read, write
    }

    /// The configuration in use, if any (see the type's documentation).
    func configuration() throws -> BPVConfiguration? {
        guard let path = Self.configurationPath(config) else { return nil }
        return try BPVConfiguration.load(path: path)
    }

    /// `--config`, else `$BPV_CONFIG`, else `./bpv.yaml` when it exists.
    static func configurationPath(_ option: String?) -> String? {
        if let option { return option }
        if let environment = ProcessInfo.processInfo.environment["BPV_CONFIG"], !environment.isEmpty { return environment }
        return FileManager.default.fileExists(atPath: "bpv.yaml") ? "bpv.yaml" : nil
    }

    func databasePath() throws -> String {
        if let db { return db }
        if let configuration = try configuration() { return configuration.database }
        throw CLIError.usage("no store given: name it with --db, or a bpv.yaml with --config or $BPV_CONFIG "
                             + "(or run in the folder of bpv.yaml)")
    }

    /// Opens the store. For `.read`, a database that does not exist yet is an error, not a new empty one.
    func openStore(_ access: Access) throws -> SQLiteStore {
        let path = try databasePath()
        if access == .read && !FileManager.default.fileExists(atPath: path) {
            throw CLIError.failure("no store at \(path): nothing has been imported into it yet (run `bpv run`), "
                                   + "or name another one with --db or --config")
        }
        return try SQLiteStore(path: path)
    }

    /// The reference settings of the configuration (retention, the accreditation policy), or the defaults.
    /// A reconciler on the store, read-only, with the configuration's rules, erkenning policy, programmes and
    /// calendar (the defaults and none without a configuration).
    func reconciler() throws -> Reconciler {
        let store = try openStore(.read)
        guard let configuration = try configuration() else { return Reconciler(store: store) }
        return Reconciler(store: store, configuration: configuration)
    }

    func referenceSettings() throws -> ReferenceSettings {
        try configuration()?.reference ?? ReferenceSettings()
    }

    /// Checks that `employer` is a known employer id: one of the configuration's, or (without a configuration)
    /// one that a run saved in the store. A typo must not store hours under an employer that does not exist.
    func checkEmployer(_ employer: String, in store: SQLiteStore) throws {
        let known: [String]
        if let configuration = try configuration() {
            known = configuration.employers.map(\.id)
        } else {
            known = try store.employerIDs()
        }
        guard !known.contains(employer) else { return }
        let listed = known.isEmpty ? "none is known yet (run `bpv run` with the bpv.yaml that lists the employers)"
            : "known employers: " + known.joined(separator: ", ")
        throw CLIError.usage("unknown employer '\(Excerpt.of(employer))': \(listed)")
    }
}
