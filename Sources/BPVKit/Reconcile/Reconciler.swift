import BPVIngest
import Crypto
import Foundation
import BPVModel
import BPVReconcile
import BPVStore

/// Reads what a reconciliation looks at from the store (students, current POKs, active hour entries, the
/// employers' leerbedrijven, and the erkenning check of every POK) and runs ``HourReconciliation`` on it. The one
/// loader: `bpv reconcile`, `bpv explain` and the nightly run all go through it.
public struct Reconciler {
    public let store: any Store
    public var settings: ReconcileSettings
    /// The erkenning check's policy (the successor-crebo rule).
    public var erkenningPolicy: ErkenningPolicy
    /// The programmes' timetables and the school calendar: not in the store but files named in bpv.yaml, read and
    /// checked with the configuration (``BPVConfiguration/programmes``, ``BPVConfiguration/calendar``) and passed in
    /// here; ``input(on:)`` hands them to the reconciliation. Empty: no programme findings.
    public var programmes: [Programme]
    public var calendar: SchoolCalendar?

    public init(store: any Store, settings: ReconcileSettings = ReconcileSettings(),
                erkenningPolicy: ErkenningPolicy = ErkenningPolicy(), programmes: [Programme] = [],
                calendar: SchoolCalendar? = nil) {
        self.store = store
        self.settings = settings
        self.erkenningPolicy = erkenningPolicy
        self.programmes = programmes
        self.calendar = calendar
    }

    /// A reconciler with the configuration's settings, erkenning policy, programmes and calendar.
    public init(store: any Store, configuration: BPVConfiguration) {
        self.init(store: store, settings: configuration.rules, erkenningPolicy: configuration.reference.policy,
                  programmes: configuration.programmes, calendar: configuration.calendar)
    }

    /// Reconciles the whole store on `referenceDate`.
    public func run(on referenceDate: CalendarDate) throws -> ReconcileResult {
        HourReconciliation(settings: settings).run(try input(on: referenceDate))
    }

    /// Reconciles on `referenceDate`, keeps the result in the store and says what changed since the last kept one.
    public func runAndKeep(on referenceDate: CalendarDate) throws -> (ReconcileResult, ReconciliationChanges) {
        let input = try input(on: referenceDate)
        let fingerprint = Self.fingerprint(input, settings: settings)
        let result = HourReconciliation(settings: settings).run(input)   // its last use: the entries go with it
        let current = StoredReconciliation(result, fingerprint: fingerprint)
        let previous = try store.lastReconciliation()
        let changes = ReconciliationChanges(previous: previous, current: current, result: result)
        _ = try store.saveReconciliation(current, previous: previous)
        return (result, changes)
    }

    /// What a run looked at, in a few bytes: the date, the settings, and every entry, POK and student by identity.
    static func fingerprint(_ input: ReconcileInput, settings: ReconcileSettings) -> String {
        var hasher = SHA256Text()
        hasher.add(input.referenceDate.iso)
        hasher.add("\(settings)")
        // Entries as bytes (id and studentnummer), in id order: millions of them, no text per entry.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 16)
        for e in input.entries {
            withUnsafeBytes(of: e.id.littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: (e.entry.studentNumber ?? "").utf8)
            bytes.append(0)
            if bytes.count >= 1 << 16 { hasher.add(bytes); bytes.removeAll(keepingCapacity: true) }
        }
        hasher.add(bytes)
        for p in input.poks.map(\.key).sorted() { hasher.add(p) }
        for s in input.students.map(\.studentNumber).sorted() { hasher.add(s) }
        for (key, gaps) in input.erkenningGaps.sorted(by: { $0.key < $1.key }) { hasher.add("\(key)=\(gaps)") }
        // Only when given, so the fingerprints of runs without programme files stay as they were.
        if !input.programmes.isEmpty { hasher.add("programmes=\(input.programmes)") }
        if let calendar = input.calendar { hasher.add("calendar=\(calendar)") }
        return hasher.hex
    }

    /// The reconciliation's input on `referenceDate`.
    public func input(on referenceDate: CalendarDate) throws -> ReconcileInput {
        let leerbedrijven = try store.employerLeerbedrijven()
        var entries: [ReconcileEntry] = []
        try store.forEachActiveHourEntry {
            entries.append(ReconcileEntry(id: $0.id, entry: $0.entry, employerLeerbedrijfID: leerbedrijven[$0.entry.employerID]))
        }
        let poks = try store.currentPOKs(crebo: nil, leerbedrijfID: nil)
        return ReconcileInput(referenceDate: referenceDate, students: try store.values(of: StudentsKind.self),
                              poks: poks, entries: entries, erkenningGaps: try erkenningGaps(poks, on: referenceDate),
                              programmes: programmes, calendar: calendar)
    }

    /// The days of each POK's period that no erkenning covers, from the erkenning check. Without any SBB list
    /// imported nothing is known about erkenningen, and no day is held against the hours.
    func erkenningGaps(_ poks: [POK], on referenceDate: CalendarDate) throws -> [String: [DateRange]] {
        guard !poks.isEmpty else { return [:] }
        let report = try ErkenningCheck(store: store).run(.init(crebo: nil, leerbedrijf: nil,
                                                                referenceDate: referenceDate, policy: erkenningPolicy))
        guard !report.lists.isEmpty else { return [:] }
        var gaps: [String: [DateRange]] = [:]
        for row in report.rows {
            guard let pok = row.pok else { continue }
            let result = row.result
            gaps[pok.key] = result.status == .noErkenning && result.gaps.isEmpty ? [result.checked] : result.gaps
        }
        return gaps
    }
}


/// SHA-256 over a sequence of texts, each ended by a line break.
struct SHA256Text {
    private var hasher = SHA256()
    mutating func add(_ text: String) { hasher.update(data: Data((text + "\n").utf8)) }
    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
    var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }
}
