/// Drafts an hour mapping from a sample export: sniffs the file (``SamplePrefix``, then ``DialectSniffer`` for CSV or
/// ``XMLSampleSniffer`` for XML), guesses the columns' or fields' roles (``ColumnRoleGuesser``) and writes the mapping
/// (``MappingDraftWriter``), then loads the draft with ``MappingLoader`` to report what its author still has to do.
public struct MappingDrafter {
    /// A drafted mapping and what loading it says.
    public struct Draft: Sendable {
        public var yaml: String
        public var plan: DraftPlan
        public var source: DraftSource
        /// From loading the draft: errors while a required field is still a template, a warning per `# CHECK`.
        public var diagnostics: [MappingDiagnostic]

        /// Whether the draft loads as it is (its `# CHECK` marks aside).
        public var loads: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    public var sampleRecords: Int
    public var codeLimit: Int

    public init(sampleRecords: Int = 1000, codeLimit: Int = 50) {
        self.sampleRecords = sampleRecords
        self.codeLimit = codeLimit
    }

    /// Drafts a mapping from the sample at `path`. `name`: the mapping's name (`nil`: derived from the file name and
    /// marked to check); `draftFile` names the draft in its diagnostics. Throws a ``FileLevelError`` for files that
    /// cannot be drafted from: empty, binary, a single line, no delimiter; XML that is not well-formed, truncated,
    /// declares a DTD, or has no repeating element.
    public func draft(path: String, name: String? = nil, draftFile: String = "draft.yaml") throws(FileLevelError) -> Draft {
        let prefix = try SamplePrefix(path: path)
        let source: DraftSource
        switch try prefix.format() {
        case .xml:
            source = .xml(try XMLSampleSniffer(sampleRecords: sampleRecords).sniff(path: path, prefix: prefix))
        case .csv:
            source = .csv(try DialectSniffer(sampleRecords: sampleRecords).sniff(path: path, prefix: prefix))
        }
        let plan = ColumnRoleGuesser(codeLimit: codeLimit).guess(source.table)
        let yaml = MappingDraftWriter().write(plan, source: source, name: name, sampleFile: path)
        let (_, diagnostics) = MappingLoader().check(yaml: yaml, file: draftFile)
        return Draft(yaml: yaml, plan: plan, source: source, diagnostics: diagnostics)
    }
}
