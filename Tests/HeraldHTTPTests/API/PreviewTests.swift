import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PreviewTests {
    @Test(arguments: [
        ("hello", "gsm7", 1, 5, 160, 155),
        (String(repeating: "a", count: 161), "gsm7", 2, 161, 153, 145),
        ("Grüße 👋", "ucs2", 1, 8, 70, 62),
    ])
    func countsLikeAConsole(body: String, encoding: String, parts: Int, units: Int, perPart: Int, left: Int) async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let json = String(decoding: try JSONEncoder().encode(["body": body]), as: UTF8.self)
                let response = try await client.request(.post, "/v1/messages/preview", key: key, json: json)
                #expect(response.status == .ok)
                #expect(response.object["object"] as? String == "message_preview")
                #expect(response.object["encoding"] as? String == encoding)
                #expect(response.object["parts"] as? Int == parts)
                #expect(response.object["units_used"] as? Int == units)
                #expect(response.object["units_per_part"] as? Int == perPart)
                #expect(response.object["units_left_in_part"] as? Int == left)
                #expect(response.object["characters"] as? Int == body.count)
            }
        }
    }

    @Test func emptyOrMissingBodiesAreProblems() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.post, "/v1/messages/preview", key: key, json: #"{"body":""}"#).expectProblem(422, code: "body_empty", field: "body")
                try await client.request(.post, "/v1/messages/preview", key: key, json: #"{}"#).expectProblem(400, code: "missing_field", field: "body")
                try await client.request(.post, "/v1/messages/preview", key: key, json: #"{"body":"x","to":"+1"}"#).expectProblem(400, code: "unknown_field", field: "to")
            }
        }
    }
}
