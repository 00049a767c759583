import Foundation
import Mustache

/// The reports' Mustache templates: the defaults shipped with BPVKit (`Sources/BPVReport/Templates/`, a resource of
/// the module), each replaceable by a file of the same name in the school's own folder (`report.templates:` in
/// bpv.yaml). Mustache escapes every `{{value}}` for HTML; only the SVG charts, which the project draws and
/// escapes itself (``SVG``), are inserted raw (`{{{chart}}}`).
public struct ReportTemplates: Sendable {
    /// The template names a report uses (file `<name>.mustache`).
    public static let names = ["style", "header", "footer", "morning", "overview", "student", "feedback", "runs"]

    let library: MustacheLibrary
    /// Where each template came from, by name: the shipped file or the school's.
    public let sources: [String: String]

    /// The shipped templates, overridden by those in `overrides` (a folder) when given. A template that does not
    /// parse is an error naming its file.
    public init(overrides: String? = nil) throws {
        guard let shipped = Self.shippedFolder() else {
            throw ReportError("the report templates shipped with bpv are missing (BPVKit_BPVReport.resources)")
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for name in Self.names {
            var path = (shipped as NSString).appendingPathComponent(name + ".mustache")
            if let overrides {
                let own = (overrides as NSString).appendingPathComponent(name + ".mustache")
                if FileManager.default.fileExists(atPath: own) { path = own }
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportError("\(path): the report template cannot be read")
            }
            do {
                library.register(try MustacheTemplate(string: String(decoding: data, as: UTF8.self)), named: name)
            } catch {
                throw ReportError("\(path): the report template does not parse: \(error)")
            }
            sources[name] = path
        }
        self.library = library
        self.sources = sources
    }

    /// The folder of the shipped templates.
    static func shippedFolder() -> String? {
        Bundle.module.url(forResource: "Templates", withExtension: nil)?.path
    }

    /// `template` rendered with `view`.
    func render(_ template: String, _ view: [String: Any]) throws -> String {
        guard let text = library.render(view, withTemplate: template) else {
            throw ReportError("no report template named \(template)")
        }
        return text
    }
}
