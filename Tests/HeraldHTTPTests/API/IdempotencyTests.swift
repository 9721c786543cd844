import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct IdempotencyTests {
    @Test func aReplayReturnsTheStoredAnswerByteForByte() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let first = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(), headers: ["Idempotency-Key": "k-1"])
                #expect(first.status == .accepted)
                #expect(first.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == nil)
                harness.clock.advance(by: .seconds(30))
                let again = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(), headers: ["Idempotency-Key": "k-1"])
                #expect(again.status == .accepted)
                #expect(again.body == first.body)
                #expect(again.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == "true")
                #expect(again.headers[.location] == first.headers[.location])
                let list = try await client.request(.get, "/v1/messages", key: key)
                #expect((list.object["data"] as? [Any])?.count == 1)
            }
        }
    }

    @Test func reusingAKeyWithOtherParametersIsRefused() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                _ = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(), headers: ["Idempotency-Key": "k-2"])
                try await client.request(.post, "/v1/messages", key: key, json: sendJSON(body: "other"), headers: ["Idempotency-Key": "k-2"])
                    .expectProblem(409, code: "idempotency_key_reused", field: "Idempotency-Key")
                // Another endpoint with the same key is other parameters too.
                try await client.request(.post, "/v1/messages/batch", key: key, json: #"{"messages":[\#(sendJSON())]}"#, headers: ["Idempotency-Key": "k-2"])
                    .expectProblem(409, code: "idempotency_key_reused", field: "Idempotency-Key")
            }
        }
    }

    @Test func keysAreScopedToTheAccount() async throws {
        try await APIHarness.with { harness in
            let (_, first) = try await harness.newAccount("First")
            let (_, second) = try await harness.newAccount("Second")
            try await harness.test { client in
                let a = try await client.request(.post, "/v1/messages", key: first, json: sendJSON(), headers: ["Idempotency-Key": "shared"])
                let b = try await client.request(.post, "/v1/messages", key: second, json: sendJSON(), headers: ["Idempotency-Key": "shared"])
                #expect(b.status == .accepted)
                #expect(b.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == nil)
                #expect(a.object["id"] as? String != b.object["id"] as? String)
            }
        }
    }

    @Test func anOverlongKeyIsRefused() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.post, "/v1/messages", key: key, json: sendJSON(), headers: ["Idempotency-Key": String(repeating: "k", count: 256)])
                    .expectProblem(422, code: "invalid_idempotency_key", field: "Idempotency-Key")
            }
        }
    }

    @Test func concurrentRequestsWithOneKeyCreateOneMessage() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                    for _ in 0..<8 {
                        group.addTask { try await client.request(.post, "/v1/messages", key: key, json: sendJSON(), headers: ["Idempotency-Key": "race"]) }
                    }
                    var all: [TestResponse] = []
                    for try await response in group { all.append(response) }
                    return all
                }
                #expect(responses.allSatisfy { $0.status == .accepted })
                #expect(Set(responses.map(\.text)).count == 1)
                #expect(responses.filter { $0.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == nil }.count == 1)
                let stored = try await harness.store.messages(matching: MessageQuery(accountID: account.id, limit: 100))
                #expect(stored.count == 1)
            }
        }
    }
}
