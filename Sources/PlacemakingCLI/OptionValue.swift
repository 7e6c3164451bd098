import PlacemakingKit

/// What kind of value an option takes, named once for every command: the interactive forms check
/// answers by it and Tab completion offers values by it, so neither spells option names again.
enum OptionValue: Equatable {
    case date, money, year, yesNo, phase, format, summaryFormat, status, programme, positiveInteger, text, ledgerTable, agencyKind
    /// An agency of these kinds (all kinds when the command does not say).
    case agency(Set<AgencyKind>)
    /// An existing record of a noun (`--plan 3`).
    case record(noun: String)

    /// The kind of value `spelled` takes in the command whose noun is `noun` (`plan`, `visit` …).
    static func of(_ spelled: String, noun: String?) -> OptionValue {
        switch spelled {
        case "--submitted", "--on", "--from", "--to", "--status-on", "--held", "--as-of": return .date
        case "--budget", "--subsidy", "--investment", "--amount", "--requested": return .money
        case "--year": return .year
        case "--subsidized": return .yesNo
        case "--phase": return .phase
        case "--format": return noun == "summary" ? .summaryFormat : .format
        case "--status": return .status
        case "--programme": return .programme
        case "--round", "--limit", "--id", "--if-version": return .positiveInteger
        case "--plan": return .record(noun: "plan")
        case "--table": return .ledgerTable
        case "--ministry": return .agency([.ministry])
        case "--kind": return noun == "agency" ? .agencyKind : .text
        case "--agency":
            // Records belong to district offices and bureaus; filters and visits may name any agency.
            return ["plan", "subsidy", "case", "proposal", "visit"].contains(noun ?? "") ? .agency([.district, .bureau]) : .agency(Set(AgencyKind.allCases))
        case "--organiser", "--partner": return .agency(Set(AgencyKind.allCases))
        default: return .text
        }
    }

    /// The values Tab offers, from the vocabulary.
    func candidates(_ vocabulary: Vocabulary, kind recordKind: RecordKind?) -> [String] {
        switch self {
        case .agency(let kinds): return vocabulary.agencies.filter { kinds.contains($0.kind) }.map(\.name)
        case .status: return recordKind.flatMap { vocabulary.statuses[$0] } ?? []
        case .phase: return Phase.allCases.map(\.rawValue)
        case .format: return OutputFormat.Style.allCases.map(\.rawValue)
        case .summaryFormat: return SummaryFormat.allCases.map(\.rawValue)
        case .yesNo: return ["yes", "no"]
        case .programme: return vocabulary.programmes
        case .record(let noun): return (vocabulary.records[noun] ?? []).map { String($0.id) }
        case .ledgerTable: return AuditEntity.all.map(\.noun)
        case .agencyKind: return AgencyKind.allCases.map(\.rawValue)
        case .date, .money, .year, .positiveInteger, .text: return []
        }
    }
}
