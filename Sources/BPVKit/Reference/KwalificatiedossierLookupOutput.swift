import BPVModel
import Foundation

/// `bpv dossier --format csv|json`: the same answer as the table, for other tools.
extension KwalificatiedossierLookup.Result {
    /// One row per werkproces, as CSV (``CSVTable``: `;`, formulas neutralised) with a header.
    public func csv() -> CSVTable {
        var table = CSVTable(header: ["crebo", "crebo_name", "dossier", "dossier_title", "kerntaak", "kerntaak_title",
                                      "werkproces", "werkproces_title", "profile_crebo"])
        for k in kerntaken {
            for w in k.werkprocessen {
                table.append([crebo, kwalificatie?.name ?? "", k.dossier, dossierTitels[k.dossier] ?? "",
                              k.code.description, k.titel ?? "", w.code.description, w.titel, w.crebo ?? ""])
            }
        }
        return table
    }

    private struct JSONAnswer: Codable {
        struct Werkproces: Codable { var code: String; var title: String; var profileCrebo: String? }
        struct Kerntaak: Codable { var dossier: String; var code: String; var title: String?; var werkprocessen: [Werkproces] }
        struct Dossier: Codable { var code: String; var title: String? }
        var crebo: String
        var creboName: String?
        var niveau: Int?
        var eindeInstroom: String?
        var eindeOpleiding: String?
        var dossiers: [Dossier]
        var kerntaken: [Kerntaak]
    }

    /// Pretty-printed JSON with snake_case keys, stable key order.
    public func json() throws -> Data {
        let answer = JSONAnswer(
            crebo: crebo, creboName: kwalificatie?.name, niveau: kwalificatie?.niveau,
            eindeInstroom: kwalificatie?.eindeInstroom?.iso, eindeOpleiding: kwalificatie?.eindeOpleiding?.iso,
            dossiers: dossiers.map { .init(code: $0, title: dossierTitels[$0]) },
            kerntaken: kerntaken.map { k in
                .init(dossier: k.dossier, code: k.code.description, title: k.titel,
                      werkprocessen: k.werkprocessen.map { .init(code: $0.code.description, title: $0.titel, profileCrebo: $0.crebo) })
            })
        return try JSONOutput.encoder().encode(answer)
    }
}
