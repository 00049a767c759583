import ArgumentParser
import BPVKit
import BPVModel
import BPVStore
import Foundation

/// `bpv erkenning`: the accreditation check per POK.
struct ErkenningCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "erkenning",
        abstract: "Check that every POK's leerbedrijf is accredited (erkend) for the POK's crebo on every day of the POK.",
        discussion: """
            For each current POK of the crebo (and/or at the leerbedrijf): accredited on every day from the POK's \
            begin to the reference date or its end; since when not; whether the coverage ends within the window; \
            whether the crebo has ended or been replaced (with the successor chain). Without POKs it checks \
            leerbedrijf/crebo pairs on the reference date. Without --crebo and --leerbedrijf: every current POK.
            Example: bpv erkenning --crebo 25798 --expiring-within 90d --format csv
            """)

    @Option(name: .long, help: "The crebo (5 digits).") var crebo: String?
    @Option(name: .long, help: "A leerbedrijf-ID (or legacy code).") var leerbedrijf: String?
    @Option(name: .long, help: "The reference date (yyyy-MM-dd). Default: today.") var on: String?
    @Option(name: .long, help: "The window for 'expiring': 90d, 12w or a number of days. Default: the config's, else 90d.")
    var expiringWithin: String?
    @Flag(name: .long, inversion: .prefixedNo,
          help: "Count an erkenning for a successor crebo as covering the replaced crebo. Default: the config's, else no.")
    var successorCovers: Bool?
    @Option(name: .long, help: "table (for people), csv or json.") var format: Format = .table
    @OptionGroup var csv: CSVOutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var settings = try store.referenceSettings()
        if let window = expiringWithin { settings.policy.expiringWithinDays = try Self.days(window) }
        if let successorCovers { settings.policy.successorErkenningCovers = successorCovers }
        let date = try on.map { try parseDate($0, option: "--on") } ?? calendarDate(Date())
        let dossier = try store.openStore(.read)
        let report: ErkenningCheck.Report
        do {
            report = try ErkenningCheck(store: dossier).run(.init(crebo: crebo, leerbedrijf: leerbedrijf,
                                                                  referenceDate: date, policy: settings.policy))
        } catch let error as ErkenningCheck.RequestError {
            throw ValidationError(error.description)
        }
        switch format {
        case .table: print(report.table(), terminator: "")
        case .csv: csv.print(report.csv())
        case .json: print(String(decoding: try report.json(), as: UTF8.self))
        }
    }

    /// `90d`, `12w`, `90` → days.
    static func days(_ text: String) throws -> Int {
        let t = text.trimmingWhitespace().lowercased()
        let unit = t.last.map { $0 == "d" ? 1 : $0 == "w" ? 7 : 0 } ?? 0
        let number = unit == 0 ? t : String(t.dropLast())
        guard let n = Int(number), n >= 0 else {
            throw ValidationError("--expiring-within '\(text)' is not a number of days like 90d or 12w")
        }
        return n * max(unit, 1)
    }
}

/// `bpv leerbedrijf alias`: link a legacy 17-character code to a 9-digit leerbedrijf-ID by hand.
struct LeerbedrijfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leerbedrijf", abstract: "Leerbedrijf identities.", subcommands: [Alias.self])

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a legacy 17-character leerbedrijf code to its 9-digit leerbedrijf-ID (wins over list aliases).")
        @Option(name: .long, help: "The legacy code.") var legacy: String
        @Option(name: .long, help: "The 9-digit leerbedrijf-ID.") var id: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard case .legacy(let code)? = Identifier.leerbedrijf(legacy) else {
                throw ValidationError("--legacy '\(legacy)' is not a 17-character legacy code")
            }
            guard case .id(let leerbedrijfID)? = Identifier.leerbedrijf(id) else {
                throw ValidationError("--id '\(id)' is not a leerbedrijf-ID (7 to 10 digits)")
            }
            let dossier = try store.openStore(.write)
            try dossier.saveLeerbedrijfAliases([LeerbedrijfAlias(legacyCode: code, leerbedrijfID: leerbedrijfID, origin: .manual)])
            print("alias saved: \(code) -> \(leerbedrijfID)")
        }
    }
}

/// `--bom` for `--format csv`: the CSV on standard output is for other tools and goes without a byte-order mark;
/// `--bom` puts one in front, for output redirected to a file that people open in a spreadsheet (as the run
/// record's CSVs, which always have one).
struct CSVOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "With --format csv: start with a UTF-8 byte-order mark (for a file opened in Excel).")
    var bom = false

    func print(_ table: CSVTable) {
        Swift.print(String(decoding: table.data(byteOrderMark: bom), as: UTF8.self), terminator: "")
    }
}
