import HeraldCore
import Testing

@Suite struct AccountStoreContractTests {
    @Test(arguments: StoreFactory.all)
    func accountsAndKeysRoundTrip(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let keys = [f.apiKey(of: account, name: "one"), f.apiKey(of: account, name: "two")]
            try await backend.store.insertAccount(account, apiKeys: keys, audit: [f.audit("account.create", target: account.id.rawValue)])

            #expect(try await backend.store.account(account.id) == account)
            #expect(try await backend.store.accounts() == [account])
            #expect(try await backend.store.apiKey(keys[1].id) == keys[1])
            #expect(try await backend.store.apiKeys(accountID: account.id) == keys.sorted { $0.id < $1.id })
            #expect(try await backend.store.account(f.account("Other").id) == nil)
            #expect(try await backend.auditEvents().map(\.action) == ["account.create"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func updateAccountChangesEverythingButIdentity(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            var account = f.account()
            try await backend.store.insertAccount(account, apiKeys: [], audit: [])
            account.name = "Acme Renamed"
            account.status = .suspended
            account.webhookURL = nil
            account.limits.messagesPerDay = 5
            account.countryPermissions = .allowAll
            try await backend.store.updateAccount(account, audit: [f.audit("account.update")])
            #expect(try await backend.store.account(account.id) == account)
            #expect(try await backend.auditEvents().map(\.action) == ["account.update"])

            // An unknown account is an error, and its audit event is not recorded.
            let ghost = f.account("Ghost")
            await #expect(throws: HeraldError.self) { try await backend.store.updateAccount(ghost, audit: [f.audit("account.update.ghost")]) }
            #expect(try await backend.store.account(ghost.id) == nil)
            #expect(try await backend.auditEvents().map(\.action) == ["account.update"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func keysAreScopedToTheirAccountAndRevocable(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let acme = f.account("Acme")
            let globex = f.account("Globex")
            try await backend.store.insertAccount(acme, apiKeys: [f.apiKey(of: acme)], audit: [])
            try await backend.store.insertAccount(globex, apiKeys: [], audit: [])
            let extra = f.apiKey(of: acme, name: "ci", at: f.at(seconds: 5))
            try await backend.store.insertAPIKey(extra, audit: [f.audit("api_key.issue")])
            #expect(try await backend.store.apiKeys(accountID: acme.id).count == 2)
            #expect(try await backend.store.apiKeys(accountID: globex.id).isEmpty)

            // Another account cannot revoke it; nothing is audited.
            #expect(try await !backend.store.revokeAPIKey(extra.id, accountID: globex.id, at: f.at(seconds: 10), audit: [f.audit("api_key.revoke.denied")]))
            #expect(try await backend.store.apiKey(extra.id)?.revokedAt == nil)
            #expect(try await !backend.store.revokeAPIKey(f.apiKey(of: acme).id, accountID: acme.id, at: f.at(seconds: 10), audit: []))

            #expect(try await backend.store.revokeAPIKey(extra.id, accountID: acme.id, at: f.at(seconds: 10), audit: [f.audit("api_key.revoke")]))
            #expect(try await backend.store.apiKey(extra.id)?.revokedAt == f.at(seconds: 10))
            // Revoking again succeeds but keeps the first revocation time.
            #expect(try await backend.store.revokeAPIKey(extra.id, accountID: acme.id, at: f.at(seconds: 20), audit: []))
            #expect(try await backend.store.apiKey(extra.id)?.revokedAt == f.at(seconds: 10))
            #expect(try await backend.auditEvents().map(\.action) == ["api_key.issue", "api_key.revoke"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func aKeyForAnUnknownAccountIsRefused(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let key = f.apiKey(of: f.account("Nobody"))
            await #expect(throws: (any Error).self) { try await backend.store.insertAPIKey(key, audit: [f.audit("api_key.issue")]) }
            let stored = try await backend.store.apiKey(key.id)
            #expect(stored == nil)
            #expect(try await backend.auditEvents().isEmpty)
        }
    }
}
