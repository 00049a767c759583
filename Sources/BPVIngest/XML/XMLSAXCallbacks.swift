import CLibXML2
import Foundation

// The SAX2 callbacks libxml2 calls while parsing; each hands over to the ``XMLRecordCollector`` passed as the
// parser's user data.

/// A SAX2 handler with what every BPVKit parse of XML keeps to: element callbacks with namespaces, all text (also
/// CDATA and whitespace) to one callback, a document type declaration refused before its internal subset is read,
/// errors reported. No entityDecl, getEntity, resolveEntity or externalSubset: entities are never stored or fetched.
func safeSAXHandler(start: startElementNsSAX2Func, end: endElementNsSAX2Func, text: charactersSAXFunc,
                    doctype: internalSubsetSAXFunc, error: xmlStructuredErrorFunc) -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    handler.initialized = XML_SAX2_MAGIC
    handler.startElementNs = start
    handler.endElementNs = end
    handler.characters = text
    handler.cdataBlock = text
    handler.ignorableWhitespace = text
    handler.internalSubset = doctype
    handler.serror = error
    return handler
}

/// Frees a parser context and any document libxml2 made in it behind the SAX handler's back: after a fatal error
/// (a DOCTYPE without a name switches the callbacks off), libxml2 parses an internal subset into a document of
/// its own (`myDoc`), which `xmlFreeParserCtxt` does not free (found by the fuzzer: 25 KB and the entities' values
/// per such file).
func freeParser(_ parser: xmlParserCtxtPtr) {
    if let document = parser.pointee.myDoc {
        xmlFreeDoc(document)
        parser.pointee.myDoc = nil
    }
    xmlFreeParserCtxt(parser)
}

@inline(__always) private func collector(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLRecordCollector> {
    context!.assumingMemoryBound(to: XMLRecordCollector.self)
}

func xmlStartElement(_ context: UnsafeMutableRawPointer?, _ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                     _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
                     _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32,
                     _ defaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    collector(context).pointee.startElement(local, uri, attributeCount, attributes)
}

func xmlEndElement(_ context: UnsafeMutableRawPointer?, _ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                   _ uri: UnsafePointer<xmlChar>?) {
    collector(context).pointee.endElement()
}

func xmlCharacters(_ context: UnsafeMutableRawPointer?, _ data: UnsafePointer<xmlChar>?, _ length: Int32) {
    collector(context).pointee.characters(data, length)
}

/// A document type declaration: refused before its internal subset is read, so no entity is ever declared,
/// loaded or expanded (XXE, billion laughs).
func xmlRefuseDoctype(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                      _ externalID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?) {
    let c = collector(context)
    guard let parser = c.pointee.context else { return }
    let rootName = name.map { String(cString: $0) } ?? ""
    c.pointee.fail(line: Int(xmlSAX2GetLineNumber(parser)), column: Int(xmlSAX2GetColumnNumber(parser)),
                   message: doctypeRefusal(rootName: rootName))
    xmlStopParser(parser)
}

/// Why a document type declaration fails the file (the import's reader and the draft's sniffer say the same).
func doctypeRefusal(rootName: String) -> String {
    "the file has a document type declaration (<!DOCTYPE \(rootName) ...>): BPVKit does not read "
        + "DTDs, because their entities can load other files or expand without bound; hour exports do not "
        + "need one (remove the DOCTYPE)"
}

func xmlStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "error"
    message = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: " ")
    let c = collector(context)
    // Nothing of the file left to parse: the parser ran out of input (a truncated file).
    var atEnd = false
    if let input = c.pointee.context?.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end {
        atEnd = cur >= end
    }
    c.pointee.fail(line: Int(error.pointee.line), column: Int(error.pointee.int2),
                   message: "not well-formed XML: " + message, atEnd: atEnd)
}
