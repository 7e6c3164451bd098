/// The fixed phases every status maps to (domain.md §4). Reports aggregate on phases, so status
/// vocabularies can change without changing reports.
public enum Phase: String, CaseIterable, Sendable, Codable {
    case draft, submitted, reviewing, approved, rejected, executing, closed, withdrawn

    /// Traditional Chinese label, as in the `phase` table.
    public var label: String {
        switch self {
        case .draft: "草擬"
        case .submitted: "已提報"
        case .reviewing: "審查中"
        case .approved: "核定"
        case .rejected: "未核定"
        case .executing: "執行中"
        case .closed: "結案"
        case .withdrawn: "撤案"
        }
    }

    /// Reads `approved` or its label `核定`.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let phase = Phase(rawValue: t) ?? Phase.allCases.first(where: { $0.label == t }) else { return nil }
        self = phase
    }
}
