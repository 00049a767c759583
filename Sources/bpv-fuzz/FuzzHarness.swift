import BPVIngest
import BPVModel
import Foundation

/// The fuzz target of the readers (issue #10): one input is a selector byte and the bytes of a file. The selector
/// picks a mapping (with the employer it is used for) and a way of reading; the rest of the input is written to a
/// temporary file with the mapping's extension and read to the end. A ``FileLevelError`` (or any other thrown
/// error) is a clean refusal; only a trap, a sanitizer report, a hang or a memory blow-up is a finding.
///
/// The selector byte: its low five bits index ``FuzzHarness/mappingList`` (modulo its length; append only, at most
/// 32: the committed corpus depends on the order), bit 5 (0x20) picks the way of reading (clear: the import's path,
/// `readAll`; set: the preview's path, `nextInspected` for hours and `next` for record lists); bits 6 and 7 are
/// ignored. `BPV_FUZZ_SKIP=16,17` makes the inputs of those indices no-ops (to fuzz past a known bug).
final class FuzzHarness: @unchecked Sendable {
    /// What one mapping reads with.
    enum Reader {
        case hours(HourMapping, employerID: String?)
        case erkenningen(RecordMapping)
        case crebos(RecordMapping, edition: CalendarDate?)
        case werkprocessen(RecordMapping)
        case poks(RecordMapping)
    }

    struct Case {
        var mappingPath: String
        var reader: Reader
        var fileExtension: String

        /// " (no employer)" for an hour mapping read without one, for the replay tool's lines.
        var employerNote: String {
            if case .hours(_, nil) = reader { return " (no employer)" }
            return ""
        }
    }

    /// The mappings, relative to the repository root; the employer ids are those of samples/bpv.yaml.
    /// APPEND ONLY: a corpus file's first byte is an index into this list.
    static let mappingList: [(path: String, kind: String, employerID: String?)] = [
        ("mappings/hours/shiftbase-roosterdetail.yaml", "hours", "podiumbouw-oost"),          // 0 CSV
        ("mappings/hours/kimai-nl.yaml", "hours", "klankwerk-events"),                         // 1 CSV
        ("mappings/hours/clockify-us.yaml", "hours", "theater-vechtkamer"),                    // 2 CSV
        ("mappings/hours/toggl-detailed.yaml", "hours", "bytebrug-ict"),                       // 3 CSV
        ("mappings/hours/clockify-eu.yaml", "hours", "netwerk-noord"),                         // 4 CSV
        ("mappings/hours/afas-nacalculatie.yaml", "hours", "flexpool-uitzend"),                // 5 CSV
        ("mappings/hours/setu-timecard.yaml", "hours", "tijdwerk-uitzend"),                    // 6 XML
        ("mappings/hours/vechtgroep-urenverantwoording.yaml", "hours", "vechtgroep-holding"),  // 7 XML
        ("mappings/reference/sbb-erkenningen.yaml", "erkenningen", nil),                       // 8 CSV
        ("mappings/reference/sbb-erkenningen-xml.yaml", "erkenningen", nil),                   // 9 XML
        ("mappings/reference/sbb-crebolijst.yaml", "crebos", nil),                             // 10 CSV
        ("mappings/reference/sbb-crebolijst-vervallen.yaml", "crebos", nil),                   // 11 CSV
        ("mappings/reference/sbb-kwalificatiedossier-crebos.yaml", "crebos", nil),             // 12 XML
        ("mappings/reference/sbb-kwalificatiedossier-basis.yaml", "werkprocessen", nil),       // 13 XML
        ("mappings/reference/sbb-kwalificatiedossier-profielen.yaml", "werkprocessen", nil),   // 14 XML
        ("mappings/sis/poks-school.yaml", "poks", nil),                                        // 15 CSV
        // No employer configured and none mapped: the mapper refuses the file once the reader has opened it
        // (XML: after the parse thread has started).
        ("mappings/hours/setu-timecard.yaml", "hours", nil),                                   // 16 XML
        ("mappings/hours/kimai-nl.yaml", "hours", nil),                                        // 17 CSV
    ]

    static let shared = FuzzHarness()

    let cases: [Case]
    /// Indices whose inputs are skipped (`BPV_FUZZ_SKIP`).
    private let skipped: Set<Int>
    private let directory: String
    /// Each input gets a file of its own (removed after it is read), so that nothing a reader may leave running
    /// sees the next input's bytes.
    private var inputs = 0

    /// Loads every mapping once; a mapping that does not load is a broken setup, not a finding.
    private init() {
        let root = Self.repositoryRoot()
        let loader = MappingLoader()
        var cases: [Case] = []
        for entry in Self.mappingList {
            let path = root + "/" + entry.path
            do {
                let reader: Reader
                let format: SourceSpec.Format
                if entry.kind == "hours" {
                    let mapping = try loader.loadHourMapping(path: path)
                    reader = .hours(mapping, employerID: entry.employerID)
                    format = mapping.source.format
                } else {
                    let kind = RecordKind(rawValue: entry.kind)
                    let mapping = try loader.loadRecordMapping(path: path, kind: kind)
                    format = mapping.source.format
                    switch kind {
                    case .erkenningen: reader = .erkenningen(mapping)
                    // The crebo list's edition date, as samples/bpv.yaml gives it.
                    case .crebos: reader = .crebos(mapping, edition: CalendarDate(year: 2026, month: 8, day: 1))
                    case .werkprocessen: reader = .werkprocessen(mapping)
                    case .poks: reader = .poks(mapping)
                    default:
                        FileHandle.standardError.write(Data("bpv-fuzz: no reader for kind \(kind)\n".utf8))
                        exit(2)
                    }
                }
                cases.append(Case(mappingPath: entry.path, reader: reader,
                                  fileExtension: format == .xml ? "xml" : "csv"))
            } catch {
                FileHandle.standardError.write(Data("bpv-fuzz: cannot load \(path): \(error)\n".utf8))
                exit(2)
            }
        }
        self.cases = cases
        precondition(cases.count <= 32, "the selector's low five bits index the mapping list")
        skipped = Set((ProcessInfo.processInfo.environment["BPV_FUZZ_SKIP"] ?? "").split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        directory = NSTemporaryDirectory() + "bpv-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FuzzHarness.directoryToRemove = directory
        atexit { if let dir = FuzzHarness.directoryToRemove { try? FileManager.default.removeItem(atPath: dir) } }
    }

    nonisolated(unsafe) private static var directoryToRemove: String?

    /// The repository root: `BPV_FUZZ_ROOT` when set, else two folders above this source file.
    private static func repositoryRoot() -> String {
        if let root = ProcessInfo.processInfo.environment["BPV_FUZZ_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The case and mode a selector byte picks.
    func pick(_ selector: UInt8) -> (index: Int, case: Case, preview: Bool) {
        let index = Int(selector & 0x1F) % cases.count
        return (index, cases[index], selector & 0x20 != 0)
    }

    /// Runs one input: the first byte selects, the rest is the file. Returns what was read, for the replay tool.
    @discardableResult
    func run(_ input: UnsafeRawBufferPointer) -> String {
        guard let selector = input.first else { return "empty input" }
        let (index, fuzzCase, preview) = pick(selector)
        if skipped.contains(index) { return "skipped (BPV_FUZZ_SKIP)" }
        inputs += 1
        let path = directory + "/input-\(inputs)." + fuzzCase.fileExtension
        guard write(UnsafeRawBufferPointer(rebasing: input.dropFirst()), to: path) else {
            FileHandle.standardError.write(Data("bpv-fuzz: cannot write \(path)\n".utf8))
            exit(2)
        }
        defer { unlink(path) }
        switch fuzzCase.reader {
        case .hours(let mapping, let employerID):
            return readHours(path, mapping, employerID, preview: preview)
        case .erkenningen(let mapping):
            return readRecords(path, mapping, ErkenningRecordMapper(), preview: preview)
        case .crebos(let mapping, let edition):
            return readRecords(path, mapping, CreboRecordMapper(edition: edition), preview: preview)
        case .werkprocessen(let mapping):
            return readRecords(path, mapping, WerkprocesRecordMapper(), preview: preview)
        case .poks(let mapping):
            return readRecords(path, mapping, POKRecordMapper(), preview: preview)
        }
    }

    private func readHours(_ path: String, _ mapping: HourMapping, _ employerID: String?, preview: Bool) -> String {
        do {
            let reader = try HourFileReader(path: path, mapping: mapping, employerID: employerID)
            var entries = 0, rejects = 0
            if preview {
                while let records = try reader.nextInspected() {
                    for record in records {
                        if case .reject = record.outcome { rejects += 1 } else { entries += 1 }
                    }
                }
            } else {
                try reader.readAll { batch in
                    entries += batch.entries.count
                    rejects += batch.rejects.count
                }
            }
            // What an import reads after the last batch.
            return "\(reader.recordsRead) records, \(entries) entries, \(rejects) rejects, "
                + "\(reader.blankRecords) blank, \(reader.encodingName)\(reader.encodingNote.map { " (\($0))" } ?? "")"
        } catch {
            return "refused: \(error)"  // a clean refusal of the file
        }
    }

    private func readRecords<M: RecordKindMapper>(_ path: String, _ mapping: RecordMapping, _ mapper: M,
                                                  preview: Bool) -> String {
        do {
            let reader = try RecordFileReader(path: path, mapping: mapping, mapper: mapper)
            var values = 0, rejects = 0
            if preview {
                while let batch = try reader.next() {
                    values += batch.values.count
                    rejects += batch.rejects.count
                }
            } else {
                let all = try reader.readAll()
                values = all.values.count
                rejects = all.rejects.count
            }
            return "\(reader.recordsRead) records, \(values) values, \(rejects) rejects, "
                + "\(reader.skippedRecords) skipped, \(reader.encodingName)\(reader.emptyNote.map { " (\($0))" } ?? "")"
        } catch {
            return "refused: \(error)"  // a clean refusal of the file
        }
    }

    /// Writes `bytes` to `path` (truncating it) with plain system calls: the fuzzer calls this per input.
    private func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
