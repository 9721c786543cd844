import Foundation
import HeraldCore
@testable import HeraldHTTP
import Testing

@Suite struct JSONRequestBodyTests {
    func decodeSend(_ text: String) throws -> SendRequest {
        try JSONRequestBody.decode(SendRequest.self, from: Array(text.utf8), shape: .sendRequest)
    }

    func problem(_ text: String, shape: JSONShape = .sendRequest) -> HTTPProblem? {
        do {
            _ = try JSONRequestBody.decode(BatchOrSend.self, from: Array(text.utf8), shape: shape)
            return nil
        } catch let problem as HTTPProblem {
            return problem
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// Decodes either shape, so one helper covers both bodies.
    struct BatchOrSend: Decodable {
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            if container.contains(AnyKey("messages")) {
                _ = try BatchSendBody(from: decoder)
            } else {
                _ = try SendRequest(from: decoder)
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    @Test func decodesAFullRequest() throws {
        let request = try decodeSend(#"{"to":"+4915123456789","from":"Shop","body":"hi","validity_seconds":600,"send_at":"2026-01-01T00:00:00Z","callback_url":"https://x.example/cb","client_reference":"r1"}"#)
        #expect(request.to == "+4915123456789")
        #expect(request.validitySeconds == 600)
        #expect(request.sendAt == Timestamp(iso8601: "2026-01-01T00:00:00Z"))
    }

    @Test func emptyAndMalformedBodiesAreInvalidJSON() {
        #expect(problem("")?.code == "invalid_json")
        #expect(problem("  \n")?.code == "invalid_json")
        #expect(problem(#"{"to": "+49"#)?.code == "invalid_json")
        #expect(problem("{to: 1}")?.status == .badRequest)
    }

    @Test func aBodyThatIsNotAnObjectIsAWrongType() {
        let found = problem(#"["+4915123456789"]"#)
        #expect(found?.code == "invalid_type")
        #expect(found?.field == nil)
        #expect(found?.detail == "the request body must be a JSON object")
    }

    @Test func wrongTypesNameTheFieldAndTheExpectedType() {
        let wrongBody = problem(#"{"to":"+4915123456789","body":42}"#)
        #expect(wrongBody?.code == "invalid_type")
        #expect(wrongBody?.field == "body")
        #expect(wrongBody?.detail == "'body' must be a string")
        let wrongValidity = problem(#"{"to":"+4915123456789","body":"x","validity_seconds":"600"}"#)
        #expect(wrongValidity?.field == "validity_seconds")
        #expect(wrongValidity?.detail == "'validity_seconds' must be an integer")
    }

    @Test func missingAndNullFieldsAreMissing() {
        let missing = problem(#"{"body":"x"}"#)
        #expect(missing?.code == "missing_field")
        #expect(missing?.field == "to")
        let null = problem(#"{"to":null,"body":"x"}"#)
        #expect(null?.code == "missing_field")
        #expect(null?.field == "to")
    }

    @Test func unknownFieldsAreRefusedByPathIncludingInsideBatchItems() {
        let top = problem(#"{"to":"+4915123456789","body":"x","sendat":"2026-01-01T00:00:00Z"}"#)
        #expect(top?.code == "unknown_field")
        #expect(top?.field == "sendat")
        let nested = problem(#"{"messages":[{"to":"+4915123456789","body":"x"},{"to":"+4915123456789","body":"y","colour":"red"}]}"#, shape: BatchSendBody.shape)
        #expect(nested?.field == "messages[1].colour")
    }

    @Test func unreadableValuesAreInvalidValuesOfTheirField() {
        let found = problem(#"{"to":"+4915123456789","body":"x","send_at":"tomorrow"}"#)
        #expect(found?.code == "invalid_value")
        #expect(found?.field == "send_at")
        let fraction = problem(#"{"to":"+4915123456789","body":"x","validity_seconds":1.5}"#)
        #expect(fraction?.code == "invalid_type")
        #expect(fraction?.field == "validity_seconds")
        #expect(fraction?.status == .badRequest)
        let huge = problem(#"{"messages":[{"to":"+4915123456789","body":"x","validity_seconds":1e40}]}"#, shape: BatchSendBody.shape)
        #expect(huge?.code == "invalid_value")
        #expect(huge?.field == "messages[0].validity_seconds")
        let text = problem(#"{"to":"+4915123456789","body":"x","validity_seconds":"60"}"#)
        #expect(text?.code == "invalid_type")
    }

    @Test func batchItemErrorsCarryTheItemIndex() {
        let found = problem(#"{"messages":[{"to":"+4915123456789","body":"x"},{"to":"+4915123456789"}]}"#, shape: BatchSendBody.shape)
        #expect(found?.code == "missing_field")
        #expect(found?.field == "messages[1].body")
    }

    @Test func sendRequestFieldListMatchesTheCoreCodingKeys() throws {
        let full = SendRequest(
            to: "+1", from: "a", body: "b", validitySeconds: 1, sendAt: Timestamp(millisecondsSince1970: 0), callbackURL: "c",
            clientReference: "d")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(full)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == Set(SendRequestFields.names))
    }

    @Test func acceptsJSONMediaTypesOnly() {
        #expect(JSONRequestBody.isJSON("application/json"))
        #expect(JSONRequestBody.isJSON("Application/JSON; charset=utf-8"))
        #expect(JSONRequestBody.isJSON("application/merge-patch+json"))
        #expect(!JSONRequestBody.isJSON("text/plain"))
        #expect(!JSONRequestBody.isJSON("application/x-www-form-urlencoded"))
    }
}
