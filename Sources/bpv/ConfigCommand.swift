import ArgumentParser
import BPVKit
import BPVModel

/// `bpv config show`: the configuration as bpv reads it (paths resolved, defaults filled in, the rules' settings).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show or check the configuration as bpv reads it.", subcommands: [Show.self, Check.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print bpv.yaml as bpv reads it: every path resolved, every default filled in, the rules' settings.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let configuration = try store.configuration() else {
                throw CLIError.usage("no configuration: give --config, set $BPV_CONFIG, or run in the folder of bpv.yaml")
            }
            print(ConfigurationSummary.text(configuration), terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check bpv.yaml (every path, every mapping) and print what the nightly run would do.",
            discussion: "Exit 0 when the nightly run can go; 78 when bpv.yaml must be fixed first.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let configuration = try store.configuration() else {
                throw CLIError.usage("no configuration: give --config, set $BPV_CONFIG, or run in the folder of bpv.yaml")
            }
            let check = ConfigurationCheck(configuration)
            for line in check.plan { print(line) }
            for error in check.errors { printError("error: \(error)") }
            if !check.errors.isEmpty {
                printError("\(configuration.path): \(check.errors.count) problem(s): the nightly run would fail")
                throw ExitCode(.configurationError)
            }
            print("\(configuration.path): ok")
        }
    }
}
