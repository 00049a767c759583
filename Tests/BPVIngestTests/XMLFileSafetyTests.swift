import BPVIngest
import BPVModel
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files that fail as a whole: not well-formed, truncated, empty, hostile (XXE, entity bombs), or without records.
/// The error names the file, line and column; no value from outside the file ever appears.
@Suite struct XMLFileSafetyTests {
    let setu: HourMapping

    init() throws { setu = try XMLFixture.shippedMapping("setu-timecard") }

    /// Reads the whole file; returns the file-level error, or `nil` when there was none.
    private func failure(_ name: String, _ mapping: HourMapping? = nil) -> (error: FileLevelError?, entries: [HourEntry]) {
        var entries: [HourEntry] = []
        do {
            let reader = try HourFileReader(path: XMLFixture.path(name), mapping: mapping ?? setu, employerID: "t")
            while let batch = try reader.next() { entries += batch.entries }
        } catch {
            return (error, entries)
        }
        return (nil, entries)
    }

    @Test func notWellFormedFailsWithLineAndColumn() throws {
        let (error, _) = failure("not-well-formed.xml")
        let e = try #require(error)
        #expect(e.file == XMLFixture.path("not-well-formed.xml"))
        #expect(e.line == (try XMLFixture.line(of: "</Durtion>", before: "</Durtion>", in: "not-well-formed.xml")))
        #expect(e.column != nil)
        #expect(e.message.hasPrefix("not well-formed XML"))
        #expect(e.message.contains("Durtion"))
    }

    @Test func truncatedFileFailsAtItsEnd() throws {
        let (error, _) = failure("truncated.xml")
        let e = try #require(error)
        let lines = try String(contentsOfFile: XMLFixture.path("truncated.xml"), encoding: .utf8).split(separator: "\n")
        #expect(e.line == lines.count)
        #expect(e.column != nil)
        #expect(e.message.contains("truncated"))
    }

    @Test func emptyFileFails() throws {
        let e = try #require(failure("empty.xml").error)
        #expect(e.message == "the file is empty (0 bytes)")
    }

    @Test func localFileEntityNeverLeaks() throws {
        let (error, entries) = failure("xxe-local-file.xml")
        let e = try #require(error)
        #expect(entries.isEmpty)
        #expect(e.line == 2 && e.column != nil)
        #expect(e.message.contains("document type declaration"))
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")
        #expect(!e.description.contains(firstLine))
        #expect(!e.description.contains("root:"))
    }

    @Test func httpEntityIsNeverFetched() throws {
        // The fixture points its DTD and entities at 127.0.0.1:47613. Listen there: no connection may arrive.
        let listener = LocalListener(port: 47613)
        let (error, entries) = failure("xxe-http.xml")
        let e = try #require(error)
        #expect(entries.isEmpty)
        #expect(e.line == 2)
        #expect(e.message.contains("document type declaration"))
        if let listener { #expect(listener.connectionsWaiting() == 0) }
    }

    @Test func billionLaughsIsRefusedBeforeAnyExpansion() throws {
        let (error, entries) = failure("billion-laughs.xml")
        let e = try #require(error)
        #expect(entries.isEmpty)
        #expect(e.line == 2)
        #expect(e.message.contains("document type declaration"))
        #expect(!e.message.contains("lollol"))
    }

    @Test func anUndeclaredEntityIsAnError() throws {
        let e = try #require(failure("undeclared-entity.xml").error)
        #expect(e.line == (try XMLFixture.line(of: "&passwd;", before: "&passwd;", in: "undeclared-entity.xml")))
        #expect(e.message.contains("passwd"))
    }

    @Test func aRecordPathInAnotherNamespaceFindsNoRecordsAndSaysWhy() throws {
        // Unprefixed names mean "no namespace"; the card is in the HR-XML namespace.
        let mapping = try XMLFixture.mapping("""
            bpv_mapping: 1
            name: no-namespace
            produces: hour_entries
            source: { format: xml, record: /TimeCard/ReportedTime/TimeInterval }
            fields:
              employee: { path: ../../ReportedResource/Person/Id/IdValue }
              start: { path: StartDateTime, datetime: "yyyy-MM-dd'T'HH:mm:ss" }
              duration: { path: Duration, duration: auto }
            """)
        let e = try #require(failure("setu-default-namespace.xml", mapping).error)
        #expect(e.message.contains("no record elements /TimeCard/ReportedTime/TimeInterval"))
        #expect(e.message.contains("http://ns.hr-xml.org/2007-04-15"))
        #expect(e.message.contains("namespace URI"))
    }

    @Test func recordsWaitingTooLongForAnEnclosingValueFailTheFile() throws {
        // The card's ApprovalInfo comes after its 7 intervals: all of them wait for it. Allow 3.
        let paths = { (text: String) -> XMLFieldPath in
            let hr = "http://ns.hr-xml.org/2007-04-15"
            return XMLFieldPath(text: text, up: 2, steps: [XMLName(namespace: hr, local: "ApprovalInfo", prefix: "hr"),
                                                         XMLName(namespace: hr, local: "ApprovedDateTime", prefix: "hr")],
                                attribute: nil)
        }
        let record = try #require(setu.source.xml?.record)
        let layout = XMLRecordLayout(record: record, fields: [[paths("../../hr:ApprovalInfo/hr:ApprovedDateTime")]])
        let patient = try XMLRecordReader(path: XMLFixture.path("setu-default-namespace.xml"), layout: layout,
                                          encoding: nil, maxWaitingRecords: 7)
        let batch = try #require(try patient.nextBatch())
        let card = batch.prefix(7)  // the first card's intervals
        #expect(card.count == 7)
        #expect(card.allSatisfy { $0.string(0) == "2026-12-07T09:12:00" })

        let caught = fileLevelError { () throws(FileLevelError) in
            let impatient = try XMLRecordReader(path: XMLFixture.path("setu-default-namespace.xml"), layout: layout,
                                                encoding: nil, maxWaitingRecords: 3)
            while try impatient.nextBatch() != nil {}
        }
        let e = try #require(caught)
        #expect(e.message.contains("more than 3 records inside one <hr:TimeCard> wait for ../../hr:ApprovalInfo/hr:ApprovedDateTime"))
        #expect(e.line == (try XMLFixture.line(of: "<TimeInterval", before: "TW-40117-20261130-1",
                                               in: "setu-default-namespace.xml")))
    }
}

/// The error `body` throws, or `nil`.
func fileLevelError(_ body: () throws(FileLevelError) -> Void) -> FileLevelError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// A TCP listener on 127.0.0.1 that never accepts: the kernel still queues incoming connections, so a connection
/// attempt shows as a waiting connection. `nil` when the port is taken.
final class LocalListener {
    private let socketFD: Int32

    init?(port: UInt16) {
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return nil }
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 16) == 0 else { close(socketFD); return nil }
        _ = fcntl(socketFD, F_SETFL, O_NONBLOCK)
    }

    deinit { close(socketFD) }

    /// Accepts (and closes) whatever connected; returns how many did.
    func connectionsWaiting() -> Int {
        var count = 0
        while true {
            let client = accept(socketFD, nil, nil)
            if client < 0 { break }
            close(client)
            count += 1
        }
        return count
    }
}
