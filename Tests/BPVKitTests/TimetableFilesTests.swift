import BPVKit
import BPVModel
import BPVReconcile
import Foundation
import Testing

/// The programme files (`programmes:`) and the school calendar (`calendar:`) of bpv.yaml: the samples as read, and
/// each problem at its file and line.
@Suite struct TimetableFilesTests {
    static let petYear1 = """
        title: PET
        crebos: ["25798"]
        leerjaren:
          - leerjaar: 1
            lesson_hours:
              days: [monday, friday]
              from: "08:30"
              until: "16:30"
            sunday_latest_end: "22:00"

        """
    static let calendar = """
        obligations:
          - name: Themaweek 2
            week: 2026-W46
            programmes: [pet]
        holidays:
          - name: Bouwvak
            from: 2027-07-24
            until: 2027-08-15

        """

    /// Loads a bpv.yaml naming a `programmes` folder with `files` and a calendar; the error with the folder taken off.
    static func load(_ files: [String: String], calendar: String = calendar) -> (BPVConfiguration?, String?) {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let programmes = folder.appendingPathComponent("programmes")
        try! FileManager.default.createDirectory(at: programmes, withIntermediateDirectories: true)
        for (name, text) in files { try! text.write(to: programmes.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try! calendar.write(to: folder.appendingPathComponent("calendar.yaml"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("bpv.yaml")
        try! "programmes: programmes\ncalendar: calendar.yaml\n".write(to: config, atomically: true, encoding: .utf8)
        do {
            return (try BPVConfiguration.load(path: config.path), nil)
        } catch {
            let base = folder.standardizedFileURL.path + "/"
            return (nil, "\(error)".replacingOccurrences(of: base, with: "")
                .replacingOccurrences(of: folder.path + "/", with: ""))
        }
    }

    @Test func theSampleProgrammesAndCalendarAreReadAsWritten() throws {
        let configuration = try BPVConfiguration.load(path: Fixture.repo("samples/bpv.yaml"))
        let names = configuration.programmes.map(\.name)
        #expect(names == ["ict-bbl", "pet"])
        let ict = try #require(configuration.programmes.first)
        #expect(ict.crebos == ["25604", "25605", "25606"])
        #expect(ict.year(2)?.schoolDays == [2])
        #expect(ict.expectedHoursHolidays == .named(["Bouwvak"]))
        let pet = configuration.programmes[1]
        #expect(pet.crebos == ["25798"])
        #expect(pet.year(1)?.lessonHours == Programme.LessonHours(weekdays: [1, 2, 3, 4, 5],
                                                                   from: TimeOfDay(hour: 8, minute: 30)!,
                                                                   until: TimeOfDay(hour: 16, minute: 30)!))
        #expect(pet.year(1)?.sundayLatestEnd == TimeOfDay(hour: 22, minute: 0))
        #expect(pet.year(2)?.schoolDays == [1, 2, 3])
        #expect(pet.year(3)?.schoolDays == [4])
        #expect(pet.expectedHoursHolidays == .school)
        let calendar = try #require(configuration.calendar)
        let theme = try #require(calendar.obligations.first)
        #expect(theme.dates == DateRange(start: CalendarDate(iso: "2026-11-09")!, end: CalendarDate(iso: "2026-11-13")!))
        #expect(theme.programmes == ["pet"])
        #expect(ict.expectedHoursHolidays(in: calendar).map(\.name) == ["Bouwvak"])
        #expect(pet.expectedHoursHolidays(in: calendar).count == calendar.holidays.count)
    }

    @Test func aProgrammeFileIsReadAndItsNameIsTheFilesName() throws {
        let (configuration, error) = Self.load(["pet.yaml": Self.petYear1])
        #expect(error == nil)
        let pet = try #require(configuration?.programmes.first)
        #expect(pet.name == "pet")
        #expect(pet.year(1)?.lessonHours?.weekdays == [1, 5])
        #expect(pet.year(2) == nil)
    }

    @Test func valuesThatDoNotFitAreErrorsAtTheirLine() {
        let bad = Self.petYear1.replacingOccurrences(of: "days: [monday, friday]", with: "days: [monday, fryday]")
            .replacingOccurrences(of: "\"22:00\"", with: "\"22.00\"")
            .replacingOccurrences(of: "\"25798\"", with: "\"2579\"")
        #expect(Self.load(["pet.yaml": bad]).1 == """
            programmes/pet.yaml:2:10: '2579' is not a crebo (5 digits)
            programmes/pet.yaml:6:22: 'fryday' is not a weekday (did you mean 'friday'?): write monday, tuesday, wednesday, thursday, friday, saturday, sunday
            programmes/pet.yaml:9:24: '22.00' is not a time of day (write 22:00, quoted: "22:00")
            """)
    }

    @Test func unknownKeysAreErrorsAtTheirPlace() {
        let bad = Self.petYear1.replacingOccurrences(of: "sunday_latest_end", with: "sunday_latest")
        #expect(Self.load(["pet.yaml": bad]).1?.hasPrefix("programmes/pet.yaml:9:5: unknown key 'sunday_latest' in a leerjaar") == true)
    }

    @Test func aCreboInTwoProgrammesIsAnError() {
        let (_, error) = Self.load(["a.yaml": Self.petYear1, "b.yaml": Self.petYear1])
        #expect(error == "programmes/b.yaml:2:10: crebo 25798 is also in the programme 'a': a crebo belongs to one programme")
    }

    @Test func theCalendarsWeeksDatesAndProgrammeNamesAreChecked() {
        let badWeek = Self.calendar.replacingOccurrences(of: "2026-W46", with: "2026-46")
        #expect(Self.load(["pet.yaml": Self.petYear1], calendar: badWeek).1
                == "calendar.yaml:3:11: '2026-46' is not an ISO week (write 2026-W46)")
        let backwards = Self.calendar.replacingOccurrences(of: "until: 2027-08-15", with: "until: 2027-07-01")
        #expect(Self.load(["pet.yaml": Self.petYear1], calendar: backwards).1
                == "calendar.yaml:8:12: 'until' (2027-07-01) is before 'from' (2027-07-24)")
        #expect(Self.load(["pte.yaml": Self.petYear1]).1?.hasPrefix(
            "calendar.yaml:2: the obligation 'Themaweek 2' is for the programme 'pet', which no programme file has") == true)
        let noDates = Self.calendar.replacingOccurrences(of: "    week: 2026-W46\n", with: "")
        #expect(Self.load(["pet.yaml": Self.petYear1], calendar: noDates).1?.hasPrefix(
            "calendar.yaml:2:5: the obligation 'Themaweek 2' needs either 'week'") == true)
    }

    @Test func aHolidayNameTheCalendarDoesNotHaveIsAnError() {
        let bbl = "crebos: [25604]\nexpected_hours_holidays: [Bouwvakantie]\n"
        #expect(Self.load(["pet.yaml": Self.petYear1, "ict.yaml": bbl]).1?.hasPrefix(
            "programmes/ict.yaml:2:27: the calendar has no holiday 'Bouwvakantie' (its holidays: Bouwvak;") == true)
    }
}
