import BPVModel
import BPVReconcile
import BPVStore
import Foundation

/// The accreditation check: for every current POK of a crebo (and/or at a leerbedrijf), is the leerbedrijf
/// accredited for that crebo on every day of the POK, since when not, does the coverage expire soon, and has the
/// crebo ended or been replaced. Reads the store, runs ``ErkenningCoverageRule``; changes nothing.
///
/// Without POKs for the selection, it checks leerbedrijf/crebo pairs on the reference date instead: the given
/// leerbedrijf, or every leerbedrijf the latest lists name for the crebo. With neither a crebo nor a leerbedrijf it
/// checks every current POK (the nightly run).
public struct ErkenningCheck {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public struct Options: Sendable {
        public var crebo: String?
        /// A 9-digit id or a legacy code (resolved through the alias table).
        public var leerbedrijf: String?
        public var referenceDate: CalendarDate
        public var policy: ErkenningPolicy

        public init(crebo: String?, leerbedrijf: String?, referenceDate: CalendarDate,
                    policy: ErkenningPolicy = ErkenningPolicy()) {
            self.crebo = crebo
            self.leerbedrijf = leerbedrijf
            self.referenceDate = referenceDate
            self.policy = policy
        }
    }

    /// One checked placement.
    public struct Row: Sendable {
        public var result: ErkenningCoverage
        /// The POK, or `nil` for a leerbedrijf/crebo pair.
        public var pok: POK?
        public var leerbedrijfName: String?
    }

    public struct Report: Sendable {
        public enum Mode: String, Sendable { case poks, pairs }
        public var mode: Mode
        public var options: Options
        public var rows: [Row]
        /// The latest snapshot of every list source: what the answers rest on.
        public var lists: [ErkenningSnapshot]
        public var creboListImported: Bool
        /// Things to know about the answer as a whole.
        public var notes: [String]
    }

    /// A problem with the request itself.
    public struct RequestError: Error, CustomStringConvertible {
        public var description: String
    }

    public func run(_ options: Options) throws -> Report {
        var options = options
        let aliases = Dictionary(try store.leerbedrijfAliases().map { ($0.legacyCode, $0.leerbedrijfID) },
                                 uniquingKeysWith: { a, _ in a })
        if let given = options.crebo {
            guard let crebo = Identifier.crebo(given) else {
                throw RequestError(description: "--crebo '\(given)' is not a crebo (5 digits, like 25798)")
            }
            options.crebo = crebo
        }
        if let given = options.leerbedrijf {
            guard let reference = Identifier.leerbedrijf(given) else {
                throw RequestError(description: "--leerbedrijf '\(given)' is not a leerbedrijf-ID (9 digits) or a legacy code")
            }
            options.leerbedrijf = aliases[reference.text] ?? reference.text
        }
        var notes: [String] = []
        let latest = Dictionary(grouping: try store.erkenningSnapshots(), by: \.source).compactMap { $0.value.first }
            .sorted { $0.source < $1.source }
        if latest.isEmpty { notes.append("no SBB list has been imported: every placement shows as not accredited") }

        var mode = Report.Mode.poks
        var queries: [(ErkenningQuery, POK?)] = try store.currentPOKs(crebo: options.crebo, leerbedrijfID: options.leerbedrijf)
            .map { (ErkenningQuery($0), $0) }
        let current = try store.currentErkenningen(leerbedrijfIDs: nil)
        if queries.isEmpty && options.crebo == nil && options.leerbedrijf == nil {
            notes.append("no POKs have been imported: nothing to check")
        } else if queries.isEmpty {
            mode = .pairs
            let day = options.referenceDate
            if let crebo = options.crebo, let leerbedrijf = options.leerbedrijf {
                queries = [(ErkenningQuery(leerbedrijfID: leerbedrijf, crebo: crebo, begin: day, end: day), nil)]
            } else {
                let pairs = Set(current.filter { e in
                    (options.crebo.map { e.crebo == $0 } ?? true) && (options.leerbedrijf.map { e.leerbedrijfID == $0 } ?? true)
                }.map { LeerbedrijfCrebo(leerbedrijfID: $0.leerbedrijfID, crebo: $0.crebo) })
                queries = pairs.sorted().map {
                    (ErkenningQuery(leerbedrijfID: $0.leerbedrijfID, crebo: $0.crebo, begin: day, end: day), nil)
                }
            }
            notes.append("no POKs for this selection: checked leerbedrijf/crebo pairs on \(day) instead")
        }

        let leerbedrijfIDs = Set(queries.map(\.0.leerbedrijfID))
        let erkenningen = current.filter { leerbedrijfIDs.contains($0.leerbedrijfID) }
        let stillListed = Set(erkenningen.map(\.key))
        let withdrawn = try store.withdrawnErkenningen(leerbedrijfIDs: leerbedrijfIDs)
            .filter { !stillListed.contains($0.erkenning.key) }
        let register = CreboRegister(try store.kwalificaties(crebos: nil))
        if register.isEmpty { notes.append("no crebo list has been imported: crebo ends and successors are unknown") }
        let names = Dictionary(try store.leerbedrijven(ids: leerbedrijfIDs).map { ($0.id, $0.name) },
                               uniquingKeysWith: { a, _ in a })

        let rule = ErkenningCoverageRule(settings: options.policy)
        let rows = queries.map { query, pok in
            Row(result: rule.evaluate(.init(query: query, on: options.referenceDate, erkenningen: erkenningen,
                                            withdrawn: withdrawn, register: register)),
                pok: pok, leerbedrijfName: names[query.leerbedrijfID] ?? nil)
        }
        return Report(mode: mode, options: options, rows: rows, lists: latest, creboListImported: !register.isEmpty,
                      notes: notes)
    }
}
