import Foundation
import Testing

/// Status callbacks reach a real HTTP receiver on 127.0.0.1, signed as docs/webhooks.md says, and a failed
/// attempt is retried.
@Suite(.serialized) struct WebhookEndToEndTests {
    @Test func statusWebhooksArriveSignedAndAFailedAttemptIsRetried() async throws {
        try await WebhookReceiver.with { receiver, baseURL in
            try await RunningGateway.with { gateway in
                let patched = try await gateway.api.patch("/v1/account", json: #"{"webhook_url":"\#(baseURL)/hooks"}"#)
                #expect(patched.status == 200, "\(patched.text)")
                let secret = try #require(try await gateway.api.get("/v1/account").object["webhook_secret"] as? String)
                #expect(secret.hasPrefix("whsec_"))
                // The first delivery attempt is answered 500: it must come again.
                receiver.script([500])

                let id = try await gateway.api.sendMessage(to: "+4915123456001")
                try await gateway.api.waitForStatus(of: id, in: ["delivered"])
                let complete = await Eventually.holds {
                    let types = Set(receiver.accepted.filter { $0.messageID == id && $0.path == "/hooks" }.compactMap(\.type))
                    return types.isSuperset(of: ["message.submitted", "message.delivered"])
                }
                #expect(complete, "received: \(receiver.requests.map { "\($0.type ?? "?") \($0.messageID ?? "?")" })")

                let requests = receiver.requests
                for request in requests {
                    let header = try #require(request.headers["herald-signature"])
                    #expect(WebhookSignature.isValid(header: header, body: request.body, secret: secret), "bad signature \(header)")
                    #expect(request.headers["herald-event"] == request.type)
                    #expect(request.headers["content-type"]?.hasPrefix("application/json") == true)
                    // A changed body no longer verifies.
                    #expect(!WebhookSignature.isValid(header: header, body: request.body + [0x20], secret: secret))
                    #expect(!WebhookSignature.isValid(header: header, body: request.body, secret: secret + "x"))
                }
                // The refused attempt was retried with the same event id.
                let first = try #require(requests.first)
                #expect(first.answered == 500)
                let eventID = try #require(first.object["id"] as? String)
                #expect(requests.filter { $0.object["id"] as? String == eventID }.count >= 2)
                let delivered = try #require(requests.first { $0.type == "message.delivered" })
                #expect((delivered.object["data"] as? [String: Any])?["status"] as? String == "delivered")
            }
        }
    }
}
