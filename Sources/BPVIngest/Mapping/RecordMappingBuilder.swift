import BPVModel
import Yams

/// Builds a ``RecordMapping`` from a checked ``MappingDocument`` of a ``RecordKind``: the fields the kind cannot do
/// without (from its schema) and the `rows` section.
struct RecordMappingBuilder {
    let kind: RecordKind

    func build(_ document: MappingDocument, _ r: inout NodeReader) -> RecordMapping? {
        let written = Set((document.fieldsNode?.mapping.map { Array($0.keys) } ?? []).compactMap { $0.scalar?.string })
        let schema = kind.schema
        for name in schema.fieldOrder where schema.fields[name]!.required && !written.contains(name) {
            r.error(document.fieldsNode ?? document.root, "fields need '\(name)' (a mapping that produces \(kind.produces) cannot do without it)",
                    hint: "map it to a column: \(name): { column: NAME }")
        }
        var skipWhenEmpty: [String] = []
        if let rows = document.sections["rows"] {
            for (key, _, value) in r.pairs(rows, known: ["skip_when_empty"], context: "rows") where key == "skip_when_empty" {
                let items = value.sequence.map { Array($0) } ?? [value]
                for item in items {
                    guard let name = r.string(item, "skip_when_empty") else { continue }
                    if !written.contains(name) {
                        r.error(item, "rows.skip_when_empty names '\(name)', which is not a mapped field",
                                hint: didYouMean(name, Array(written)) ?? "name fields mapped under fields:")
                    } else if let spec = document.fields[name], case .constant = spec.source {
                        r.error(item, "rows.skip_when_empty names '\(name)', which is a constant", hint: "skip_when_empty lists fields read from columns")
                    } else {
                        skipWhenEmpty.append(name)
                    }
                }
            }
        }
        guard !r.hasErrors else { return nil }
        return RecordMapping(kind: kind, name: document.name, revision: document.revision,
                             description: document.description, path: document.path, source: document.source,
                             fields: document.fields, codes: document.codes, importRule: document.importRule,
                             skipWhenEmpty: skipWhenEmpty)
    }
}
