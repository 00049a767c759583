import BPVModel

/// Recognises correction codes (SETU `@actionCode`: Add, Change, Void, Unchanged, and their usual synonyms) for the
/// dossier field `action`. A column is a correction column only when every value it holds is such a word.
enum CorrectionWords {
    private static let words: [String: EntryAction] = [
        "add": .add, "new": .add, "insert": .add, "nieuw": .add, "toevoegen": .add,
        "unchanged": .add, "ongewijzigd": .add,
        "change": .change, "update": .change, "modify": .change, "wijziging": .change, "wijzigen": .change,
        "void": .void, "delete": .void, "cancel": .void, "remove": .void, "vervallen": .void, "verwijderen": .void,
        "intrekken": .void,
    ]

    /// The action of a code, if it is a known correction word (case ignored).
    static func action(_ code: String) -> EntryAction? { words[code.lowercased()] }

    /// Why a code means its action, for the draft's comment.
    static func note(_ code: String, _ action: EntryAction) -> DraftNote {
        let word = code.lowercased()
        if word == "unchanged" || word == "ongewijzigd" {
            return DraftNote("repeated in a correction card: it replaces itself (supersede: external_id)")
        }
        return DraftNote("\"\(word)\" means \(action.rawValue)")
    }
}
