import BPVModel

/// Guesses the category of an employer's hour type from the words in it. Sure only where the word leaves no doubt
/// (Ziek, Verlof, Feestdag, Tandarts, Cursus, Woon-werk, Overwerk, ...); anything else is `work`, to check.
enum HourTypeWords {
    /// A category and the telling parts of a code: text it contains, or whole words (short codes such as `VAK`).
    private struct Rule {
        var category: HourCategory
        var contains: [String]
        var words: [String]
    }

    /// Checked in this order: travel before work ("woon-werk"), absence before work.
    private static let rules: [Rule] = [
        Rule(category: .travelStandplaats, contains: ["woon-werk", "woonwerk", "standplaats", "commut"], words: ["ww"]),
        Rule(category: .sick, contains: ["ziek", "sick"], words: []),
        Rule(category: .doctor, contains: ["dokter", "tandarts", "huisarts", "doctor", "dentist"], words: ["dok"]),
        Rule(category: .holiday, contains: ["feestdag", "holiday"], words: ["feest"]),
        Rule(category: .leave, contains: ["verlof", "vakantie", "vacation", "leave"], words: ["vak", "atv", "adv"]),
        Rule(category: .training, contains: ["training", "cursus", "opleiding", "course", "scholing"], words: ["opl"]),
        Rule(category: .work, contains: ["overwerk", "overtime"],
             words: ["normaal", "norm", "uren", "werk", "work", "regular", "ovw", "dienst", "shift", "stage",
                     "internship", "gewerkt", "werkuren"]),
    ]

    static func guess(_ code: String) -> (category: HourCategory, note: DraftNote) {
        let text = code.trimmingWhitespace().lowercased()
        let words = Set(text.split { !$0.isLetter }.map(String.init))
        let travel = ["reis", "travel", "rit"].first { text.contains($0) }
        if travel != nil, !text.contains("woon"), !text.contains("standplaats") {
            if let job = ["klus", "klant", "tussen", "job", "customer", "client"].first(where: { text.contains($0) }) {
                return (.travelJobs, DraftNote("\"\(job)\": travel to a job"))
            }
            return (.travelJobs, DraftNote("", check: "travel between jobs counts, travel to the standplaats does not: "
                                              + "travel_jobs or travel_standplaats?"))
        }
        for rule in rules {
            if let part = rule.contains.first(where: { text.contains($0) }) ?? rule.words.first(where: { words.contains($0) }) {
                return (rule.category, DraftNote("\"\(part)\" means \(rule.category.rawValue)"))
            }
        }
        return (.work, DraftNote("", check: "\"\(code)\" is not a word bpv knows: work is a guess"))
    }
}
