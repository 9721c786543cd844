import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ListAndScopeTests {
    @Test func anotherAccountsMessageIsNotFound() async throws {
        try await APIHarness.with { harness in
            let (_, owner) = try await harness.newAccount("Owner")
            let (_, stranger) = try await harness.newAccount("Stranger")
            try await harness.test { client in
                let sent = try await client.request(.post, "/v1/messages", key: owner, json: sendJSON())
                let id = try #require(sent.object["id"] as? String)
                let status1 = try await client.request(.get, "/v1/messages/\(id)", key: owner).status
                #expect(status1 == .ok)
                let foreign = try await client.request(.get, "/v1/messages/\(id)", key: stranger).expectProblem(404, code: "not_found")
                let unknown = try await client.request(.get, "/v1/messages/msg_01jd0000000000000000000000", key: stranger).expectProblem(404, code: "not_found")
                #expect(foreign["detail"] as? String != nil)
                #expect(unknown["title"] as? String == foreign["title"] as? String)
                try await client.request(.get, "/v1/messages/not-an-id", key: stranger).expectProblem(404, code: "not_found")
                let list = try await client.request(.get, "/v1/messages", key: stranger)
                #expect((list.object["data"] as? [Any])?.isEmpty == true)
            }
        }
    }

    /// Sends 23 messages over time with a mix of references and numbers, then walks filtered pages.
    @Test func paginationWalksEveryPageExactlyOnceWithFilters() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            let (_, otherKey) = try await harness.newAccount("Other")
            let start = harness.clock.now()
            try await harness.test { client in
                var expected: [String] = []
                for index in 0..<23 {
                    harness.clock.advance(by: .seconds(1))
                    let reference = index % 2 == 0 ? "even" : "odd"
                    let to = index % 3 == 0 ? "+447700900123" : "+4915123456789"
                    let response = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(to: to, extra: #","client_reference":"\#(reference)""#))
                    let id = try #require(response.object["id"] as? String)
                    if reference == "even" && index >= 4 { expected.append(id) }
                    _ = try await client.request(.post, "/v1/messages", key: otherKey, json: sendJSON(extra: #","client_reference":"even""#))
                }
                // Messages 4… were created at start + 5 s and later; created_after is exclusive.
                let after = start.adding(seconds: 4).iso8601
                var seen: [String] = []
                var cursor: String?
                var pages = 0
                repeat {
                    var uri = "/v1/messages?client_reference=even&limit=3&status=queued,delivered&created_after=\(after)"
                    if let cursor { uri += "&starting_after=\(cursor)" }
                    let page = try await client.request(.get, uri, key: key)
                    #expect(page.status == .ok)
                    #expect(page.object["object"] as? String == "list")
                    let data = page.object["data"] as? [[String: Any]] ?? []
                    #expect(data.count <= 3)
                    #expect(data.allSatisfy { $0["client_reference"] as? String == "even" })
                    seen += data.compactMap { $0["id"] as? String }
                    let hasMore = page.object["has_more"] as? Bool ?? false
                    cursor = page.object["next_cursor"] as? String
                    #expect(hasMore == (cursor != nil))
                    #expect(page.object.keys.contains("next_cursor"))
                    pages += 1
                } while cursor != nil && pages < 20
                #expect(seen == expected.reversed())  // newest first, each once
                #expect(seen.count == 10)
                #expect(pages == 4)  // 3 + 3 + 3 + 1

                let byNumber = try await client.request(.get, "/v1/messages?to=%2B44%207700%20900123&limit=100", key: key)
                #expect((byNumber.object["data"] as? [[String: Any]])?.count == 8)
                let before = try await client.request(.get, "/v1/messages?created_before=\(start.adding(seconds: 3).iso8601)", key: key)
                #expect((before.object["data"] as? [[String: Any]])?.count == 2)
                let none = try await client.request(.get, "/v1/messages?status=delivered", key: key)
                #expect((none.object["data"] as? [Any])?.isEmpty == true)
                #expect(none.object["has_more"] as? Bool == false)
                _ = account
            }
        }
    }

    @Test func badQueryParametersAre400() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.get, "/v1/messages?limit=0", key: key).expectProblem(400, code: "invalid_parameter", field: "limit")
                try await client.request(.get, "/v1/messages?status=sent", key: key).expectProblem(400, code: "invalid_parameter", field: "status")
                try await client.request(.get, "/v1/messages?page=2", key: key).expectProblem(400, code: "invalid_parameter", field: "page")
                try await client.request(.get, "/v1/messages?starting_after=msg_x", key: key).expectProblem(400, code: "invalid_parameter", field: "starting_after")
            }
        }
    }
}
