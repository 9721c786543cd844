import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AccountTests {
    @Test func getShowsTheAccountWithItsSigningSecretAndANullWebhookURL() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount("Acme")
            try await harness.test { client in
                let response = try await client.request(.get, "/v1/account", key: key)
                #expect(response.status == .ok)
                let object = response.object
                #expect(object["object"] as? String == "account")
                #expect(object["id"] as? String == account.id.rawValue)
                #expect(object["name"] as? String == "Acme")
                #expect(object["status"] as? String == "active")
                #expect(object["webhook_secret"] as? String == account.webhookSecret)
                // Present, and null: the schema requires the key.
                #expect(object.keys.contains("webhook_url"))
                #expect(object["webhook_url"] is NSNull)
                #expect(response.text.contains(#""webhook_url":null"#))
                let limits = try #require(object["limits"] as? [String: Any])
                #expect(limits["messages_per_second"] as? Double == account.limits.messagesPerSecond)
                #expect(limits["message_burst"] as? Int == account.limits.messageBurst)
            }
        }
    }

    @Test func patchSetsAndClearsTheWebhookURLAndNewMessagesUseIt() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                let set = try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":"https://hooks.example.com/herald"}"#)
                #expect(set.status == .ok)
                #expect(set.object["webhook_url"] as? String == "https://hooks.example.com/herald")
                #expect(try await harness.store.account(account.id)?.webhookURL == "https://hooks.example.com/herald")
                let shown = try await client.request(.get, "/v1/account", key: key)
                #expect(shown.object["webhook_url"] as? String == "https://hooks.example.com/herald")

                // A message without its own callback_url takes the account's.
                let sent = try await client.request(.post, "/v1/messages", key: key, json: sendJSON())
                let text = try #require(sent.object["id"] as? String)
                let id = try #require(MessageID(text))
                #expect(try await harness.store.message(id, accountID: account.id)?.callbackURL == "https://hooks.example.com/herald")

                let cleared = try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":null}"#)
                #expect(cleared.status == .ok)
                #expect(cleared.object["webhook_url"] is NSNull)
                #expect(try await harness.store.account(account.id)?.webhookURL == nil)
            }
        }
    }

    @Test(arguments: ["ftp://example.com/hook", "not a url", "https://", "https://example.com/" + String(repeating: "a", count: 2048)])
    func aBadWebhookURLIs422AndChangesNothing(url: String) async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                _ = try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":"https://ok.example.com/"}"#)
                let json = try HeraldJSON.text(["webhook_url": url])
                try await client.request(.patch, "/v1/account", key: key, json: json).expectProblem(422, code: "invalid_webhook_url", field: "webhook_url")
                #expect(try await harness.store.account(account.id)?.webhookURL == "https://ok.example.com/")
            }
        }
    }

    @Test func unknownMissingAndMistypedFieldsAre400() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":null,"name":"Evil"}"#)
                    .expectProblem(400, code: "unknown_field", field: "name")
                try await client.request(.patch, "/v1/account", key: key, json: #"{"webhookurl":"https://example.com"}"#)
                    .expectProblem(400, code: "unknown_field", field: "webhookurl")
                try await client.request(.patch, "/v1/account", key: key, json: "{}").expectProblem(400, code: "missing_field", field: "webhook_url")
                try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":42}"#)
                    .expectProblem(400, code: "invalid_type", field: "webhook_url")
            }
        }
    }

    @Test func withoutAKeyBothMethodsAre401() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                try await client.request(.get, "/v1/account").expectProblem(401, code: "invalid_api_key")
                try await client.request(.patch, "/v1/account", json: #"{"webhook_url":null}"#).expectProblem(401, code: "invalid_api_key")
            }
        }
    }

    @Test func eachAccountSeesOnlyItself() async throws {
        try await APIHarness.with { harness in
            let (first, firstKey) = try await harness.newAccount("First")
            let (second, secondKey) = try await harness.newAccount("Second")
            try await harness.test { client in
                _ = try await client.request(.patch, "/v1/account", key: firstKey, json: #"{"webhook_url":"https://first.example.com/"}"#)
                #expect(try await client.request(.get, "/v1/account", key: firstKey).object["id"] as? String == first.id.rawValue)
                let other = try await client.request(.get, "/v1/account", key: secondKey)
                #expect(other.object["id"] as? String == second.id.rawValue)
                #expect(other.object["webhook_url"] is NSNull)
            }
        }
    }
}
