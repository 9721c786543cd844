import HeraldCore
import Testing

@Suite struct MessageQueryContractTests {
    @Test(arguments: StoreFactory.all)
    func pagesGoNewestFirstWithACursor(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let acme = f.account("Acme")
            let globex = f.account("Globex")
            let mine = (0..<25).map { f.message(of: acme, at: f.at(seconds: Int64($0))) }
            let theirs = (0..<5).map { f.message(of: globex, at: f.at(seconds: Int64($0))) }
            _ = try await backend.store.insertMessages(mine + theirs, idempotency: nil, webhooks: [], audit: [])

            var seen: [MessageID] = []
            var cursor: MessageID?
            var pages = 0
            repeat {
                let page = try await backend.store.messages(matching: MessageQuery(accountID: acme.id, startingAfter: cursor, limit: 10))
                #expect(page.allSatisfy { $0.accountID == acme.id })
                seen += page.map(\.id)
                cursor = page.last?.id
                pages += 1
                if page.count < 10 { break }
            } while pages < 10
            #expect(pages == 3)
            #expect(seen == mine.map(\.id).reversed())
        }
    }

    @Test(arguments: StoreFactory.all)
    func filtersCombine(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            var messages: [Message] = []
            for index in 0..<12 {
                let status: MessageStatus = [.queued, .submitted, .delivered][index % 3]
                let to = index < 6 ? "+4915100000001" : "+447700900123"
                messages.append(f.message(of: account, at: f.at(seconds: Int64(index)), status: status, to: to, clientReference: "ref-\(index % 2)"))
            }
            _ = try await backend.store.insertMessages(messages, idempotency: nil, webhooks: [], audit: [])
            func ids(_ query: MessageQuery) async throws -> [MessageID] {
                try await backend.store.messages(matching: query).map(\.id)
            }
            func expected(_ predicate: (Message) -> Bool) -> [MessageID] {
                messages.filter(predicate).map(\.id).reversed()
            }

            #expect(try await ids(MessageQuery(accountID: account.id, statuses: [.delivered])) == expected { $0.status == .delivered })
            #expect(try await ids(MessageQuery(accountID: account.id, statuses: [.queued, .submitted])) == expected { $0.status != .delivered })
            #expect(try await ids(MessageQuery(accountID: account.id, to: "+447700900123")) == expected { $0.to == "+447700900123" })
            #expect(try await ids(MessageQuery(accountID: account.id, clientReference: "ref-1")) == expected { $0.clientReference == "ref-1" })
            #expect(try await ids(MessageQuery(accountID: account.id, createdFrom: f.at(seconds: 3), createdBefore: f.at(seconds: 7)))
                == expected { $0.createdAt >= f.at(seconds: 3) && $0.createdAt < f.at(seconds: 7) })
            let combined = MessageQuery(
                accountID: account.id, statuses: [.queued, .delivered], to: "+4915100000001", createdFrom: f.at(seconds: 1), limit: 2)
            #expect(try await ids(combined) == Array(expected { $0.status != .submitted && $0.to == "+4915100000001" && $0.createdAt >= f.at(seconds: 1) }.prefix(2)))
            #expect(try await ids(MessageQuery(accountID: account.id, limit: 0)).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func countsByStatus(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            #expect(try await backend.store.messageCountsByStatus().isEmpty)
            let statuses: [MessageStatus] = [.queued, .queued, .queued, .accepted, .submitted, .delivered, .delivered, .failed]
            let messages = statuses.enumerated().map { f.message(of: account, at: f.at(seconds: Int64($0.offset)), status: $0.element) }
            _ = try await backend.store.insertMessages(messages, idempotency: nil, webhooks: [], audit: [])
            #expect(try await backend.store.messageCountsByStatus() == [.queued: 3, .accepted: 1, .submitted: 1, .delivered: 2, .failed: 1])
        }
    }
}
