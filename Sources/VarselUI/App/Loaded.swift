import VarselKit

/// The rows of a paged list around the cursor, copied out of its pager: what a list view draws.
public struct ListWindow<Row: Sendable>: Sendable {
    /// Rows matching the filter; while `totalIsExact` is false only a lower bound.
    public var total = 0
    public var totalIsExact = true
    /// Index (in the whole list) of `rows[0]`.
    public var start = 0
    public var rows: [Row] = []

    public init(total: Int = 0, totalIsExact: Bool = true, start: Int = 0, rows: [Row] = []) {
        self.total = total; self.totalIsExact = totalIsExact; self.start = start; self.rows = rows
    }

    /// Every row of a short list.
    public init(all rows: [Row]) { self.init(total: rows.count, rows: rows) }

    public func row(at i: Int) -> Row? { i >= start && i < start + rows.count ? rows[i - start] : nil }

    /// The count as shown: "200+" while only a lower bound is known.
    public var totalText: String { totalIsExact ? "\(total)" : "\(total)+" }
}

/// What the views draw and the reducer reads for one state: values `WorkbenchData` loaded
/// (`load(for:)`). Views and reducers never query; this is all they see of the portfolio.
public struct Loaded: Sendable {
    public var databaseLabel: String
    public var today: CivilDate
    /// Set when the newest audit rows failed verification at start (shown in the header).
    public var auditWarning: String?
    /// False for a database without agreements (the screen says how to start).
    public var hasAgreements: Bool
    public var counts: AgendaCounts
    /// The agenda as shown (filtered, ordered, grouped); only while the agenda is shown.
    var agenda: AgendaView.Layout
    /// The notices as shown (filtered, sorted); only while the notices are shown.
    public var notices: [NoticeRow]
    /// The calendar's month (view 5).
    public var calendar = CalendarMonth(first: CivilDate(year: 2000, month: 1, day: 1)!)
    /// The agreements list around the cursor and the selected agreement's detail.
    public var agreements: ListWindow<AgreementRow>
    public var detail: AgreementDetail?
    /// The selected agreement's kept contract texts, laid out for the detail's width (Text tab only).
    public var text: AgreementTextPane?
    /// The register around the cursor and the selected sub-processor's uses.
    public var vendors: ListWindow<SubProcessorVendor>
    public var uses: [SubProcessorRegisterEntry.Use]

    init(databaseLabel: String, today: CivilDate, auditWarning: String? = nil, hasAgreements: Bool = true,
         counts: AgendaCounts = AgendaCounts(), agenda: AgendaView.Layout = AgendaView.Layout(ordered: []),
         notices: [NoticeRow] = [], agreements: ListWindow<AgreementRow> = ListWindow(), detail: AgreementDetail? = nil,
         vendors: ListWindow<SubProcessorVendor> = ListWindow(), uses: [SubProcessorRegisterEntry.Use] = []) {
        self.databaseLabel = databaseLabel; self.today = today; self.auditWarning = auditWarning
        self.hasAgreements = hasAgreements; self.counts = counts; self.agenda = agenda; self.notices = notices
        self.agreements = agreements; self.detail = detail; self.vendors = vendors; self.uses = uses
    }

    /// The agenda item, notice, agreement row or sub-processor at a list index (nil when not loaded).
    func agendaItem(at i: Int) -> AgendaItem? { agenda.items.indices.contains(i) ? agenda.items[i] : nil }
    func notice(at i: Int) -> NoticeRow? { notices.indices.contains(i) ? notices[i] : nil }
    func agreementRow(at i: Int) -> AgreementRow? { agreements.row(at: i) }
    func vendor(at i: Int) -> SubProcessorVendor? { vendors.row(at: i) }
}

/// Where things sit on the screen, shared by the reducer (paging, clamping) and the render.
enum ScreenLayout {
    /// The area between the two header rows and the status and hint rows.
    static func main(_ size: TerminalSize) -> Rect { Rect(x: 0, y: 2, width: size.width, height: size.height - 4) }
    /// List rows visible in the main area (one row is the column header).
    static func listRows(_ size: TerminalSize) -> Int { max(1, size.height - 5) }
    /// Rows one page key moves.
    static func page(_ size: TerminalSize) -> Int { max(1, listRows(size) - 1) }
}
