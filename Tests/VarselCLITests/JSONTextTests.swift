import Foundation
import XCTest
@testable import varsel

/// `JSONText` (the fast writer behind `deadlines --format json`) must write exactly what
/// `JSONEncoder` with `JSONOutput`'s settings writes, hostile text included.
final class JSONTextTests: XCTestCase {
    struct Sample: Encodable {
        var a: String
        var b: String?
        var n: Int
        var yes: Bool
        var fields: [(String, JSONText.Value)] {
            [("n", .int(n)), ("a", .string(a)), ("b", .string(b)), ("yes", .bool(yes))]
        }
    }

    func testSameBytesAsJSONEncoder() throws {
        let hostile = "Evil \"q\" \\ back\u{1B}[2J\u{07}\u{01}\u{7F} / ✓ åäö 東京 🙂\nline2\r\t\u{08}\u{0C} \u{202E}rtl"
        let samples = [Sample(a: hostile, b: nil, n: -12, yes: true), Sample(a: "", b: "x/y", n: 0, yes: false)]
        for list in [samples, [samples[0]], []] {
            let expected = try JSONOutput.encode(list)
            let actual = String(decoding: JSONText.array(list.map(\.fields)), as: UTF8.self)
            XCTAssertEqual(actual, expected)
        }
    }
}
