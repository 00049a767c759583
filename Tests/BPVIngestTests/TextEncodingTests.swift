@testable import BPVIngest
import Testing

/// Encodings: detection and conversion to UTF-8 of the characters Dutch exports carry.
@Suite struct TextEncodingTests {
    static func transcode(_ bytes: [UInt8], _ encoding: TextEncoding, split: Int? = nil) -> String {
        var transcoder = UTF8Transcoder(encoding: encoding)
        var output: [UInt8] = []
        let cut = split ?? bytes.count
        bytes[..<cut].withUnsafeBytes { transcoder.transcode($0, into: &output) }
        bytes[cut...].withUnsafeBytes { transcoder.transcode($0, into: &output) }
        transcoder.finish(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func windows1252HasTheEuroSignAndLatin1DoesNot() {
        let bytes: [UInt8] = [0x49, 0x64, 0x65, 0x65, 0xEB, 0x6E, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x80]
        #expect(Self.transcode(bytes, .windows1252) == "Ideeën café €")
        #expect(Self.transcode(bytes, .iso88591) == "Ideeën café \u{80}")
        #expect(Self.transcode([0x81], .windows1252) == "\u{FFFD}") // undefined in Windows-1252
    }

    @Test func utf16InBothByteOrdersAcrossChunkBoundaries() {
        let text = "Ideeën café € 𝄞"
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for split in [0, 1, 3, le.count - 3, le.count - 1] {
            #expect(Self.transcode(le, .utf16le, split: split) == text)
            #expect(Self.transcode(be, .utf16be, split: split) == text)
        }
        #expect(Self.transcode(Array(le.dropLast()), .utf16le).hasSuffix("\u{FFFD}")) // truncated
    }

    @Test func detection() {
        func detect(_ bytes: [UInt8]) -> TextEncoding { bytes.withUnsafeBytes { TextEncoding.detect($0, isWholeFile: true) } }
        #expect(detect([0xEF, 0xBB, 0xBF, 0x41]) == .utf8)
        #expect(detect([0xFF, 0xFE, 0x41, 0x00]) == .utf16le)
        #expect(detect([0xFE, 0xFF, 0x00, 0x41]) == .utf16be)
        #expect(detect(Array("Ideeën".utf8)) == .utf8)
        #expect(detect([0x49, 0x64, 0x65, 0x65, 0xEB, 0x6E]) == .windows1252)
        #expect(detect(Array("a;b;c\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == .utf16le)
    }

    @Test func utf8Validation() {
        func invalid(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) } }
        #expect(invalid(Array("café €".utf8)) == nil)
        #expect(invalid([0x61, 0xC3]) == 1) // truncated
        #expect(invalid([0x61, 0xC0, 0x80]) == 1) // overlong
        #expect(invalid([0xED, 0xA0, 0x80]) == 0) // surrogate
        #expect(([0x61, 0xC3] as [UInt8]).withUnsafeBytes { UTF8Validation.isValid($0, allowTruncatedEnd: true) })
        #expect(!([0x61, 0xC3] as [UInt8]).withUnsafeBytes { UTF8Validation.isValid($0) })
    }
}
