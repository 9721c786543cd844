import Foundation
import HeraldCore
@testable import HeraldSQLite
import HeraldTestSupport
import Testing

/// The fast JSON writer must produce exactly what `HeraldJSON` (Foundation) produces, and read it back.
@Suite struct CompactJSONTests {
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "é", "ß", "€",
        "\u{2028}", "😀", "𝄞", "{", "}", "[", "]", ":", ",",
    ]

    /// Deterministic strings over an alphabet full of characters JSON must escape or pass through.
    static func strings(count: Int, seed: UInt64) -> [String] {
        let random = SequenceRandomSource(seed: seed)
        return (0..<count).map { _ in
            let length = Int(random.uniform(below: 12))
            return (0..<length).map { _ in alphabet[Int(random.uniform(below: UInt64(alphabet.count)))] }.joined()
        }
    }

    @Test func historyMatchesFoundationAndReadsBack() throws {
        let texts = Self.strings(count: 300, seed: 1)
        for (index, text) in texts.enumerated() {
            let changes = [
                StatusChange(status: .accepted, at: Timestamp(millisecondsSince1970: -5)),
                StatusChange(status: .queued, at: Timestamp(millisecondsSince1970: 1_767_225_600_000 + Int64(index)), detail: text),
                StatusChange(status: .submitted, at: Timestamp(millisecondsSince1970: 0), detail: index % 2 == 0 ? nil : ""),
            ]
            let fast = CompactJSON.history(changes)
            #expect(fast == (try HeraldJSON.text(changes.map(StoredStatusChange.init))), "\(text.debugDescription)")
            #expect(CompactJSON.parseHistory(fast) == changes)
        }
        #expect(CompactJSON.history([]) == "[]")
        #expect(CompactJSON.parseHistory("[]") == [])
    }

    @Test func auditEventsMatchFoundation() throws {
        let texts = Self.strings(count: 300, seed: 2)
        for index in stride(from: 0, to: texts.count - 4, by: 4) {
            let event = AuditEvent(
                at: Timestamp(millisecondsSince1970: 1_767_225_600_123 + Int64(index) * 86_399_999), actor: AuditActor(kind: texts[index], id: "op_1"),
                action: "message.\(texts[index + 1])", target: texts[index + 2], outcome: index % 3 == 0 ? "ok" : "denied",
                details: [texts[index + 3]: texts[index], "account": "acc_1", "B": "upper", "_x": "", "10": "ten", "9": "nine"],
                sensitive: index % 2 == 0 ? [:] : ["to": "+4915123456789", texts[index + 1]: texts[index + 2]])
            #expect(CompactJSON.auditEvent(event) == (try HeraldJSON.text(event)))
            #expect(try HeraldJSON.decoder().decode(AuditEvent.self, from: Data(CompactJSON.auditEvent(event).utf8)) == event)
        }
    }

    @Test func historyWrittenByOthersStillReads() throws {
        // Pretty-printed (whitespace) and Foundation-escaped text parse on the fast path.
        let pretty = """
            [ { "status" : "queued", "at" : 12, "detail" : "caf\\u00e9 \\ud83d\\ude00 \\/ \\"q\\"" } ,
              {"at":13,"status":"submitted","detail":null} ]
            """
        #expect(CompactJSON.parseHistory(pretty) == [
            StatusChange(status: .queued, at: Timestamp(millisecondsSince1970: 12), detail: "café 😀 / \"q\""),
            StatusChange(status: .submitted, at: Timestamp(millisecondsSince1970: 13)),
        ])
        // Shapes the fast path does not take: the caller falls back to JSONDecoder.
        for other in [#"[{"status":"queued","at":1.5}]"#, #"[{"status":"queued"}]"#, #"[{"status":"nope","at":1}]"#, #"{"at":1}"#, "[", "", #"["\u12"]"#, #"[{"status":"queued","at":1,"x":2}]"#] {
            #expect(CompactJSON.parseHistory(other) == nil, "\(other)")
        }
    }

    @Test func parserHandlesNestingLiteralsAndRejectsJunk() {
        #expect(JSONValue.parse(#" {"a":[1,-2,true,false,null,{"b":"c"}]} "#) == .object([
            ("a", .array([.integer(1), .integer(-2), .bool(true), .bool(false), .null, .object([("b", .string("c"))])])),
        ]))
        for junk in ["[1,]", "{\"a\" 1}", "[1] x", "\"tab\there\"", "[\"\\ud83d\"]", "99999999999999999999", String(repeating: "[", count: 40) + String(repeating: "]", count: 40)] {
            #expect(JSONValue.parse(junk) == nil, "\(junk)")
        }
    }
}
