import BPVIngest
import BPVModel
import Testing

/// Bad XML records become rejects that name the file, the line, the element path, the field's path, the value and
/// the reason; the records around them go on.
@Suite struct XMLRecordRejectTests {
    let file = "setu-bad-records.xml"
    let read: XMLFixture.Read

    init() throws {
        read = try XMLFixture.read(file, try XMLFixture.shippedMapping("setu-timecard"))
    }

    private func reject(_ marker: String) throws -> Reject {
        let line = try XMLFixture.line(of: "<TimeInterval", before: marker, in: file)
        return try #require(read.rejects.first { $0.location.line == line }, "no reject on line \(line)")
    }

    @Test func goodRecordsAroundTheBadOnesAreKept() throws {
        #expect(read.recordsRead == 8)
        #expect(read.entries.map(\.externalID) == ["B-1", "B-8"])
        #expect(read.rejects.count == 6)
        #expect(read.rejects.allSatisfy { $0.location.file == XMLFixture.path(file) })
        // Overnight without a Duration: from the times, 22:00 to 02:00.
        #expect(read.entry("B-8")?.minutes == 4 * 60)
        // Its start tag spans three lines: the record starts on the first.
        #expect(read.entry("B-8")?.source.line == (try XMLFixture.line(of: "<TimeInterval", before: "B-8", in: file)))
    }

    // The SETU mapping's record path is //hr:TimeCard/...: the path counts TimeCards from the document's start.
    @Test func unknownHourTypeNamesTheAttributeAndTheKnownTypes() throws {
        let r = try reject("B-2")
        #expect(r.column == "@type")
        #expect(r.value == "Piketdienst")
        #expect(r.reason == "unknown hour type")
        #expect(r.expected?.contains("Sick time") == true)
        #expect(r.location.elementPath == "//TimeCard[1]/ReportedTime[1]/TimeInterval[2]")
        #expect(r.columnNumber == nil)
        #expect(r.record?.contains("@type=Piketdienst") == true)
    }

    @Test func missingStartDateTimeIsNamed() throws {
        let r = try reject("B-3")
        #expect(r.column == "hr:StartDateTime")
        #expect(r.value == nil)
        #expect(r.reason == "missing or empty")
        #expect(r.location.elementPath == "//TimeCard[1]/ReportedTime[1]/TimeInterval[3]")
    }

    @Test func badDurationAndBadTimeAndBadDayAssignment() throws {
        let duration = try reject("B-4")
        #expect(duration.column == "hr:Duration" && duration.value == "acht uur")
        #expect(duration.reason == "not a valid duration")
        let assignment = try reject("B-5")
        #expect(assignment.column == "@dayAssignment" && assignment.value == "tomorrow")
        #expect(assignment.expected?.contains("previous, current, next") == true)
        let time = try reject("B-6")
        #expect(time.column == "hr:StartDateTime" && time.value == "2026-12-11T31:00:00")
        #expect(time.reason == "not a valid date and time")
    }

    @Test func aVoidWithoutAnIdIsRejected() throws {
        let line = try XMLFixture.line(of: "<TimeInterval", before: "actionCode=\"Void\"", in: file)
        let r = try #require(read.rejects.first { $0.location.line == line })
        #expect(r.column == "hr:Id/hr:IdValue")
        #expect(r.reason == "missing or empty")
        #expect(r.location.elementPath == "//TimeCard[1]/ReportedTime[1]/TimeInterval[7]")
    }

    @Test func anAbsoluteRecordPathGivesAnAbsoluteElementPath() throws {
        let mapping = try XMLFixture.mapping("""
            bpv_mapping: 1
            name: absolute
            produces: hour_entries
            source:
              format: xml
              record: /hr:TimeCard/hr:ReportedTime/hr:TimeInterval
              namespaces: { hr: "http://ns.hr-xml.org/2007-04-15" }
            fields:
              employee: { path: ../../hr:ReportedResource/hr:Person/hr:Id/hr:IdValue }
              start: { path: hr:StartDateTime, datetime: "yyyy-MM-dd'T'HH:mm:ss" }
              duration: { path: hr:Duration, duration: auto }
              category: { path: "@type", codes: types }
            codes:
              types: { values: { Regular: work, Overtime: work } }
            """)
        let read = try XMLFixture.read(file, mapping)
        let line = try XMLFixture.line(of: "<TimeInterval", before: "B-2", in: file)
        let r = try #require(read.rejects.first { $0.location.line == line })
        #expect(r.location.elementPath == "/TimeCard/ReportedTime[1]/TimeInterval[2]")
        #expect(r.column == "@type")
    }
}
