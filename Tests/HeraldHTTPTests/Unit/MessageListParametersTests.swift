import Foundation
import HeraldCore
@testable import HeraldHTTP
import HeraldTestSupport
import Testing

@Suite struct MessageListParametersTests {
    let account = AccountID(unchecked: "acc_01jd0000000000000000000000")

    func parse(_ pairs: [(String, String)]) throws -> MessageListParameters {
        try MessageListParameters(parameters: pairs.map { (key: $0.0, value: $0.1) }, numbers: SimpleNumberResolver())
    }

    func failure(_ pairs: [(String, String)]) -> HTTPProblem? {
        do {
            _ = try parse(pairs)
            return nil
        } catch {
            return error as? HTTPProblem
        }
    }

    @Test func defaultsToTwentyAndAsksTheStoreForOneMore() throws {
        let parameters = try parse([])
        #expect(parameters.limit == 20)
        #expect(parameters.query(accountID: account).limit == 21)
        #expect(parameters.query(accountID: account).accountID == account)
    }

    @Test func parsesEveryFilter() throws {
        let parameters = try parse([
            ("status", "queued,delivered"), ("status", "failed"), ("to", "+49 151 2345 6789"), ("client_reference", "order-7"),
            ("created_after", "2026-01-01T00:00:00Z"), ("created_before", "2026-02-01T00:00:00.500Z"), ("limit", "100"),
            ("starting_after", "msg_01jd0000000000000000000000"),
        ])
        let query = parameters.query(accountID: account)
        #expect(query.statuses == [.queued, .delivered, .failed])
        #expect(query.to == "+4915123456789")
        #expect(query.clientReference == "order-7")
        // created_after is exclusive: the store's inclusive bound is one millisecond later.
        #expect(query.createdFrom == Timestamp(iso8601: "2026-01-01T00:00:00.001Z"))
        #expect(query.createdBefore == Timestamp(iso8601: "2026-02-01T00:00:00.500Z"))
        #expect(query.limit == 101)
        #expect(query.startingAfter?.rawValue == "msg_01jd0000000000000000000000")
    }

    @Test(arguments: [
        ("limit", "0"), ("limit", "101"), ("limit", "ten"), ("status", "sent"), ("status", "queued,"), ("to", "12"),
        ("created_after", "yesterday"), ("starting_after", "acc_01jd0000000000000000000000"), ("client_reference", ""), ("colour", "red"),
    ])
    func refusesBadValuesNamingTheParameter(name: String, value: String) {
        let problem = failure([(name, value)])
        #expect(problem?.code == "invalid_parameter")
        #expect(problem?.field == name)
        #expect(problem?.status == .badRequest)
    }

    @Test func refusesRepeatedSingleValuedParameters() {
        #expect(failure([("limit", "5"), ("limit", "6")])?.field == "limit")
    }

    @Test func pageCutsToTheLimitAndPointsAtTheLastItem() throws {
        let messages = (0..<3).map { index in TestMessages.message(id: "msg_01jd000000000000000000000\(index)", account: account) }
        let page = MessageListPage(fetched: messages, limit: 2)
        #expect(page.data.count == 2)
        #expect(page.hasMore)
        #expect(page.nextCursor == "msg_01jd0000000000000000000001")
        let last = MessageListPage(fetched: Array(messages.prefix(2)), limit: 2)
        #expect(!last.hasMore)
        let text = try HeraldJSON.text(last)
        #expect(text.contains(#""next_cursor":null"#))
        #expect(text.hasPrefix(#"{"data":["#))
        #expect(text.contains(#""has_more":false,"next_cursor":null,"object":"list"}"#))
    }
}
