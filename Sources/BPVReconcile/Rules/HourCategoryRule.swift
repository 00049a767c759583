import BPVModel

/// Which kinds of time count (domain.md, ICT gids 2.9.3 and the PET gids): sick days, leave, holidays, doctor's and
/// similar appointments and travel to the standplaats never count; travel between jobs, training and work count.
/// Which categories count is a setting.
public struct HourCategoryRule: Rule {
    public static let id: RuleID = "hours.category"
    public static let title = "Only working time counts (not sick, leave, holiday...)"

    public struct Settings: Sendable, Equatable {
        /// The categories whose hours count.
        public var counted: Set<HourCategory>
        public init(counted: Set<HourCategory> = [.work, .travelJobs, .training, .other]) { self.counted = counted }
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }
    /// With the default settings.
    public init() { self.init(settings: Settings()) }

    public func evaluate(_ entry: HourEntry) -> RuleOutcome {
        guard !settings.counted.contains(entry.category) else { return RuleOutcome() }
        let code: VerdictCode
        switch entry.category {
        case .sick: code = .categorySick
        case .leave: code = .categoryLeave
        case .holiday: code = .categoryHoliday
        case .doctor: code = .categoryDoctor
        case .travelStandplaats: code = .categoryTravelStandplaats
        case .travelJobs: code = .categoryTravelJobs
        case .training: code = .categoryTraining
        case .work, .other: code = .categoryOther
        }
        let type = entry.hourType.map { " (\(Excerpt.of($0, limit: 30)))" } ?? ""
        return RuleOutcome(reasons: [VerdictReason(code, rule: Self.id,
            explanation: "\(entry.category.rawValue)\(type) hours do not count towards the POK")])
    }
}
