import PlacemakingKit

/// Checks one answer of a form (`Form`) as the command will check it, at the field, so that a bad
/// answer is asked again with the reason instead of failing after the whole form: dates (and that a
/// day that happened is not ahead), amounts, years, agencies of the right kind and scope, statuses and
/// decisions, record ids, yes/no.
struct FormAnswerCheck {
    /// The command's words (`plan add`).
    let path: [String]
    let context: CommandContext

    private var language: Language { context.language }
    private var kind: RecordKind? { path.first.flatMap(RecordKind.init(rawValue:)) }
    private func value(_ option: CommandGrammar.Argument) -> OptionValue { OptionValue.of(option.spelled, noun: path.first) }

    /// Checks one answer as the command will, and returns it in a form the command reads.
    func validate(_ answer: String, for option: CommandGrammar.Argument) throws -> String {
        switch value(option) {
        case .date:
            let date = try ROCDate.parse(answer)
            // A day that records something that happened may not lie ahead; planned dates may.
            if let happened = Form.happened(option.spelled, noun: path.first), date > ROCDate.today {
                throw PlacemakingError.dateInFuture(happened, date: date, today: ROCDate.today)
            }
            return date.roc
        case .money:
            return String(try Money.parse(answer).yuan)
        case .year:
            return String(try ROCDate.parseYear(answer))
        case .agency(let kinds):
            let agency = try context.database.agency(named: answer)
            if let kind = agency.kind, !kinds.contains(kind) {
                throw PlacemakingError.wrongAgencyKind(agency.name, expected: kinds.map(\.label).sorted().joined(separator: "或"))
            }
            // Acting for an agency, its records are the only ones it may enter: refused here, at the field.
            if option.spelled == "--agency" || option.spelled == "--organiser", let acting = context.actingAgency, agency.name != acting {
                throw PlacemakingError.outsideScope(acting: acting, owner: agency.name)
            }
            return agency.name
        case .status:
            guard let kind else { return answer }
            let statuses = try context.database.statuses(kind)
            guard let status = statuses.first(where: { $0.name == answer || $0.nameEn == answer }) else {
                throw PlacemakingError.unknownStatus(kind, answer, known: statuses.map(\.name))
            }
            // Acting for an agency, a decision of the NDC or the city is refused here, not after confirming.
            if let acting = context.actingAgency, let decision = context.database.decision(kind, status: status) {
                throw PlacemakingError.decisionKeptByRDEC(acting: acting, what: decision)
            }
            return status.name
        case .positiveInteger, .record:
            guard let number = Int64(answer), number > 0 else {
                throw PlacemakingError.invalidValue(field: EnglishHelp.describe(option, language: language), value: answer,
                                                    hint: language.pick("請輸入正整數", "type a positive whole number"))
            }
            return String(number)
        case .yesNo:
            guard let yes = try Parse.yesNo(answer, field: option.spelled) else { return answer }
            return yes ? "yes" : "no"
        case .phase, .format, .summaryFormat, .programme, .text, .ledgerTable, .agencyKind:
            return answer
        }
    }
}
