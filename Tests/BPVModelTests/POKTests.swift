import BPVModel
import Testing

@Suite("POK: last day, the days that count, still running")
struct POKTests {
    let pok = POK(studentNumber: "2250658", leerbedrijfID: "100581320", crebo: "25798", begin: d("2025-09-08"),
                  end: d("2027-07-09"))

    @Test("without a signing or termination date the agreed period counts and the end date is the last day")
    func plain() {
        #expect(pok.lastDay == d("2027-07-09"))
        #expect(pok.countingPeriod == pok.range)
        #expect(pok.isActive(on: d("2027-07-09")))
        #expect(!pok.isActive(on: d("2027-07-10")))
        #expect(!pok.secondAddress && pok.status == nil && pok.pokNumber == nil)
    }

    @Test("hours count from the signing day when it is after the begin; a signing before the begin changes nothing")
    func signed() {
        var late = pok
        late.signedOn = d("2026-10-12")
        #expect(late.countingPeriod == DateRange(start: d("2026-10-12"), end: d("2027-07-09")))
        #expect(late.range == pok.range, "the agreed period stays as agreed")
        var early = pok
        early.signedOn = d("2025-08-20")
        #expect(early.countingPeriod == pok.range)
    }

    @Test("a termination is the last day: it ends the counting period and the POK stops running after it")
    func terminated() {
        var ended = pok
        ended.terminatedOn = d("2026-11-20")
        ended.status = .ended
        #expect(ended.lastDay == d("2026-11-20"))
        #expect(ended.countingPeriod == DateRange(start: d("2025-09-08"), end: d("2026-11-20")))
        #expect(ended.isActive(on: d("2026-11-20")))
        #expect(!ended.isActive(on: d("2026-11-21")))
        ended.signedOn = d("2026-11-21")
        #expect(ended.countingPeriod == nil, "signed after it was terminated: no day counts")
    }

    @Test("an ended status without a termination date keeps the end date")
    func endedWithoutDate() {
        var ended = pok
        ended.status = .ended
        #expect(ended.lastDay == pok.end)
        #expect(POKStatus.allCases.map(\.rawValue) == ["active", "ended"])
    }
}
