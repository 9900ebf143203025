/// Notice-rule patterns taken from the five real agreements, for synthetic portfolios.
struct RuleTemplate: Sendable {
    var key: String
    var heading: String
    var text: String
    var make: @Sendable (_ id: String, _ agreementId: String, _ clauseRef: String) -> NoticeRule
}

enum RuleTemplates {
    static let all: [RuleTemplate] = [
        RuleTemplate(key: "sub30", heading: "Underbiträden", text: "Kunden får invända mot ett nytt underbiträde inom 30 dagar av sakliga skäl.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Object to the new sub-processor", trigger: .changeNoticeReceived,
                       changeKinds: [.subProcessorAdded, .subProcessorReplaced], period: Period(30, .days), direction: .after,
                       actor: .us, writtenForm: true, groundsRequired: true, groundsText: "sakliga skäl")
        },
        RuleTemplate(key: "sub4w", heading: "Underleverandører", text: "Endringer varsles skriftlig med minst fire ukers varsel.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Object to the new sub-processor (4 weeks)", trigger: .changeNoticeReceived,
                       changeKinds: [.subProcessorAdded, .subProcessorReplaced], period: Period(4, .weeks), direction: .after, actor: .us)
        },
        RuleTemplate(key: "terms14", heading: "Ändringar", text: "Ändringar meddelas minst 14 dagar innan de börjar gälla.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Decide before the changed terms apply", trigger: .changeTakesEffect,
                       changeKinds: [.termsChanged, .serviceChanged], period: Period(1, .days), direction: .before, actor: .us)
        },
        RuleTemplate(key: "term3m", heading: "Uppsägning", text: "Avtalet kan sägas upp med tre månaders uppsägningstid. Uppsägning ska ske skriftligen.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Mutual termination: 3 months", trigger: .terminationNotice,
                       terminationBy: .either, period: Period(3, .months), direction: .after, actor: .either, writtenForm: true)
        },
        RuleTemplate(key: "audit20", heading: "Granskning", text: "20 arbetsdagar anses alltid vara rimligt varsel.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Give notice of the audit", trigger: .event, eventKind: .auditPlanned,
                       period: Period(20, .workingDays), direction: .before, actor: .us)
        },
        RuleTemplate(key: "assign90", heading: "Overdragelse", text: "Overdragelse varsles minst 90 dager før.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Counterparty must notify an assignment 90 days before", trigger: .changeTakesEffect,
                       changeKinds: [.assignment], period: Period(90, .days), direction: .before, actor: .them)
        },
        RuleTemplate(key: "vague", heading: "Invändning", text: "Kunden ska skyndsamt invända mot nya underbiträden.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Object to the new sub-processor (promptly)", trigger: .changeNoticeReceived,
                       changeKinds: [.subProcessorAdded], period: nil, vagueText: "skyndsamt", direction: .after, actor: .us, silenceIsApproval: true)
        },
        RuleTemplate(key: "return3m", heading: "Återlämning", text: "Instruktioner om återlämning inom tre månader efter upphörande.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Give return instructions", trigger: .agreementEnds,
                       period: Period(3, .months), direction: .after, actor: .us)
        },
        RuleTemplate(key: "delete30", heading: "Sletning", text: "Senest 30 dage før ophør meddeles om data skal slettes eller tilbageleveres.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Decide: delete or return data", trigger: .agreementEnds,
                       period: Period(30, .days), direction: .before, actor: .us, writtenForm: true)
        },
        RuleTemplate(key: "incident24", heading: "Incidenter", text: "Incidenter rapporteras inom 24 timmar från upptäckt.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Report the incident", trigger: .event, eventKind: .incidentDiscovered,
                       period: Period(24, .hours), direction: .after, actor: .us, roll: .noRoll)
        },
        RuleTemplate(key: "sla4w", heading: "Servicenivå", text: "Kreditering kreves skriftlig innen fire uker.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Claim the SLA credit", trigger: .event, eventKind: .downtime,
                       period: Period(4, .weeks), direction: .after, actor: .us, writtenForm: true)
        },
        RuleTemplate(key: "accept2w", heading: "Godkjenning", text: "Leveransen godkjennes innen to uker.") {
            NoticeRule(id: $0, agreementId: $1, clauseRef: $2, title: "Accept or reject the delivery", trigger: .event, eventKind: .delivery,
                       period: Period(2, .weeks), direction: .after, actor: .us, silenceIsApproval: true)
        },
    ]
}
