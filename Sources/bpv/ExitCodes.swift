import ArgumentParser
import BPVKit

// How `bpv` ends: the one place where an outcome becomes an exit code. Commands never name a number; they return,
// or throw one of these:
//
//   exit  meaning                                     a command throws
//   0     all stored                                  nothing (it returns)
//   3     completed with rejects (listed and stored)  ExitCode(.completedWithRejects)
//   4     a file failed as a whole                    ExitCode(.fileFailed)
//   1     run failed: store, disk or internal error  CLIError.failure(message) or any other error (ArgumentParser
//                                                     prints `Error: <message>`); ExitCode(.error) when the command
//                                                     has printed the problems itself
//   75    already running (another run holds the lock) RunLock.AlreadyRunning (BPV.main maps it)
//   78    configuration error (bpv.yaml)              ConfigurationError (BPV.main maps it, for every command)
//   64    usage error                                 CLIError.usage(message) or a ValidationError (printed with
//                                                     the command's usage)
//
// BPVKit's ``ExitStatus`` holds the codes of outcomes (0, 1, 3, 4, 75, 78); 64 is ArgumentParser's `validationFailure`.

extension ExitCode {
    /// The exit code of a BPVKit outcome.
    init(_ status: ExitStatus) {
        self.init(status.rawValue)
    }

    /// The codes in words, for `bpv --help`.
    static let help = "Exit codes: "
        + ExitStatus.allCases.map { "\($0.rawValue) \($0.meaning)" }
            .joined(separator: "; ")
        + "; \(ExitCode.validationFailure.rawValue) usage error."
}

extension ExitStatus {
    /// What the code tells a cron wrapper or an admin.
    var meaning: String {
        switch self {
        case .success: "all stored"
        case .completedWithRejects: "completed with rejects (listed and stored)"
        case .fileFailed: "a file failed as a whole (nothing of it stored, the others went on)"
        case .error: "run failed (store, disk or internal error)"
        case .alreadyRunning: "already running (another run holds the lock)"
        case .configurationError: "configuration error (bpv.yaml)"
        }
    }
}

/// The errors a command throws when it cannot do its work: `usage` (exit 64, with the command's usage) for what
/// the user must say differently, `failure` (exit 1) for what is missing or broken.
enum CLIError {
    static func usage(_ message: String) -> ValidationError { ValidationError(message) }
    static func failure(_ message: String) -> CommandFailure { CommandFailure(description: message) }
}

/// A command that could not do its work (exit 1): ArgumentParser prints `Error: <description>`.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}
