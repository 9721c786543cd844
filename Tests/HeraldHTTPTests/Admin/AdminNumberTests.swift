import Foundation
import HeraldCore
import HeraldHTTP
import HummingbirdTesting
import Testing

/// `/v1/admin/accounts/{id}/numbers` and `/v1/admin/numbers`: operators assign numbers and short codes over
/// HTTP through the same service as `herald number`, and find a number's owner as a carrier writes it.
@Suite struct AdminNumberTests {
    @Test func numbersAreAssignedListedLookedUpAndUnassigned() async throws {
        try await AdminHarness.with { harness in
            let (support, supportToken) = try await harness.newOperator(.support)
            let (_, viewerToken) = try await harness.newOperator(.viewer)
            let (account, _) = try await harness.newAccount()
            let (other, _) = try await harness.newAccount("Other")
            let path = "/v1/admin/accounts/\(account.id)/numbers"
            try await harness.test { client in
                let long = try await client.request(.post, path, key: supportToken, json: #"{"number": "+49 151 2345-6789"}"#)
                #expect(long.status == .created, "\(long.text)")
                #expect(long.object["object"] as? String == "assigned_number")
                #expect(long.object["number"] as? String == "+4915123456789")
                #expect(long.object["account_id"] as? String == account.id.rawValue)
                #expect(try await client.request(.post, path, key: supportToken, json: #"{"number": "72345"}"#).status == .created)
                #expect(try await client.request(.post, "/v1/admin/accounts/\(other.id)/numbers", key: supportToken, json: #"{"number": "+4915199999999"}"#).status == .created)

                let listed = try await client.request(.get, path, key: viewerToken)
                #expect(listed.status == .ok)
                #expect((listed.object["data"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == ["+4915123456789", "72345"])

                // The owner of a number, written as assigned, percent-encoded, or as a carrier writes it.
                for query in ["4915123456789", "%2B4915123456789", "+4915123456789"] {
                    let found = try await client.request(.get, "/v1/admin/numbers?number=\(query)", key: viewerToken)
                    let data = try #require(found.object["data"] as? [[String: Any]], "\(found.text)")
                    #expect(data.count == 1 && data.first?["account_id"] as? String == account.id.rawValue, "\(query): \(found.text)")
                }
                #expect((try await client.request(.get, "/v1/admin/numbers?number=99999", key: viewerToken).object["data"] as? [Any])?.isEmpty == true)

                let all = try await client.request(.get, "/v1/admin/numbers", key: viewerToken)
                #expect((all.object["data"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == ["+4915123456789", "+4915199999999", "72345"])
                let page = try await client.request(.get, "/v1/admin/numbers?limit=2", key: viewerToken)
                #expect((page.object["data"] as? [Any])?.count == 2)
                let next = try await client.request(.get, "/v1/admin/numbers?limit=2&starting_after=%2B4915199999999", key: viewerToken)
                #expect((next.object["data"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == ["72345"])

                #expect(try await client.request(.delete, path + "/%2B4915123456789", key: supportToken).status == .noContent)
                #expect(try await client.request(.delete, path + "/72345", key: supportToken).status == .noContent)
                try await client.request(.delete, path + "/72345", key: supportToken).expectProblem(404, code: "not_found")
                // Another account's number is not this account's to unassign.
                try await client.request(.delete, path + "/+4915199999999", key: supportToken).expectProblem(404, code: "not_found")
                #expect(try await harness.numbers.owner(of: "4915199999999")?.accountID == other.id)
                #expect((try await client.request(.get, path, key: viewerToken).object["data"] as? [Any])?.isEmpty == true)

                let events = try await harness.auditEvents().filter { $0.action.hasPrefix("number.") }
                #expect(events.map(\.action) == ["number.assign", "number.assign", "number.assign", "number.unassign", "number.unassign"])
                #expect(events.allSatisfy { $0.actor == support.actor })
                #expect(events[3].details["account"] == account.id.rawValue)
            }
        }
    }

    @Test func invalidAndTakenNumbersAreRefusedWithTheirCodes() async throws {
        try await AdminHarness.with { harness in
            let (_, supportToken) = try await harness.newOperator(.support)
            let (account, _) = try await harness.newAccount()
            let (other, _) = try await harness.newAccount("Other")
            let path = "/v1/admin/accounts/\(account.id)/numbers"
            try await harness.numbers.assign("+4915123456789", to: other.id, actor: .cli("test"))
            try await harness.test { client in
                for bad in ["12", "123456789", "+12", "abc", "+49 151 x"] {
                    try await client.request(.post, path, key: supportToken, json: #"{"number": "\#(bad)"}"#).expectProblem(422, code: "invalid_number", field: "number")
                }
                try await client.request(.post, path, key: supportToken, json: #"{"number": "4915123456789x"}"#).expectProblem(422, code: "invalid_number", field: "number")
                try await client.request(.post, path, key: supportToken, json: #"{"number": "+4915123456789"}"#)
                    .expectProblem(409, code: "number_already_assigned", field: "number")
                try await client.request(.post, path, key: supportToken, json: #"{}"#).expectProblem(400, code: "missing_field", field: "number")
                try await client.request(.post, path, key: supportToken, json: #"{"number": 72345}"#).expectProblem(400, code: "invalid_type", field: "number")
                try await client.request(.post, "/v1/admin/accounts/acc_0000000000000000000000000a/numbers", key: supportToken, json: #"{"number": "72345"}"#)
                    .expectProblem(404, code: "not_found")
                try await client.request(.get, "/v1/admin/accounts/acc_0000000000000000000000000a/numbers", key: supportToken).expectProblem(404, code: "not_found")
                try await client.request(.get, "/v1/admin/numbers?number=abc", key: supportToken).expectProblem(400, code: "invalid_parameter", field: "number")
                try await client.request(.get, "/v1/admin/numbers?limit=0", key: supportToken).expectProblem(400, code: "invalid_parameter", field: "limit")
                try await client.request(.get, "/v1/admin/numbers?account=\(account.id)", key: supportToken).expectProblem(400, code: "invalid_parameter", field: "account")
                #expect(try await harness.numbers.numbers(of: account.id).isEmpty)
            }
        }
    }
}
