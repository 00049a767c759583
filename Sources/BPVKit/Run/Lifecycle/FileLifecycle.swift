import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's input files go once their imports committed: `archive/<date>/<feed>/` when every read of the file
/// stored it or recognised it as imported before, `quarantine/<date>/<feed>/` with `<name>.error.txt` beside it when
/// a read failed as a whole. `<feed>` is the file's folder under the inbox (`hours/podiumbouw-oost`,
/// `reference/sbb`): the archive mirrors the inbox.
///
/// The moves come after the imports (a file that several mappings read moves once all of them are done), so a
/// file leaves the inbox only once the store holds what became of it. A run killed between the commit and the
/// move leaves the file in the inbox; the next run recognises it by its fingerprint (nothing is imported twice)
/// and moves it then. A move is a `rename(2)`: the file is in one place or the other, never both and never
/// neither; across file systems it is copied beside its destination, flushed, renamed into place, and only then
/// removed from the inbox (a run killed in between leaves two identical copies, and the next run removes the
/// inbox's). Files outside the inbox (a configured file elsewhere) are never moved.
public struct FileLifecycle: Sendable {
    /// One file moved.
    public struct Move: Sendable, Equatable, Codable {
        public var from: String
        public var to: String
        public var quarantined: Bool
    }

    public let inbox: String
    public let archive: String
    public let quarantine: String
    /// The run's day, `yyyy-MM-dd`: the folder under archive and quarantine.
    public let day: String

    public init(inbox: String, archive: String, quarantine: String, day: String) {
        self.inbox = URL(fileURLWithPath: inbox).standardizedFileURL.path
        self.archive = archive
        self.quarantine = quarantine
        self.day = day
    }

    /// Every file of `results` under the inbox, once, in the order first read, with the failures of its reads
    /// (empty: it goes to the archive).
    public func plan(_ results: [FileImportResult]) -> [(path: String, failures: [String])] {
        var order: [String] = []
        var failures: [String: [String]] = [:]
        for result in results where feed(of: result.file) != nil {
            if failures[result.file] == nil { order.append(result.file); failures[result.file] = [] }
            if case .failed(let message) = result.outcome {
                failures[result.file]!.append("mapping \(result.mappingName): \(message)")
            }
        }
        return order.map { ($0, failures[$0]!) }
    }

    /// The file's folder under the inbox (`hours/podiumbouw-oost`), or `nil` when it is not in the inbox.
    public func feed(of path: String) -> String? {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        if folder == inbox { return "" }
        let top = inbox.hasSuffix("/") ? inbox : inbox + "/"
        guard folder.hasPrefix(top) else { return nil }
        return String(folder.dropFirst(top.count))
    }

    /// Moves `path` to the archive, or to the quarantine with `failures` in `<name>.error.txt` beside it.
    /// Throws a ``FileLifecycleError`` when it cannot (the file then stays in the inbox, whole).
    public func move(_ path: String, failures: [String]) throws -> Move? {
        guard let feed = feed(of: path) else { return nil }
        guard FileManager.default.fileExists(atPath: path) || isLink(path) else { return nil }  // moved already
        let quarantined = !failures.isEmpty
        var folder = URL(fileURLWithPath: quarantined ? quarantine : archive).appendingPathComponent(day)
        if !feed.isEmpty { folder.appendPathComponent(feed) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o750])
        } catch {
            throw FileLifecycleError(path: path, "cannot create \(folder.path): \(Self.reason(error))")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        if quarantined {
            let text = "\(name) could not be imported (nothing of it was stored):\n"
                + failures.map { "- \($0)\n" }.joined()
                + "Fix the file (or its mapping) and put it back in the inbox folder \(feed)/.\n"
            do {
                try OutputFile.save(Data(text.utf8), to: folder.appendingPathComponent(name + ".error.txt").path)
            } catch {
                throw FileLifecycleError(path: path, "cannot write its error file in \(folder.path): \(Self.reason(error))")
            }
        }
        var target = folder.appendingPathComponent(name).path
        var attempt = 1
        while FileManager.default.fileExists(atPath: target) || isLink(target) {
            if Self.sameBytes(path, target) {      // an earlier move that copied but did not remove: finish it
                try FaultPoints.reach("files.unlink")
                guard unlink(path) == 0 else { throw FileLifecycleError(path: path, "cannot remove it: \(Self.systemError())") }
                return Move(from: path, to: target, quarantined: quarantined)
            }
            attempt += 1
            let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            target = folder.appendingPathComponent(ext.isEmpty ? "\(stem).\(attempt)" : "\(stem).\(attempt).\(ext)").path
        }
        try FaultPoints.reach("files.move")
        if rename(path, target) != 0 {
            guard errno == EXDEV else {
                throw FileLifecycleError(path: path, "cannot move it to \(target): \(Self.systemError())")
            }
            try copyAcross(path, to: target)
        }
        Self.syncFolder(folder.path)
        Self.syncFolder((path as NSString).deletingLastPathComponent)
        try FaultPoints.reach("files.moved")
        return Move(from: path, to: target, quarantined: quarantined)
    }

    /// A move between file systems: a copy beside the target, flushed, renamed into place; then the original goes.
    private func copyAcross(_ path: String, to target: String) throws {
        let temporary = target + ".\(getpid()).part"
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try OutputFile.save(data, to: temporary)
            guard rename(temporary, target) == 0 else { throw FileLifecycleError(path: path, "cannot rename: \(Self.systemError())") }
        } catch {
            unlink(temporary)
            throw FileLifecycleError(path: path, "cannot copy it to \(target): \(Self.reason(error))")
        }
        try FaultPoints.reach("files.unlink")
        guard unlink(path) == 0 else { throw FileLifecycleError(path: path, "cannot remove it after copying: \(Self.systemError())") }
    }

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let x = FileManager.default.contents(atPath: a), let y = FileManager.default.contents(atPath: b) else {
            return false
        }
        return x == y
    }

    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func systemError() -> String { String(cString: strerror(errno)) }

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return "\(error)"
    }
}

/// A file that could not be moved out of the inbox: it stays there, whole, for the next run.
public struct FileLifecycleError: Error, CustomStringConvertible {
    public var path: String
    public var description: String
    init(path: String, _ reason: String) {
        self.path = path
        description = "\(path): \(reason); the file stays in the inbox"
    }
}
