import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AuthenticationTests {
    /// The problem body without the per-request id.
    func comparable(_ response: TestResponse) -> [String: String] {
        var object = response.object
        object["request_id"] = nil
        return object.mapValues { "\($0)" }
    }

    @Test func missingMalformedUnknownAndRevokedKeysGetTheSame401() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            let (revokedKey, revokedCredential) = try await harness.accounts.issueKey(accountID: account.id, name: "old", actor: .cli("test"))
            try await harness.accounts.revokeKey(revokedKey.id, accountID: account.id, actor: .cli("test"))
            // Same id as the live key, different secret.
            let forged = key.split(separator: "_").prefix(2).joined(separator: "_") + "_" + String(repeating: "a", count: 32)
            try await harness.test { client in
                var bodies: [[String: String]] = []
                for header in [nil, "Bearer", "Bearer not-a-key", "Bearer \(forged)", "Bearer \(revokedCredential.text)", "Digest abc"] {
                    var headers: [String: String] = [:]
                    if let header { headers["Authorization"] = header }
                    let response = try await client.request(.get, "/v1/messages", headers: headers)
                    response.expectProblem(401, code: "invalid_api_key")
                    #expect(response.headers[values: .wwwAuthenticate].count == 2)
                    bodies.append(comparable(response))
                }
                #expect(Set(bodies.map { $0.sorted { $0.key < $1.key }.description }).count == 1)
            }
        }
    }

    @Test func bearerAndBasicWithTheKeyAsUserNameBothWork() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let status1 = try await client.request(.get, "/v1/messages", key: key).status
                #expect(status1 == .ok)
                let basic = "Basic " + Data("\(key):".utf8).base64EncodedString()
                let status2 = try await client.request(.get, "/v1/messages", headers: ["Authorization": basic]).status
                #expect(status2 == .ok)
            }
        }
    }

    @Test func publicRoutesNeedNoKeyButMessageAndAccountRoutesAllDo() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                for (method, path) in [(HTTPRequest.Method.post, "/v1/messages"), (.post, "/v1/messages/batch"), (.post, "/v1/messages/preview"),
                                       (.get, "/v1/messages"), (.get, "/v1/messages/msg_01jd0000000000000000000000"),
                                       (.get, "/v1/account"), (.patch, "/v1/account")] {
                    try await client.request(method, path, json: method == .post || method == .patch ? "{}" : nil).expectProblem(401, code: "invalid_api_key")
                }
            }
        }
    }

    @Test func aSuspendedAccountMayReadButNotSend() async throws {
        try await APIHarness.with { harness in
            let created = try await harness.newAccount()
            var account = created.account
            let key = created.key
            account.status = .suspended
            try await harness.store.updateAccount(account, audit: [])
            try await harness.test { client in
                let status3 = try await client.request(.get, "/v1/messages", key: key).status
                #expect(status3 == .ok)
                try await client.request(.post, "/v1/messages", key: key, json: sendJSON()).expectProblem(403, code: "account_suspended")
            }
        }
    }
}
