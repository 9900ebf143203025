import XCTest
@testable import VarselKit
@testable import VarselSQLite
@testable import VarselUI

final class DumpTests: XCTestCase {
    func testDump() throws {
        guard ProcessInfo.processInfo.environment["VARSEL_DUMP"] != nil else { return }
        try onMain {
        let wb = try Fixture.workbench()
        for (w, h) in [(80, 24), (160, 48)] {
            print(wb.screen(w, h)); print("=====")
        }
        wb.press(.enter); print(wb.screen()); print("=====")
        print(wb.screen(160, 40)); print("=====")
        wb.press(.char("o")); print(wb.screen()); print("=====")
        wb.press(.escape, .char("["), .char("["), .char("[")); print(wb.screen()); print("=====")
        wb.press(.escape, .char("3")); print(wb.screen()); print("=====")
        wb.press(.char("4")); print(wb.screen()); print("=====")
        wb.press(.char("c")); print(wb.screen()); print("=====")
        wb.press(.escape, .char("t")); print(wb.screen()); print("=====")
        wb.press(.escape, .char("?")); print(wb.screen()); print("=====")
        }
    }
}
