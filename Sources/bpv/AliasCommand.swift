import ArgumentParser
import BPVKit
import BPVModel
import BPVStore

/// `bpv alias`: link employers' employee identities to studentnummers.
struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Link an employer's employee identity to a studentnummer; stored entries are resolved at once.",
        subcommands: [Add.self, Import.self, Unresolved.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or change one alias.")
        @Option(name: .long, help: "The employer's id.") var employer: String
        @Option(name: .long, help: "The personeelsnummer, e-mail or name in the employer's exports.") var identity: String
        @Option(name: .long, help: "The studentnummer.") var student: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let number = Identifier.studentNumber(student) else {
                throw CLIError.usage("--student '\(Excerpt.of(student))' is not a studentnummer "
                                     + "(\(Identifier.studentNumberLengths.lowerBound) to "
                                     + "\(Identifier.studentNumberLengths.upperBound) digits)")
            }
            let dossier = try store.openStore(.write)
            try store.checkEmployer(employer, in: dossier)
            let saved = try dossier.saveAliases([EmployeeAlias(employerID: employer, identity: identity,
                                                               studentNumber: number)], origin: .command)
            let resolved = saved.resolved
            print("alias saved: \(employer) \(identity) -> \(number); \(resolved) stored entr\(resolved == 1 ? "y" : "ies") resolved")
            for move in saved.moves {
                print("moved: \(move.entriesMoved) stored entr\(move.entriesMoved == 1 ? "y" : "ies") from "
                      + "\(move.previousStudent) to \(number)")
            }
            print("note: the alias file (aliases: in bpv.yaml) is read every night and wins over this alias; "
                  + "add it there to keep it")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load aliases from a file (employer;identity;student).")
        @Argument(help: "The alias file.") var file: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let dossier = try store.openStore(.write)
            let (aliases, problems) = try AliasFile.read(path: file)
            let resolved = try dossier.saveAliases(aliases)
            for problem in problems { print(problem) }
            print("\(aliases.count) aliases loaded; \(resolved) stored entries resolved")
            if !problems.isEmpty { throw ExitCode(.completedWithRejects) }
        }
    }

    struct Unresolved: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List identities that no alias links to a student.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let dossier = try store.openStore(.read)
            let list = try dossier.unresolvedIdentities()
            if list.isEmpty { print("no unresolved employees") }
            for item in list { print("\(item.employerID)\t\(item.identity)\t\(item.entries) entries") }
        }
    }
}
