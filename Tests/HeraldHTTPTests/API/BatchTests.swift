import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct BatchTests {
    @Test func mixedItemsGetPerItemResultsAndTheValidOnesAreStored() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            let body = #"{"messages":[\#(sendJSON(to: "+4915123456789")),\#(sendJSON(to: "12")),\#(sendJSON(to: "+447700900123")),\#(sendJSON(body: ""))]}"#
            try await harness.test { client in
                let response = try await client.request(.post, "/v1/messages/batch", key: key, json: body)
                #expect(response.status == .accepted)
                #expect(response.headers[.location] == nil)
                #expect(response.object["object"] as? String == "batch")
                #expect(response.object["accepted_count"] as? Int == 2)
                #expect(response.object["rejected_count"] as? Int == 2)
                let items = response.object["data"] as? [[String: Any]] ?? []
                #expect(items.map { $0["index"] as? Int } == [0, 1, 2, 3])
                #expect(items.map { $0["result"] as? String } == ["accepted", "rejected", "accepted", "rejected"])
                let problem = items[1]["error"] as? [String: Any]
                #expect(problem?["code"] as? String == "invalid_destination")
                #expect(problem?["field"] as? String == "messages[1].to")
                #expect(problem?["status"] as? Int == 422)
                #expect(problem?["type"] as? String == "urn:herald:problem:invalid_destination")
                #expect((items[3]["error"] as? [String: Any])?["field"] as? String == "messages[3].body")
                let stored = try await harness.store.messages(matching: MessageQuery(accountID: account.id, limit: 10))
                let acceptedIDs = items.compactMap { ($0["message"] as? [String: Any])?["id"] as? String }
                #expect(Set(stored.map(\.id.rawValue)) == Set(acceptedIDs))
            }
        }
    }

    @Test func theIdempotencyKeyCoversTheWholeBatch() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            let body = #"{"messages":[\#(sendJSON()),\#(sendJSON(to: "+33612345678"))]}"#
            try await harness.test { client in
                let first = try await client.request(.post, "/v1/messages/batch", key: key, json: body, headers: ["Idempotency-Key": "b-1"])
                let again = try await client.request(.post, "/v1/messages/batch", key: key, json: body, headers: ["Idempotency-Key": "b-1"])
                #expect(again.status == first.status)
                #expect(again.body == first.body)
                #expect(again.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == "true")
                let stored = try await harness.store.messages(matching: MessageQuery(accountID: account.id, limit: 10))
                #expect(stored.count == 2)
            }
        }
    }

    @Test func emptyAndOversizedBatchesAreRefused() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.post, "/v1/messages/batch", key: key, json: #"{"messages":[]}"#).expectProblem(422, code: "batch_empty", field: "messages")
                let many = Array(repeating: sendJSON(), count: 101).joined(separator: ",")
                try await client.request(.post, "/v1/messages/batch", key: key, json: #"{"messages":[\#(many)]}"#)
                    .expectProblem(422, code: "batch_too_large", field: "messages")
                try await client.request(.post, "/v1/messages/batch", key: key, json: #"{}"#).expectProblem(400, code: "missing_field", field: "messages")
            }
        }
    }

    @Test func unreadableItemsRefuseTheWholeBatchNamingTheItem() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                let body = #"{"messages":[\#(sendJSON()),{"to":"+4915123456789","body":7}]}"#
                try await client.request(.post, "/v1/messages/batch", key: key, json: body).expectProblem(400, code: "invalid_type", field: "messages[1].body")
                let stored = try await harness.store.messages(matching: MessageQuery(accountID: account.id, limit: 10))
                #expect(stored.isEmpty)
            }
        }
    }
}
