import HeraldCore

/// The query parameters of `GET /v1/inbound`, validated into a ``HeraldCore/InboundQuery``.
///
/// `from` (the handset, any form the number resolver accepts; compared in E.164), `to` (the account's
/// number or short code), `received_after` and `received_before` (RFC 3339, both exclusive), `limit`
/// (1–100, default 20), `starting_after` (an inbound message id: the previous page's `next_cursor`).
/// Unknown parameters are refused.
public struct InboundListParameters: Sendable, Equatable {
    public static let names: Set<String> = ["from", "to", "received_after", "received_before", "limit", "starting_after"]
    public static let defaultLimit = 20
    public static let maximumLimit = 100

    public var from: String?
    public var toKey: String?
    public var receivedAfter: Timestamp?
    public var receivedBefore: Timestamp?
    public var limit: Int = InboundListParameters.defaultLimit
    public var startingAfter: InboundMessageID?

    public init() {}

    /// Parses `(name, value)` pairs in request order.
    public init(parameters: some Sequence<(key: String, value: String)>, numbers: any NumberResolver) throws {
        var seen: Set<String> = []
        for (name, value) in parameters {
            guard Self.names.contains(name) else {
                throw HTTPProblem.invalidParameter(name, "'\(name.prefix(64))' is not a query parameter of this endpoint; known: \(Self.names.sorted().joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw HTTPProblem.invalidParameter(name, "'\(name)' may be given only once") }
            switch name {
            case "from":
                do {
                    from = try numbers.resolve(value, defaultRegion: nil).e164
                } catch {
                    throw HTTPProblem.invalidParameter("from", "'from' must be a phone number in international format")
                }
            case "to":
                let key = AssignedNumber.key(for: value)
                guard !key.isEmpty else { throw HTTPProblem.invalidParameter("to", "'to' must be one of the account's numbers or short codes") }
                toKey = key
            case "received_after", "received_before":
                guard let time = Timestamp(iso8601: value) else {
                    throw HTTPProblem.invalidParameter(name, "'\(name)' must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z")
                }
                if name == "received_after" { receivedAfter = time } else { receivedBefore = time }
            case "limit":
                guard let number = Int(value), (1...Self.maximumLimit).contains(number) else {
                    throw HTTPProblem.invalidParameter("limit", "'limit' must be an integer from 1 to \(Self.maximumLimit)")
                }
                limit = number
            default: // "starting_after"
                guard let id = InboundMessageID(value) else {
                    throw HTTPProblem.invalidParameter("starting_after", "'starting_after' must be an inbound message id (the previous page's next_cursor)")
                }
                startingAfter = id
            }
        }
    }

    /// The store query for `accountID`; asks for one more than `limit` to learn whether more pages exist.
    public func query(accountID: AccountID) -> InboundQuery {
        InboundQuery(
            accountID: accountID, from: from, toKey: toKey, receivedFrom: receivedAfter?.adding(milliseconds: 1), receivedBefore: receivedBefore,
            startingAfter: startingAfter, limit: limit + 1)
    }
}
