import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

/// Issue 14 items found open in the audit: a filter without matches keeps the header and says
/// so; the change-notice form takes the org number, the transfer mechanism and the sub-processor
/// replaced (as the command line does); a later notice date plans a termination in the form.
final class Issue14GapsTests: XCTestCase {
    /// Tab until the field `id` has the focus.
    @MainActor static func focus(_ wb: Bench, _ id: String) throws {
        for _ in 0..<20 where wb.state.form?.focusedField?.id != id { wb.press(.tab) }
        XCTAssertEqual(wb.state.form?.focusedField?.id, id)
    }

    func testAFilterWithoutMatchesKeepsTheHeaderAndSaysSo() throws {
        try onMain {
            let wb = try Fixture.workbench()
            for (view, message) in [("1", "No deadline matches \"zzz\"."), ("2", "No agreement matches \"zzz\"."),
                                    ("3", "No sub-processor matches \"zzz\"."), ("4", "No notice matches \"zzz\".")] {
                wb.press(.char(Character(view)), .char("/"))
                wb.type("zzz")
                wb.press(.enter)
                let b = wb.render(width: 80, height: 24)
                XCTAssertTrue(b.line(0).contains("Overdue 1"), "\(view): \(b.line(0))")
                XCTAssertTrue(b.line(1).contains("/zzz"), "\(view): \(b.line(1))")
                XCTAssertTrue(b.text.contains(message), "\(view): \(b.text)")
                XCTAssertTrue(b.text.contains("Esc clears the filter."), b.text)
                wb.press(.escape)
            }
        }
    }

    func testTheChangeNoticeFormTakesOrgNumberTransferMechanismAndWhatIsReplaced() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            wb.press(.char("c"))
            try Self.focus(wb, "kind")
            for _ in 0..<ChangeKind.allCases.count where wb.state.form?.value("kind") != ChangeKind.subProcessorReplaced.label {
                wb.press(.char(" "))
            }
            XCTAssertEqual(wb.state.form?.value("kind"), ChangeKind.subProcessorReplaced.label)
            let s = wb.screen(100, 40)
            for label in ["Org number", "Transfer basis", "Replaces"] { XCTAssertTrue(s.contains(label), s) }
            try Self.focus(wb, "sub-processor name"); wb.type("Twilio Inc")
            try Self.focus(wb, "sub-processor country"); wb.type("US")
            try Self.focus(wb, "sub-processor purpose"); wb.type("SMS")
            try Self.focus(wb, "sub-processor org number"); wb.type("EIN 26-2574840")
            try Self.focus(wb, "sub-processor transfer"); wb.type("EU SCCs 2021/914, module 3")
            try Self.focus(wb, "replaces")
            for _ in 0..<4 where wb.state.form?.value("replaces") != "Mailgun (Sinch AB) (EEA)" { wb.press(.char(" ")) }
            XCTAssertEqual(wb.state.form?.value("replaces"), "Mailgun (Sinch AB) (EEA)")
            wb.press(.ctrl("s"))
            XCTAssertNil(wb.state.form, wb.state.form?.error?.description ?? "")
            let d = try wb.portfolio.queries.detail(agreementId: "pureservice")
            let notice = try XCTUnwrap(d.changeNotices.first { $0.kind == .subProcessorReplaced })
            XCTAssertEqual(notice.replacesSubProcessorId, "sp-mailgun")
            let proposed = try XCTUnwrap(d.subProcessors.first { $0.name == "Twilio Inc" })
            XCTAssertEqual(proposed.orgNumber, "EIN 26-2574840")
            XCTAssertEqual(proposed.transferMechanism, "EU SCCs 2021/914, module 3")
            XCTAssertEqual(proposed.status, .proposed)
        }
    }

    func testALaterNoticeDateIsPlannedInTheTerminationFormAndNeverSaved() throws {
        try onMain {
            let wb = try Fixture.workbench()
            wb.openAgreement("pureservice", tab: .overview)
            let audits = try Fixture.auditCount(wb.portfolio)
            wb.press(.char("t"))
            try Self.focus(wb, "date")
            wb.press(.ctrl("u"))
            wb.type("2026-12-15")
            // The plan is what recording the same notice on that day gives.
            let later = Portfolio(store: wb.portfolio.store, clock: .fixed(CivilDate(iso: "2026-12-15")!),
                                  ids: SequentialIDGenerator(), user: "test")
            let expected = try later.previewTermination(agreementId: "pureservice", by: .us, date: CivilDate(iso: "2026-12-15")!)
            let summary = try XCTUnwrap(wb.state.form?.preview.summary)
            XCTAssertEqual(summary, "Planned: given on 2026-12-15, the agreement would end \(expected.endDate.iso) (\(expected.endDate.humanText))")
            XCTAssertTrue(wb.screen(120, 40).contains("Planned: given on 2026-12-15"), wb.screen(120, 40))
            wb.press(.ctrl("s"))
            XCTAssertEqual(wb.state.form?.error?.location, "date")
            XCTAssertNil(wb.state.overlay, "no confirmation is asked for a plan")
            XCTAssertEqual(try Fixture.auditCount(wb.portfolio), audits)
            XCTAssertEqual(try wb.portfolio.queries.detail(agreementId: "pureservice").terminations.count, 0)
        }
    }
}
