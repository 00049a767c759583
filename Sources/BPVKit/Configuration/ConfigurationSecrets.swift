import Foundation
import Yams

/// Secrets never live in bpv.yaml (a configuration file is copied, mailed and committed): a key that names a
/// password, token or secret anywhere in the file, or a database URL with a password in it
/// (`postgres://user:secret@host/db`), is an error that says where the secret belongs instead.
extension ConfigurationYAML {
    /// Key names that hold a secret, compared in lower case.
    static let secretKeys = ["password", "passwd", "pass", "pwd", "secret", "token", "api_key", "apikey"]

    /// Where a database password belongs.
    static let secretHint = "a password never goes in bpv.yaml: set PGPASSWORD in the environment (the cron "
        + "wrapper's environment file) or put it in ~/.pgpass (mode 0600)"

    /// Every secret in the file, at its place.
    func secrets() -> [Problem] {
        var found: [Problem] = []
        func visit(_ node: Node) {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    let name = key.scalar?.string ?? ""
                    if Self.secretKeys.contains(name.lowercased()) {
                        found.append(Problem(line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                                             message: "'\(name)' holds a secret: \(Self.secretHint)"))
                    }
                    visit(value)
                }
            } else if let sequence = node.sequence {
                sequence.forEach(visit)
            }
        }
        visit(root)
        if let database = node(at: [.key("database")]), let text = database.scalar?.string,
           Self.urlHasPassword(text) {
            found.append(Problem(line: database.mark?.line ?? 1, column: database.mark?.column ?? 1,
                                 message: "the database URL holds a password: \(Self.secretHint)"))
        }
        return found
    }

    /// `scheme://user:password@host...`.
    static func urlHasPassword(_ text: String) -> Bool {
        guard let scheme = text.range(of: "://") else { return false }
        let rest = text[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return false }
        return rest[..<at].contains(":")
    }
}
