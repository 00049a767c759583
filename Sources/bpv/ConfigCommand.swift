import ArgumentParser
import BPVKit
import BPVModel

/// `bpv config show`: the configuration as bpv reads it (paths resolved, defaults filled in, the rules' settings).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the configuration as bpv reads it.", subcommands: [Show.self])

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
}
