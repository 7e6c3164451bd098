import Foundation
import GRDB

extension AppDatabase {
    /// Files an agency's application to a subsidy programme's call round (year, 第N次). The round is
    /// created when it is not yet on record. `programme` may be omitted while only one programme exists.
    @discardableResult
    public func applyForSubsidy(agency: String, title: String, year: Int, round: Int? = nil, programme: String? = nil,
                                plan planId: Int64? = nil, requested: Money? = nil, submittedOn: ROCDate? = nil,
                                note: String? = nil, status: String? = nil, statusOn: ROCDate? = nil) throws -> Int64 {
        try write { db, change in
            try db.applyForSubsidy(agency: agency, title: title, year: year, round: round, programme: programme, plan: planId,
                                   requested: requested, submittedOn: submittedOn, note: note, status: status,
                                   statusOn: statusOn, change: change)
        }
    }

    /// Awards a subsidy: moves the application to its approved status and records the amount (nil: not
    /// known yet) and the date (default today). On an application already awarded (approved, executing
    /// or closed, or with an award in its history) it corrects the amount and the date instead, without
    /// a transition, audited as `subsidy.correct`; a new date moves the award's history entry with it.
    /// Awards are 研考會's to record.
    @discardableResult
    public func awardSubsidy(id: Int64, amount: Money? = nil, on date: ROCDate? = nil, note: String? = nil) throws -> AwardOutcome {
        try write { db, change in
            let application = try db.require(SubsidyApplication.self, id: id, kind: .subsidy)
            try db.checkScope(table: SubsidyApplication.databaseTableName, id: id, change: change)
            try db.checkDecision(.award, change: change)
            if try db.isAwarded(application, id: id) {
                return try db.correctAward(application, id: id, amount: amount, on: date, note: note, change: change)
            }
            guard let approved = try db.statuses(.subsidy).first(where: { StatusEffect.of(.subsidy, $0).dateColumn != nil }) else {
                throw PlacemakingError.programDefect("the subsidy vocabulary has no award status")
            }
            let moved = try db.changeStatus(.subsidy, id: id, to: approved.name, on: date, note: note, amount: amount, change: change)
            return AwardOutcome(id: id, corrected: false, amount: amount, on: moved.on)
        }
    }

    /// Edits an application; nil leaves a field as it is.
    public func editSubsidy(id: Int64, title: String? = nil, plan planId: Int64? = nil, requested: Money? = nil,
                            submittedOn: ROCDate? = nil, note: String? = nil) throws {
        try write { db, change in
            try change.checkHappened(submittedOn, .filed)
            try db.editAudited(SubsidyApplication.self, id: id, kind: .subsidy, action: "subsidy.edit", change: change) { application, _ in
                if let title { application.title = try requireText(title, field: "申請計畫名稱", as: .short) }
                if let planId {
                    _ = try db.require(Plan.self, id: planId, kind: .plan)
                    try db.checkLink(table: "plan", id: planId, change: change)
                    application.planId = planId
                }
                if let requested { application.requestedAmount = requested.yuan }
                if let submittedOn { application.submittedOn = submittedOn.iso }
                if let note { application.note = try optionalText(note, field: "備註", as: .note) }
            }
        }
    }

    public func subsidies(_ filter: SubsidyFilter = SubsidyFilter()) throws -> ResultTable {
        try read { db in try db.collect(db.subsidyQuery(filter)) }
    }

    public func subsidyDetail(id: Int64) throws -> RecordDetail {
        try detail(.subsidy, table: "subsidy_application", id: id) { try $0.collect($0.subsidyQuery(SubsidyFilter(), id: id)) }
    }

    /// Names of the subsidy programmes on record.
    public func subsidyProgrammes() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM subsidy_programme ORDER BY id") }
    }
}

/// The outcome of `subsidy award`, for the message the user sees.
public struct AwardOutcome: Sendable, Equatable {
    public let id: Int64
    /// False: the application moved to its award status; true: an earlier award was corrected.
    public let corrected: Bool
    /// The awarded amount on record now (nil: not known).
    public let amount: Money?
    /// The award date on record now (nil: not known).
    public let on: ROCDate?
}

extension Database {
    /// `applyForSubsidy` inside a transaction the caller holds (an import files many in one); `source`
    /// is the provenance of an application that came from a file.
    @discardableResult
    func applyForSubsidy(agency: String, title: String, year: Int, round: Int? = nil, programme: String? = nil,
                         plan planId: Int64? = nil, requested: Money? = nil, submittedOn: ROCDate? = nil,
                         note: String? = nil, status: String? = nil, statusOn: ROCDate? = nil, statusOnOrBefore: Bool = false,
                         source: (id: String, section: String)? = nil, action: String = "subsidy.apply", change: Change) throws -> Int64 {
        try change.checkHappened(submittedOn, .filed)
        if let round, round < 1 {
            throw PlacemakingError.invalidValue(field: "徵案次數", value: String(round), hint: "請輸入 1 以上的整數，例如 --round 2")
        }
        let programmeId = try subsidyProgramme(named: programme)
        let roundId = try callRound(programme: programmeId, year: year, round: round, change: change)
        if let planId {
            _ = try require(Plan.self, id: planId, kind: .plan)
            try checkLink(table: "plan", id: planId, change: change)
        }
        var application = SubsidyApplication(
            callRoundId: roundId, agencyId: try change.lookups.agencyID(self, named: agency, kinds: [.district, .bureau]),
            planId: planId, title: try requireText(title, field: "申請計畫名稱", as: .short),
            status: try startingStatus(.subsidy, requested: status, change: change), requestedAmount: requested?.yuan,
            submittedOn: submittedOn?.iso, note: try optionalText(note, field: "備註", as: .note),
            sourceId: source?.id, sourceSection: source?.section, createdAt: change.stamp, updatedAt: change.stamp)
        let id = try insertAudited(&application, action: action, change: change)
        try startHistory(.subsidy, id: id, status: application.status, on: statusOn ?? submittedOn,
                         onOrBefore: statusOn != nil && statusOnOrBefore, change: change)
        return id
    }

    /// Whether the application has been awarded: it is at its award status or past it (executing,
    /// closed), or its history holds the award (it was withdrawn after it).
    func isAwarded(_ application: SubsidyApplication, id: Int64) throws -> Bool {
        let current = try statusDefinition(.subsidy, named: application.status)
        if [Phase.approved, .executing, .closed].contains(Phase(rawValue: current.phase)) { return true }
        return try historyEntries(.subsidy, id: id).contains { entry in
            StatusEffect.of(.subsidy, try statusDefinition(.subsidy, named: entry.status)).dateColumn != nil
        }
    }

    /// Corrects an award already on record: its amount, and its date together with the date of the
    /// award's history entry (kept in date order). `note` replaces that entry's note.
    func correctAward(_ application: SubsidyApplication, id: Int64, amount: Money?, on date: ROCDate?, note: String?,
                      change: Change) throws -> AwardOutcome {
        try change.checkHappened(date, .awarded)
        var corrected = application
        if let amount { corrected.awardedAmount = amount.yuan }
        if let date { corrected.awardedOn = date.iso }
        let recordChanges = corrected != application
        if recordChanges {
            corrected.updatedAt = change.stamp
            try updateAudited(corrected, action: "subsidy.correct", change: change)
        }
        let entries = try historyEntries(.subsidy, id: id)
        let awardEntry = try entries.lastIndex { StatusEffect.of(.subsidy, try statusDefinition(.subsidy, named: $0.status)).dateColumn != nil }
        let checkedNote = try optionalText(note, field: "說明", as: .note)
        var historyChanges = false
        if let index = awardEntry, let day = date ?? (checkedNote != nil ? entries[index].date : nil),
           day != entries[index].date || entries[index].onOrBefore || checkedNote != nil {
            try redateHistory(.subsidy, id: id, entries: entries, index: index, to: day, note: checkedNote, change: change)
            historyChanges = true
        } else if checkedNote != nil {
            throw PlacemakingError.invalidValue(field: "--note", value: checkedNote ?? "",
                                                hint: "這筆申請的狀態歷程沒有核定補助，說明無處可記；請去掉 --note")
        }
        guard recordChanges || historyChanges else { throw PlacemakingError.nothingToChange }
        return AwardOutcome(id: id, corrected: true, amount: corrected.awardedAmount.map(Money.init(yuan:)),
                            on: corrected.awardedOn.flatMap(ROCDate.init(iso:)))
    }

    func subsidyProgramme(named name: String?) throws -> Int64 {
        let all = try Row.fetchAll(self, sql: "SELECT id, name FROM subsidy_programme ORDER BY id")
        let names = all.map { $0["name"] as String }
        if let name {
            let wanted = Self.normalizedName(name)
            if let row = all.first(where: { Self.normalizedName($0["name"]) == wanted || String($0["id"] as Int64) == wanted }) {
                return row["id"]
            }
            throw PlacemakingError.invalidValue(field: "補助計畫", value: name, hint: "可用的補助計畫：\(names.joined(separator: "、"))")
        }
        guard all.count == 1 else {
            throw PlacemakingError.invalidValue(field: "補助計畫", value: "", hint: "請用 --programme 指定：\(names.joined(separator: "、"))")
        }
        return all[0]["id"]
    }

    /// The call round's id, adding the round (and logging it) when it is not on record yet.
    func callRound(programme: Int64, year: Int, round: Int?, change: Change) throws -> Int64 {
        if let id = try Int64.fetchOne(self, sql: "SELECT id FROM call_round WHERE programme_id = ? AND year = ? AND round IS ?",
                                       arguments: [programme, year, round]) {
            return id
        }
        var callRound = CallRound(programmeId: programme, year: year, round: round)
        try callRound.insert(self)
        try writeAudit(action: "callround.add", table: "call_round", id: try callRound.storedID(), before: nil, actor: change.actor, at: change.stamp)
        return try callRound.storedID()
    }

    func subsidyQuery(_ filter: SubsidyFilter, id: Int64? = nil) throws -> TableQuery {
        let agencyId = try filter.agency.map { try agencyID(named: $0, kinds: nil) }
        var conditions = QueryConditions()
        conditions.add("cr.year = :year", "year", filter.year)
        conditions.add("sa.agency_id = :agency", "agency", agencyId)
        conditions.add("s.phase = :phase", "phase", filter.phase?.rawValue)
        conditions.add("sa.id = :id", "id", id)
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("agency", "機關", "agency"), .init("title", "申請計畫名稱", "title"),
            .init("programme", "補助計畫", "programme"), .init("year", "年度", "year"), .init("round", "徵案次數", "round"),
            .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
            .init("requestedAmount", "申請金額(元)", "requested (NT$)"), .init("awardedAmount", "核定金額(元)", "awarded (NT$)"),
            .init("awardedOn", "核定日期", "awarded on"), .init("planId", "計畫編號", "plan id", nullIsUnknown: false),
            .init("note", "備註", "note", nullIsUnknown: false),
        ], brief: ["id", "agency", "title", "status", "statusOn", "awardedAmount"], sql: """
            SELECT sa.id, a.name AS agency, sa.title, sp.name AS programme, cr.year, cr.round, sa.status, s.phase,
                   h.effective_on AS status_on, h.on_or_before, sa.requested_amount, sa.awarded_amount, sa.awarded_on,
                   sa.plan_id, sa.note
            FROM subsidy_application sa JOIN agency a ON a.id = sa.agency_id
            JOIN call_round cr ON cr.id = sa.call_round_id JOIN subsidy_programme sp ON sp.id = cr.programme_id
            JOIN status s ON s.entity = 'subsidy' AND s.name = sa.status
            \(StatusAsOf.join(.subsidy, record: "sa.id"))
            \(conditions.sql)
            ORDER BY sa.id
            """, arguments: conditions.arguments(with: ["asOf": StatusAsOf.current])) { row in
            [.integer(row["id"]), .text(row["agency"]), .text(row["title"]), .text(row["programme"]), .integer(row["year"]),
             .integer(row["round"] as Int64?), .text(row["status"]), AppDatabase.phaseCell(row["phase"]), AppDatabase.statusDateCell(row),
             .money(row["requested_amount"]), .money(row["awarded_amount"]), .date(iso: row["awarded_on"]),
             .integer(row["plan_id"] as Int64?), .from(row["note"])]
        }
    }
}
