import ArgumentParser
import BPVKit
#if canImport(Glibc)
import Glibc
#endif

/// `bpv`: the command line of BPVKit. Thin: it parses arguments, calls BPVKit, and prints.
@main
struct BPV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpv",
        abstract: "BPVKit: import employers' hour exports into the bpv dossier, every night.",
        discussion: ExitCode.help,
        version: "bpv \(BPVKit.version)",
        subcommands: [RunCommand.self, ImportCommand.self, ReconcileCommand.self, ExplainCommand.self, POKsCommand.self, HoursCommand.self, ConfigCommand.self, ErkenningCommand.self, KwalificatiedossierCommand.self, MappingCommand.self, AliasCommand.self,
                      LeerbedrijfCommand.self, ReportCommand.self])

    /// Every file bpv creates (the store and its journal, run records) holds personal data: none may be readable
    /// by others, whatever the caller's umask.
    static func main() {
        umask(0o027)
        main(nil)
    }
}
