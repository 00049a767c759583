import BPVStore
import Testing

/// One top-level field read from a stored value's JSON without decoding it (the results stage skips the records
/// of students it does not judge by it): nested members of the same name are never taken, anything it cannot
/// read for certain is `undecided` (the reader then decodes).
@Suite struct KeyedRecordFieldTests {
    func field(_ json: String, _ name: String = "studentNumber") -> KeyedRecord.FieldLookup {
        KeyedRecord(key: "k", line: 1, json: Array(json.utf8)).topLevelField(name)
    }

    @Test func aTopLevelStringIsRead() {
        #expect(field(#"{"studentNumber":"2250114"}"#) == .string("2250114"))
        #expect(field(#"{"id":"B-1","pokNumber":"P1","studentNumber":"2250114","zz":1}"#) == .string("2250114"))
        #expect(field(#" { "id" : "B-1" , "studentNumber" : "2250114" } "#) == .string("2250114"))
        #expect(field(#"{"studentNumber":""}"#) == .string(""))
    }

    @Test func theFirstAndTheLastMemberAreRead() {
        #expect(field(#"{"a":"x","b":"y"}"#, "a") == .string("x"))
        #expect(field(#"{"a":"x","b":"y"}"#, "b") == .string("y"))
    }

    @Test func aMissingFieldIsAbsent() {
        #expect(field(#"{}"#) == .absent)
        #expect(field(#"{"id":"B-1","pokNumber":null,"line":12,"ok":true}"#) == .absent)
        #expect(field(#"{"studentNumberX":"1","xstudentNumber":"2"}"#) == .absent)
    }

    @Test func aMemberOfTheSameNameInsideANestedValueIsNotTaken() {
        #expect(field(#"{"a":{"studentNumber":"X"},"studentNumber":"Y"}"#) == .string("Y"))
        #expect(field(#"{"a":[{"studentNumber":"X"},[1,{"b":[]}]]}"#) == .absent)
        #expect(field(#"{"a":{"b":{"c":"}"}},"studentNumber":"Y"}"#) == .string("Y"))
    }

    @Test func stringsWithQuotesOrBracketsInThemAreSkippedWhole() {
        #expect(field(#"{"a":"he said \"studentNumber\":\"X\"","studentNumber":"Y"}"#) == .string("Y"))
        #expect(field(#"{"a":"{[","studentNumber":"Y"}"#) == .string("Y"))
        #expect(field(#"{"a":"ends in a backslash \\","studentNumber":"Y"}"#) == .string("Y"))
    }

    @Test func anEscapedValueOrNameOrAnotherTypeIsUndecided() {
        #expect(field(#"{"studentNumber":"22\u00e9"}"#) == .undecided)
        #expect(field(#"{"student\u004eumber":"1"}"#) == .undecided)
        #expect(field(#"{"studentNumber":2250114}"#) == .undecided)
        #expect(field(#"{"studentNumber":null}"#) == .undecided)
    }

    @Test func malformedOrNonObjectJSONIsUndecided() {
        #expect(field(#"["studentNumber","1"]"#) == .undecided)
        #expect(field("") == .undecided)
        #expect(field(#"{"studentNumber":"2250"#) == .undecided)
        #expect(field(#"{"a":{"b":1"#) == .undecided)
        #expect(field(#"{"a" "b"}"#) == .undecided)
        #expect(field(#"{"a":"b" "c":"d"}"#) == .undecided)
    }
}
