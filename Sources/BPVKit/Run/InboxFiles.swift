import Foundation

/// The files of an inbox folder that a run reads, in name order, and the ones it refuses with the reason.
///
/// A run reads what employers deliver into the inbox, nothing else: a symbolic link that leads out of the inbox
/// (to `/etc/passwd`, to another school's folder) is not followed unless `follow_links_out_of_inbox: true` is set
/// in `bpv.yaml`. Files that are not regular files (FIFOs, devices, sockets) are refused by the reader itself.
public struct InboxFiles: Sendable {
    /// A file that is not read, and why.
    public struct Refusal: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// The files to read, in name order.
    public var files: [String] = []
    /// The files that are not read.
    public var refused: [Refusal] = []
    /// The files left for the next run: changed less than the settle time ago (an upload still going on).
    public var waiting: [String] = []

    public init(files: [String] = [], refused: [Refusal] = [], waiting: [String] = []) {
        self.files = files
        self.refused = refused
        self.waiting = waiting
    }

    /// Lists `folder` (not hidden names ending `.csv`, `.txt` or `.xml`), checking each against `inbox` (the
    /// top folder files may lead to). A missing folder has no files. A file modified less than `settleSeconds`
    /// before `now` is still being written, as far as bpv can tell: it is left for the next run (``waiting``).
    public static func list(folder: String, inbox: String, followLinksOutOfInbox: Bool, settleSeconds: Int = 0,
                            now: Date = Date()) throws -> InboxFiles {
        var listing = InboxFiles()
        for path in try NightlyRun.exportFiles(in: folder) {
            if settleSeconds > 0, let modified = modification(of: path),
               now.timeIntervalSince(modified) < Double(settleSeconds) {
                listing.waiting.append(path)
            } else if let reason = refusal(of: path, inbox: inbox, followLinksOutOfInbox: followLinksOutOfInbox) {
                listing.refused.append(Refusal(path: path, reason: reason))
            } else {
                listing.files.append(path)
            }
        }
        return listing
    }

    /// Why `path` is not read, or `nil` when it may be.
    static func refusal(of path: String, inbox: String, followLinksOutOfInbox: Bool) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }  // gone since the listing: the reader says so
        guard (info.st_mode & S_IFMT) == S_IFLNK, !followLinksOutOfInbox else { return nil }
        guard let target = realPath(path) else {
            return "is a symbolic link that leads nowhere (a broken link): not read"
        }
        let top = realPath(inbox) ?? inbox
        if target == top || target.hasPrefix(top.hasSuffix("/") ? top : top + "/") { return nil }
        return "is a symbolic link to \(target), outside the inbox \(top): not followed "
            + "(set follow_links_out_of_inbox: true in bpv.yaml to read such files)"
    }

    /// When the file (not a link's target) was last modified.
    static func modification(of path: String) -> Date? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
