/// A student as the student-administration system exports them: the studentnummer (the key everything links
/// to), the name for reports, the birth date (working-time law is judged by age on each date worked), the
/// programme and its crebo, the leerweg, cohort and leerjaar.
public struct Student: Hashable, Sendable, Codable {
    public var studentNumber: String
    public var roepnaam: String?
    public var achternaam: String?
    public var geboortedatum: CalendarDate?
    /// The programme's name as the SIS writes it (`Software developer`).
    public var opleiding: String?
    public var crebo: String?
    public var leerweg: Leerweg?
    /// The year the student started (`2025`).
    public var cohort: Int?
    /// The year of the programme the student is in (1, 2, 3...).
    public var leerjaar: Int?
    public var location: SourceLocation?

    public init(studentNumber: String, roepnaam: String? = nil, achternaam: String? = nil,
                geboortedatum: CalendarDate? = nil, opleiding: String? = nil, crebo: String? = nil,
                leerweg: Leerweg? = nil, cohort: Int? = nil, leerjaar: Int? = nil, location: SourceLocation? = nil) {
        self.studentNumber = studentNumber
        self.roepnaam = roepnaam
        self.achternaam = achternaam
        self.geboortedatum = geboortedatum
        self.opleiding = opleiding
        self.crebo = crebo
        self.leerweg = leerweg
        self.cohort = cohort
        self.leerjaar = leerjaar
        self.location = location
    }

    /// `Sem Ottevanger (2250114)`, or the studentnummer alone.
    public var displayName: String {
        let name = [roepnaam, achternaam].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? studentNumber : "\(name) (\(studentNumber))"
    }

    /// The student's age in whole years on `date`; `nil` without a birth date.
    public func age(on date: CalendarDate) -> Int? {
        geboortedatum.map { Self.age(born: $0, on: date) }
    }

    /// The age in whole years on `date` of someone born on `born`.
    public static func age(born: CalendarDate, on date: CalendarDate) -> Int {
        var years = date.year - born.year
        if (date.month, date.day) < (born.month, born.day) { years -= 1 }
        return years
    }
}
