import BPVModel
import BPVReconcile
import Foundation
import Yams

/// The `evidence:` part of a programme file (see `mappings/README.md`, "Evidence rules"): the requirements of a
/// voldoende or goed, how goed is derived, and the monitoring. Every problem is `file:line:column: ...`.
extension TimetableFiles {
    static let evidenceKeys = ["requirements", "goed_when", "monitoring"]
    static let requirementKeys = ["id", "label", "hours", "document", "min_count", "min_grade", "approvals",
                                  "assessment", "parts", "signatures"]
    static let goedWhenKeys = ["assessment", "part", "at_least"]
    static let monitoringKeys = ["first_tussenbeoordeling_weeks", "tussenbeoordeling_every_months",
                                 "visit_every_months", "evidence_warning_weeks"]

    struct EvidenceFile: Decodable {
        struct Requirement: Decodable {
            var id: String
            var label: String?
            var hours: String?
            var document: String?
            var min_count: Int?
            var min_grade: String?
            var approvals: [String]?
            var assessment: String?
            var parts: [String]?
            var signatures: [String]?
        }
        struct GoedWhen: Decodable { var assessment: String; var part: String; var at_least: String }
        struct Monitoring: Decodable {
            var first_tussenbeoordeling_weeks: Int?
            var tussenbeoordeling_every_months: Int?
            var visit_every_months: Int?
            var evidence_warning_weeks: Int?
        }
        var requirements: [Requirement]
        var goed_when: GoedWhen?
        var monitoring: Monitoring?
    }

    struct EvidenceSection: Decodable { var evidence: EvidenceFile? }

    /// The unknown keys of the `evidence:` part.
    static func evidenceKeyProblems(_ yaml: ConfigurationYAML) -> [ConfigurationYAML.Problem] {
        let at: [ConfigurationYAML.Step] = [.key("evidence")]
        var problems = yaml.unknownKeys(in: yaml.node(at: at), evidenceKeys, "evidence")
        for node in yaml.node(at: at + [.key("requirements")])?.sequence ?? [] {
            problems += yaml.unknownKeys(in: node, requirementKeys, "a requirement")
        }
        problems += yaml.unknownKeys(in: yaml.node(at: at + [.key("goed_when")]), goedWhenKeys, "goed_when")
        problems += yaml.unknownKeys(in: yaml.node(at: at + [.key("monitoring")]), monitoringKeys, "monitoring")
        return problems
    }

    /// The evidence rules of the file, `nil` when it has no `evidence:`; problems are added to `problems`.
    static func evidenceRules(_ yaml: ConfigurationYAML, _ problems: inout [ConfigurationYAML.Problem]) -> EvidenceRules? {
        guard yaml.node(at: [.key("evidence")]) != nil else { return nil }
        let file: EvidenceFile
        do {
            guard let decoded = try yaml.decode(EvidenceSection.self).evidence else { return nil }
            file = decoded
        } catch {
            problems.append(error)
            return nil
        }
        let base: [ConfigurationYAML.Step] = [.key("evidence"), .key("requirements")]
        var requirements: [EvidenceRules.Requirement] = []
        var ids = Set<String>()
        for (index, r) in file.requirements.enumerated() {
            let at = base + [.index(index)]
            if !ids.insert(r.id).inserted { problems.append(yaml.problem(at: at + [.key("id")], "requirement '\(r.id)' is given twice")) }
            let given = [r.hours != nil, r.document != nil, r.assessment != nil].filter { $0 }.count
            guard given == 1 else {
                problems.append(yaml.problem(at: at, "requirement '\(r.id)' needs exactly one of 'hours: pok', "
                                             + "'document: <kind>' or 'assessment: tussen|eind'"))
                continue
            }
            let minGrade = r.min_grade.flatMap { grade($0, yaml, at + [.key("min_grade")], &problems) }
            let check: EvidenceRules.Check
            if let hours = r.hours {
                guard hours == "pok" else {
                    problems.append(yaml.problem(at: at + [.key("hours")], "'\(hours)': write 'hours: pok' (the POK's hours)"))
                    continue
                }
                check = .hours
            } else if let kind = r.document {
                let count = r.min_count ?? 1
                if count < 1 { problems.append(yaml.problem(at: at + [.key("min_count")], "min_count \(count) is not 1 or more")) }
                check = .document(kind: kind.lowercased(), minCount: count, minGrade: minGrade,
                                  approvals: roles(r.approvals ?? [], yaml, at + [.key("approvals")], &problems))
            } else {
                let stageText = r.assessment ?? ""
                guard let stage = Assessment.Stage(rawValue: stageText) else {
                    problems.append(yaml.problem(at: at + [.key("assessment")], "'\(stageText)' is not an assessment: write tussen or eind"))
                    continue
                }
                let parts = r.parts ?? []
                for (i, part) in parts.enumerated() where !Assessment.partNames.contains(part) {
                    problems.append(yaml.problem(at: at + [.key("parts"), .index(i)],
                        "'\(part)' is not a part (write \(Assessment.partNames.joined(separator: ", ")))"))
                }
                check = .assessment(stage: stage, parts: parts, minGrade: minGrade,
                                    signatures: roles(r.signatures ?? [], yaml, at + [.key("signatures")], &problems))
            }
            requirements.append(.init(id: r.id, label: r.label ?? r.id, check: check))
        }
        var goed: EvidenceRules.GradeCondition?
        if let g = file.goed_when {
            let at: [ConfigurationYAML.Step] = [.key("evidence"), .key("goed_when")]
            let stage = Assessment.Stage(rawValue: g.assessment)
            if stage == nil { problems.append(yaml.problem(at: at + [.key("assessment")], "'\(g.assessment)' is not an assessment: write tussen or eind")) }
            if !Assessment.partNames.contains(g.part) {
                problems.append(yaml.problem(at: at + [.key("part")], "'\(g.part)' is not a part (write \(Assessment.partNames.joined(separator: ", ")))"))
            }
            if let stage, let atLeast = grade(g.at_least, yaml, at + [.key("at_least")], &problems) {
                goed = .init(stage: stage, part: g.part, atLeast: atLeast)
            }
        }
        let m = file.monitoring
        return EvidenceRules(requirements: requirements, goedWhen: goed, monitoring: .init(
            firstTussenbeoordelingWeeks: m?.first_tussenbeoordeling_weeks, tussenbeoordelingEveryMonths: m?.tussenbeoordeling_every_months,
            visitEveryMonths: m?.visit_every_months, evidenceWarningWeeks: m?.evidence_warning_weeks))
    }

    static func grade(_ text: String, _ yaml: ConfigurationYAML, _ at: [ConfigurationYAML.Step],
                      _ problems: inout [ConfigurationYAML.Problem]) -> Grade? {
        if let grade = Grade(code: text), grade != .nvt { return grade }
        problems.append(yaml.problem(at: at, "'\(text)' is not a grade: write O, M, V or G"))
        return nil
    }

    static func roles(_ names: [String], _ yaml: ConfigurationYAML, _ at: [ConfigurationYAML.Step],
                      _ problems: inout [ConfigurationYAML.Problem]) -> [EvidenceRole] {
        var roles: [EvidenceRole] = []
        for (index, name) in names.enumerated() {
            if let role = EvidenceRole(rawValue: name) { roles.append(role) } else {
                problems.append(yaml.problem(at: at + [.index(index)], "'\(name)' is not a role: write "
                                             + EvidenceRole.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        return roles
    }
}

/// `bpv mapping lint` on programme files (`mappings/programmes/*.yaml`): the same checks as the configuration's.
public enum ProgrammeFileLint {
    /// A programme file is one in a folder named `programmes`.
    public static func isProgrammeFile(_ path: String) -> Bool {
        URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent == "programmes"
    }

    /// The file's problems, one `file:line:column: message` each; empty when it is fine.
    public static func problems(path: String) -> [String] {
        do {
            _ = try TimetableFiles.programme(path: path, calendar: nil)
            return []
        } catch {
            return "\(error)".split(separator: "\n").map(String.init)
        }
    }
}
