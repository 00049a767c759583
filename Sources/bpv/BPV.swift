import ArgumentParser
import BPVKit

/// `bpv`: the command line of BPVKit. Thin: it parses arguments, calls BPVKit, and prints.
@main
struct BPV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpv",
        abstract: "BPVKit: import employers' hour exports into the bpv dossier, every night.",
        discussion: """
            Exit codes: 0 all stored; 3 completed with rejects (listed and stored); 4 a file failed as a whole \
            (nothing of it stored, the others went on); 1 configuration or store error; 64 usage error.
            """,
        subcommands: [RunCommand.self, ImportCommand.self, ErkenningCommand.self, DossierCommand.self, MappingCommand.self, AliasCommand.self,
                      LeerbedrijfCommand.self])
}

/// Options shared by commands that open the dossier.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The dossier database (SQLite file). Default: the config's database, else ./bpv.sqlite.")
    var db: String?

    @Option(name: .long, help: "A bpv.yaml whose database and employers to use.")
    var config: String?

    func databasePath() throws -> String {
        if let db { return db }
        if let config { return try BPVConfiguration.load(path: config).database }
        return "bpv.sqlite"
    }

    /// The reference settings of `--config` (retention, the accreditation policy), or the defaults.
    func referenceSettings() throws -> ReferenceSettings {
        try config.map { try BPVConfiguration.load(path: $0).reference } ?? ReferenceSettings()
    }
}
