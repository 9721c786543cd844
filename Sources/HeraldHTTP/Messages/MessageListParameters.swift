import HeraldCore

/// The query parameters of `GET /v1/messages`, validated into a ``HeraldCore/MessageQuery``.
///
/// `status` (comma list, may repeat), `to` (any form the number resolver accepts; compared in E.164),
/// `client_reference`, `created_after` and `created_before` (RFC 3339, both exclusive), `limit` (1–100,
/// default 20), `starting_after` (a message id: the previous page's `next_cursor`). Unknown parameters are refused.
public struct MessageListParameters: Sendable, Equatable {
    public static let names: Set<String> = ["status", "to", "client_reference", "created_after", "created_before", "limit", "starting_after"]
    public static let defaultLimit = 20
    public static let maximumLimit = 100

    public var statuses: Set<MessageStatus> = []
    public var to: String?
    public var clientReference: String?
    public var createdAfter: Timestamp?
    public var createdBefore: Timestamp?
    public var limit: Int = MessageListParameters.defaultLimit
    public var startingAfter: MessageID?

    public init() {}

    /// Parses `(name, value)` pairs in request order.
    public init(parameters: some Sequence<(key: String, value: String)>, numbers: any NumberResolver) throws {
        var seen: Set<String> = []
        for (name, value) in parameters {
            guard Self.names.contains(name) else {
                throw HTTPProblem.invalidParameter(name, "'\(name.prefix(64))' is not a query parameter of this endpoint; known: \(Self.names.sorted().joined(separator: ", "))")
            }
            guard name == "status" || seen.insert(name).inserted else {
                throw HTTPProblem.invalidParameter(name, "'\(name)' may be given only once")
            }
            switch name {
            case "status":
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let status = MessageStatus(rawValue: item.trimmingCharacters(in: .whitespaces)) else {
                        let known = MessageStatus.allCases.map(\.rawValue).joined(separator: ", ")
                        throw HTTPProblem.invalidParameter("status", "'status' must be a comma-separated list of: \(known)")
                    }
                    statuses.insert(status)
                }
            case "to":
                do {
                    to = try numbers.resolve(value, defaultRegion: nil).e164
                } catch {
                    throw HTTPProblem.invalidParameter("to", "'to' must be a phone number in international format")
                }
            case "client_reference":
                guard !value.isEmpty else { throw HTTPProblem.invalidParameter(name, "'client_reference' must not be empty") }
                clientReference = value
            case "created_after", "created_before":
                guard let time = Timestamp(iso8601: value) else {
                    throw HTTPProblem.invalidParameter(name, "'\(name)' must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z")
                }
                if name == "created_after" { createdAfter = time } else { createdBefore = time }
            case "limit":
                guard let number = Int(value), (1...Self.maximumLimit).contains(number) else {
                    throw HTTPProblem.invalidParameter("limit", "'limit' must be an integer from 1 to \(Self.maximumLimit)")
                }
                limit = number
            default: // "starting_after"
                guard let id = MessageID(value) else {
                    throw HTTPProblem.invalidParameter("starting_after", "'starting_after' must be a message id (the previous page's next_cursor)")
                }
                startingAfter = id
            }
        }
    }

    /// The store query for `accountID`; asks for one more than `limit` to learn whether more pages exist.
    public func query(accountID: AccountID) -> MessageQuery {
        MessageQuery(
            accountID: accountID, statuses: statuses, to: to, clientReference: clientReference,
            // The store's lower bound is inclusive; `created_after` is exclusive (timestamps are milliseconds).
            createdFrom: createdAfter?.adding(milliseconds: 1), createdBefore: createdBefore, startingAfter: startingAfter,
            limit: limit + 1)
    }
}
