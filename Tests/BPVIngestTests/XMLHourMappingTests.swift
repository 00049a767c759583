import BPVIngest
import BPVModel
import Testing

/// Real XML exports through the shipped mappings: SETU TimeCard and the VechtGroep employer XML.
@Suite struct XMLHourMappingTests {
    let setu: HourMapping

    init() throws { setu = try XMLFixture.shippedMapping("setu-timecard") }

    @Test func setuCardInTheDefaultNamespaceMapsEveryInterval() throws {
        let read = try XMLFixture.read("setu-default-namespace.xml", setu)
        #expect(read.rejects.isEmpty)
        #expect(read.recordsRead == 7)
        #expect(read.entries.count == 7)
        #expect(read.entries.allSatisfy { $0.employeeIdentity == "TW-40117" && $0.employerID == "tijdwerk-uitzend" })
        // The card-level ApprovalInfo comes after all intervals, yet applies to each of them.
        #expect(read.entries.allSatisfy { $0.approved == true })
        #expect(read.entries.allSatisfy { $0.action == .add })

        let first = try #require(read.entry("TW-40117-20261130-1"))
        #expect(first.date == day("2026-11-30"))
        #expect(first.start == clock(8, 0) && first.end == clock(16, 30))
        #expect(first.minutes == 8 * 60)  // Duration 8.00, not the 8.5 h between start and end
        #expect(first.category == .work && first.hourType == "Regular")
        #expect(first.description == "Opbouw podium hal 2")
        #expect(first.source.line == (try XMLFixture.line(of: "<TimeInterval", before: "TW-40117-20261130-1",
                                                             in: "setu-default-namespace.xml")))
    }

    @Test func aBreakHiddenInDurationCountsTheDurationOnly() throws {
        let read = try XMLFixture.read("setu-default-namespace.xml", setu)
        let shift = try #require(read.entry("TW-40117-20261202-1"))
        #expect(shift.start == clock(18, 0) && shift.end == clock(23, 0))
        let span = (23 - 18) * 60
        #expect(shift.minutes == 3 * 60)
        #expect(shift.minutes != span)
    }

    @Test func anOvernightShiftTakesItsAssignedDate() throws {
        let read = try XMLFixture.read("setu-default-namespace.xml", setu)
        let night = try #require(read.entry("TW-40117-20261203-1"))
        // 22:00 on 3 December to 06:00 on 4 December, 7.50 paid, dayAssignment="2026-12-03".
        #expect(night.date == day("2026-12-03"))
        #expect(night.start == clock(22, 0) && night.end == clock(6, 0))
        #expect(night.minutes == 7 * 60 + 30)
    }

    @Test func durationsInDecimalHoursAndXSDDurationsAndWithoutEnd() throws {
        let read = try XMLFixture.read("setu-default-namespace.xml", setu)
        let training = try #require(read.entry("TW-40117-20261204-2"))
        #expect(training.minutes == 4 * 60)  // PT4H
        #expect(training.category == .training)
        let sick = try #require(read.entry("TW-40117-20261204-1"))
        #expect(sick.category == .sick && sick.hourType == "Sick time")
        #expect(sick.minutes == 4 * 60 && sick.end == nil)  // a StartDateTime and a Duration only
        let travel = try #require(read.entry("TW-40117-20261201-2"))
        #expect(travel.category == .travelJobs && travel.minutes == 45)  // 0.75 h
    }

    @Test func prefixedCardWithZoneSuffixesAndDayAssignmentWords() throws {
        let read = try XMLFixture.read("setu-prefixed-zulu.xml", setu)
        #expect(read.rejects.isEmpty)
        #expect(read.entries.count == 6)
        let internship = try #require(read.entry("TW-40122-20261130-1"))
        #expect(internship.start == clock(9, 0))  // 09:00:00Z: the clock time as written, no zone arithmetic
        #expect(internship.minutes == 7 * 60 + 30)  // PT7H30M
        #expect(internship.category == .work && internship.hourType == "Internship")
        #expect(internship.approved == true)  // its own ApprovalInfo
        let regular = try #require(read.entry("TW-40122-20261201-1"))
        #expect(regular.minutes == 8 * 60 + 6)  // 8.100 h
        #expect(regular.approved == false)  // ReportedTime status="Submitted", no ApprovalInfo
        // A night split at midnight: "current" keeps the start date, "previous" moves 3 December back to the 2nd.
        let beforeMidnight = try #require(read.entry("TW-40122-20261202-1"))
        #expect(beforeMidnight.date == day("2026-12-02") && beforeMidnight.minutes == 2 * 60)
        let afterMidnight = try #require(read.entry("TW-40122-20261202-2"))
        #expect(afterMidnight.start == clock(0, 0))
        #expect(afterMidnight.date == day("2026-12-02") && afterMidnight.minutes == 3 * 60)
        #expect(read.entry("TW-40122-20261203-1")?.category == .leave)   // Special Leave
        #expect(read.entry("TW-40122-20261204-1")?.minutes == 8 * 60)    // PT8H, Vacation
    }

    @Test func namespacesMatchOnTheURINotThePrefixAndEnvelopesAreRead() throws {
        // The file writes the HR-XML namespace as ns7 and wraps two cards in an envelope; a TimeCard in another
        // namespace sits between them and must not be read.
        let read = try XMLFixture.read("setu-other-prefix-envelope.xml", setu)
        #expect(read.rejects.isEmpty)
        #expect(read.entries.map(\.externalID) == ["E-1", "E-2"])
        let overtime = try #require(read.entry("E-1"))
        #expect(overtime.employeeIdentity == "TW-50001")
        // No Duration: 22:00 to 02:00 the next day, from the times (the +01:00 is not applied).
        #expect(overtime.minutes == 4 * 60)
        #expect(overtime.date == day("2026-12-07"))
        // status="Submitted", but the card's ApprovalInfo after the intervals approves them.
        #expect(overtime.approved == true)
        let resource = try #require(read.entry("E-2"))
        #expect(resource.employeeIdentity == "TW-50002")  // the second path: ReportedResource/Resource
        #expect(resource.minutes == 6 * 60 + 15)  // P0DT6H15M
        #expect(resource.approved == false)
    }

    @Test func employerXMLWithAttributesEntitiesCDATAAndLatin1() throws {
        let mapping = try XMLFixture.shippedMapping("vechtgroep-urenverantwoording")
        let read = try XMLFixture.read("vechtgroep-latin1.xml", mapping, employer: "vechtgroep-holding")
        #expect(read.rejects.isEmpty)
        #expect(read.entries.count == 7)
        #expect(read.encodingName == "iso-8859-1")
        #expect(read.entries.allSatisfy { $0.employeeIdentity == "VG-0193" && $0.leerbedrijfID == "100812046" })
        #expect(read.entry("VG-88121")?.description == "Decor ophangen & belichting richten")
        #expect(read.entry("VG-88122")?.description == "Generale \"Koning Lear\" - licht & geluid, <cue-lijst> v3")
        #expect(read.entry("VG-88123")?.description == "Première + café-optreden na afloop")
        #expect(read.entry("VG-88126")?.description == "Voorstelling \"Koning Lear\", avond 3")
        let premiere = try #require(read.entry("VG-88123"))
        // 18:00 to 1:15 the next day, minus Pauze 30 minutes.
        #expect(premiere.minutes == (24 * 60 - 18 * 60) + 75 - 30)
        #expect(premiere.date == day("2026-12-04"))
        let sick = try #require(read.entry("VG-88125"))
        #expect(sick.category == .sick && sick.minutes == 8 * 60 && sick.start == nil)  // <Uren>8,0</Uren>
        #expect(read.entry("VG-88126")?.approved == false)
        #expect(read.entry("VG-88121")?.approved == true)
    }

    @Test func aDeclaredEncodingReadsAFileWithoutDeclarationAndAutoExplainsWhy() throws {
        var mapping = try XMLFixture.shippedMapping("vechtgroep-urenverantwoording")
        let file = "vechtgroep-cp1252-undeclared.xml"
        // encoding: auto. Without an XML declaration the file must be UTF-8: it is not.
        var caught: FileLevelError?
        do { _ = try XMLFixture.read(file, mapping, employer: "vechtgroep-holding") } catch let e as FileLevelError { caught = e }
        let e = try #require(caught)
        #expect(e.line == (try XMLFixture.line(of: "Omschrijving", before: "Omschrijving", in: file)))
        #expect(e.message.contains("not proper UTF-8"))
        #expect(e.message.contains("set source.encoding"))
        #expect(!e.message.contains("\n"))

        mapping.source.encoding = .windows1252
        let read = try XMLFixture.read(file, mapping, employer: "vechtgroep-holding")
        #expect(read.encodingName == "windows-1252")
        #expect(read.entry("VG-9001")?.description == "Café-avond, entree € 5")
    }

    @Test func utf16WithAByteOrderMark() throws {
        let mapping = try XMLFixture.shippedMapping("vechtgroep-urenverantwoording")
        let read = try XMLFixture.read("vechtgroep-utf16-bom.xml", mapping, employer: "vechtgroep-holding")
        #expect(read.encodingName == "utf-16le")
        #expect(read.entry("VG-9001")?.description == "Café-avond, entree € 5")
        #expect(read.entry("VG-9001")?.minutes == 4 * 60)
    }
}
