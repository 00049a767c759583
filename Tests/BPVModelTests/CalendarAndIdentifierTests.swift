import BPVModel
import Testing

@Suite struct CalendarAndIdentifierTests {
    @Test func dayNumbersRoundTripOverFourCenturies() {
        var date = CalendarDate(year: 1900, month: 1, day: 1)!
        var number = date.dayNumber
        for _ in 0..<(400 * 366) {
            let next = date.adding(days: 1)
            #expect(next.dayNumber == number + 1)
            #expect(next > date)
            date = next
            number += 1
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(dayNumber: -1).iso == "1969-12-31")
    }

    @Test func leapYearsAndWeekdays() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 11, day: 22)!.isoWeekday == 7) // a Sunday
        #expect(CalendarDate(year: 2026, month: 11, day: 23)!.isoWeekday == 1)
        #expect(CalendarDate(iso: "2026-11-22")?.day == 22)
        #expect(CalendarDate(iso: "2026-11-31") == nil)
    }

    @Test func timesOfDay() {
        #expect(TimeOfDay(hour: 24, minute: 0)?.secondsSinceMidnight == 86_400)
        #expect(TimeOfDay(hour: 24, minute: 1) == nil)
        #expect(TimeOfDay(hour: 8, minute: 5, second: 3)?.description == "08:05:03")
        #expect(TimeOfDay(storage: "18:30")?.description == "18:30")
    }

    @Test func leerbedrijfIDsAreNineDigitText() {
        #expect(Identifier.leerbedrijfID("1234567") == "001234567")        // 7 digits: padded
        #expect(Identifier.leerbedrijfID("100077736") == "100077736")
        #expect(Identifier.leerbedrijfID("0100077736") == "100077736")     // 10 digits with a leading zero
        #expect(Identifier.leerbedrijfID("1100077736") == nil)             // 10 real digits
        #expect(Identifier.leerbedrijfID(" 100077736\u{00A0}") == "100077736")
        #expect(Identifier.leerbedrijfID("") == nil)
        #expect(Identifier.leerbedrijfID("30rc 7415AB 0000012") == "30RC7415AB0000012") // 17-character legacy code
        #expect(Identifier.leerbedrijfID("7 700 012") == "007700012")                 // digit groups
    }

    @Test func crebosWithStraySpaces() {
        #expect(Identifier.crebo("25798") == "25798")
        #expect(Identifier.crebo(" 25\u{00A0}798 ") == "25798")
        #expect(Identifier.crebo("2579") == nil)
        #expect(Identifier.crebo("25798a") == nil)
    }
}
