import BPVModel

/// `d("2026-11-02")`: a date literal for tests.
func d(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("not a date: \(iso)") }
    return date
}

/// An erkenning of leerbedrijf 100581320 for crebo 25798.
func erkenning(_ start: String, _ end: String?, leerweg: Leerweg? = nil) -> Erkenning {
    erkenning("100581320", "25798", start, end, leerweg: leerweg)
}

func erkenning(_ leerbedrijf: String, _ crebo: String, _ start: String, _ end: String?,
               leerweg: Leerweg? = nil) -> Erkenning {
    Erkenning(leerbedrijfID: leerbedrijf, crebo: crebo, start: d(start), end: end.map(d), leerweg: leerweg)
}
