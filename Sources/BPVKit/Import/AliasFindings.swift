import BPVModel
import BPVStore

/// What an alias change means for people: a finding when an alias moved to another student (its stored entries
/// went along), and a problem when the alias file overrules an alias set with `bpv alias add`.
public enum AliasFindings {
    /// Rule id of an alias that now names another student.
    public static let movedRule: RuleID = "alias.moved"

    public static func finding(_ move: AliasSaveResult.Move, date: CalendarDate) -> Finding {
        Finding(rule: movedRule, severity: .warning, date: date, studentNumber: move.alias.studentNumber,
                subject: "alias \(Excerpt.of(move.alias.identity)) of employer \(move.alias.employerID)",
                evidence: "was \(move.previousStudent), now \(move.alias.studentNumber); \(move.entriesMoved) stored "
                    + "entr\(move.entriesMoved == 1 ? "y" : "ies") moved",
                explanation: "The hours this employee identity sent before now count for \(move.alias.studentNumber), "
                    + "not \(move.previousStudent). If that is wrong, correct the alias and run again.")
    }

    public static func problem(_ conflict: AliasSaveResult.Conflict) -> String {
        let alias = conflict.fileAlias
        return "alias \(alias.employerID) \(Excerpt.of(alias.identity)): the alias file says \(alias.studentNumber), "
            + "`bpv alias add` set \(conflict.commandStudent) on \(conflict.commandSetAt); the alias file wins "
            + "(it is read every night): change the alias file to keep \(conflict.commandStudent)"
    }
}
