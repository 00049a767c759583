/// Where a POK stands in the student administration: running, or ended (early, or at its end date). The SIS's own
/// words (`actief`, `lopend`, `beëindigd`, `afgesloten`...) reach it through the mapping's code table.
///
/// `ended` without a termination date says nothing about the dates: the POK's end date holds.
public enum POKStatus: String, CaseIterable, Sendable, Codable {
    case active
    case ended
}
