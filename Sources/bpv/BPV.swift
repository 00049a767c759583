import ArgumentParser
import BPVKit
import Foundation
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
        subcommands: [RunCommand.self, ImportCommand.self, ReconcileCommand.self, ExplainCommand.self, POKsCommand.self, ResultsCommand.self, ExportCommand.self, HoursCommand.self, ConfigCommand.self, ErkenningCommand.self, KwalificatiedossierCommand.self, MappingCommand.self, AliasCommand.self,
                      LeerbedrijfCommand.self, ReportCommand.self])

    /// Every file bpv creates (the store and its journal, run records) holds personal data: none may be readable
    /// by others, whatever the caller's umask.
    /// A configuration error ends every command with 78 and another run holding the lock with 75 (ExitCodes.swift).
    static func main() {
        umask(0o027)
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.configurationError.rawValue)
        } catch let error as RunLock.AlreadyRunning {
            FileHandle.standardError.write(Data("bpv run: \(error)\n".utf8))
            Foundation.exit(ExitStatus.alreadyRunning.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
