import Foundation

/// The sheets of the NDC-matching status workbook (`export ndc`), in their order, named as 研考會
/// names them; `--sheet` takes the Chinese name or the English key.
public enum NDCSheet: String, CaseIterable, Sendable {
    case plans = "計畫"
    case matches = "部會媒合"
    case proposals = "事業提案"
    case subsidies = "補助申請"
    case visits = "實地輔導"

    public var name: String { rawValue }

    public var key: String {
        switch self {
        case .plans: "plans"
        case .matches: "matches"
        case .proposals: "proposals"
        case .subsidies: "subsidies"
        case .visits: "visits"
        }
    }

    /// The sheet a user means by its Chinese name or English key; nil for anything else.
    public init?(named name: String) {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.allCases.first(where: { $0.rawValue == wanted || $0.key == wanted }) else { return nil }
        self = found
    }
}
