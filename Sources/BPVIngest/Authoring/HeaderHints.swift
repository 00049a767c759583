import BPVModel

/// What a column's header name says about its role: Dutch and English labels of the common exports (Shiftbase,
/// Kimai, Toggl, Clockify, AFAS field codes, SETU terms). Only a hint: the values must fit the role too.
struct HeaderHint: Equatable {
    var field: HourField
    /// For `employee`: which identity the column holds.
    var identity: EmployeeIdentityKind?
    /// 3: the usual name of this role; 2: a name often used for it; 1: the name merely contains a telling word.
    var strength: Int
}

enum HeaderHints {
    /// The hint for a header name, if any.
    static func hint(for name: String) -> HeaderHint? {
        let key = HourRecordMapper.normaliseHeader(name)
        if let exact = exact[key] { return exact }
        for (word, hint) in partial where key.contains(word) { return hint }
        return nil
    }

    private static func names(_ list: [String], _ field: HourField, _ identity: EmployeeIdentityKind? = nil,
                              strength: Int = 3) -> [(String, HeaderHint)] {
        list.map { ($0, HeaderHint(field: field, identity: identity, strength: strength)) }
    }

    private static let exact: [String: HeaderHint] = Dictionary(uniqueKeysWithValues: [
        names(["personeelsnummer", "personeelsnr", "personeelsnr.", "medewerkernummer", "medewerkersnummer",
               "werknemersnummer", "emid", "staff number", "employee number", "employee id", "employee nr", "persnr",
               "pers.nr.", "medewerker id", "medewerker-id"], .employee, .personeelsnummer),
        names(["e-mail", "email", "e-mailadres", "emailadres", "email address", "e-mail address", "mail"],
              .employee, .email),
        names(["naam", "medewerker", "werknemer", "user", "name", "employee", "gebruiker", "full name",
               "volledige naam", "medewerkernaam"], .employee, .name),
        names(["datum", "date", "dati", "start date", "startdatum", "begindatum", "werkdatum", "dienstdatum"], .date),
        names(["van", "begintijd", "starttijd", "start time", "begin", "start", "stti", "begin time", "vanaf",
               "aanvang"], .start),
        names(["tot", "eindtijd", "end time", "einde", "end", "enti", "eind", "eindtijd dienst"], .end),
        names(["end date", "einddatum"], .endDate),
        names(["pauze", "pauzeduur", "pati", "break", "rustpauze", "pauze (min)", "pauze (minuten)", "break (min)",
               "pauzetijd"], .breakTime),
        names(["duur", "totaal", "duration", "duration (h)", "duration (decimal)", "qu", "aantal", "uren", "hours",
               "aantal uren", "gewerkt", "gewerkte uren", "totaal uren", "total", "tijd", "duur (uren)",
               "hours worked"], .duration),
        names(["urensoort", "stid", "hour type", "uursoort", "soort uren", "type uren", "soort", "looncomponent",
               "categorie", "category"], .category),
        names(["dienst", "activiteit", "activity", "shift", "diensttype", "dienstsoort"], .category, strength: 2),
        names(["project"], .category, strength: 1),
        names(["ap", "geaccordeerd", "goedgekeurd", "approved", "akkoord", "accordering"], .approved),
        names(["beschrijving", "omschrijving", "description", "ds", "opmerking", "opmerkingen", "notes", "note",
               "comment", "toelichting", "notitie", "notities", "memo"], .description),
        names(["id", "regel-id", "entry id", "time entry id", "registratie-id", "registratienummer"], .externalID),
    ].flatMap { $0 })

    /// Telling words inside longer names, checked in this order.
    private static let partial: [(String, HeaderHint)] = [
        ("e-mail", HeaderHint(field: .employee, identity: .email, strength: 1)),
        ("email", HeaderHint(field: .employee, identity: .email, strength: 1)),
        ("personeelsn", HeaderHint(field: .employee, identity: .personeelsnummer, strength: 1)),
        ("pauze", HeaderHint(field: .breakTime, strength: 1)),
        ("break", HeaderHint(field: .breakTime, strength: 1)),
        ("urensoort", HeaderHint(field: .category, strength: 1)),
        ("einddatum", HeaderHint(field: .endDate, strength: 1)),
        ("end date", HeaderHint(field: .endDate, strength: 1)),
        ("datum", HeaderHint(field: .date, strength: 1)),
        ("date", HeaderHint(field: .date, strength: 1)),
        ("begin", HeaderHint(field: .start, strength: 1)),
        ("start", HeaderHint(field: .start, strength: 1)),
        ("eind", HeaderHint(field: .end, strength: 1)),
        ("duur", HeaderHint(field: .duration, strength: 1)),
        ("duration", HeaderHint(field: .duration, strength: 1)),
        ("omschrijving", HeaderHint(field: .description, strength: 1)),
        ("beschrijving", HeaderHint(field: .description, strength: 1)),
        ("description", HeaderHint(field: .description, strength: 1)),
    ]
}
