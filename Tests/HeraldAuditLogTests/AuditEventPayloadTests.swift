import Foundation
@testable import HeraldCore
import Testing

/// The fast public-payload writer produces exactly Foundation's bytes, and reads back.
@Suite struct AuditEventPayloadTests {
    static let awkward = ["", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r", "\u{01}\u{1F}\u{7F}", "ünïcødé €", "emoji 🛰️", "zz", "Zz", "a.b"]

    @Test func matchesFoundationByteForByte() throws {
        for (n, text) in Self.awkward.enumerated() {
            var details: [String: String] = [:]
            for (m, other) in Self.awkward.enumerated() where m != n { details[other + "-\(m)"] = text }
            let event = AuditEvent(
                at: Timestamp(millisecondsSince1970: 1_767_225_600_123 + Int64(n)), actor: AuditActor(kind: "operator", id: text), action: "a\(text)",
                target: text, outcome: text, details: details, sensitive: ["to": "+4915123456789"])
            let fast = AuditEventPayload.encode(event)
            #expect(fast == (try AuditEventPayload.referenceEncode(event)), "\(String(decoding: fast, as: UTF8.self))")
            var expected = event
            expected.sensitive = [:]
            #expect(try AuditEventPayload.decode(fast) == expected)
            #expect(!String(decoding: fast, as: UTF8.self).contains("+4915123456789"))
        }
    }
}
