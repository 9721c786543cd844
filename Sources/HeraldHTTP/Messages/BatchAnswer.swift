import HeraldCore

/// The answer to a batch: per item, in request order, the accepted message or the problem that refused it.
///
/// ```json
/// {"object": "batch", "accepted_count": 1, "rejected_count": 1, "data": [
///   {"index": 0, "result": "accepted", "message": {…}},
///   {"index": 1, "result": "rejected", "error": {"code": "invalid_destination", "field": "messages[1].to", …}}]}
/// ```
public struct BatchAnswer: Sendable, Equatable, Encodable {
    public struct Item: Sendable, Equatable, Encodable {
        public var index: Int
        /// `accepted` or `rejected`.
        public var result: String
        public var message: MessageResource?
        public var error: ProblemDocument?
    }

    public var acceptedCount: Int
    public var rejectedCount: Int
    public var data: [Item]

    enum CodingKeys: String, CodingKey {
        case object, data
        case acceptedCount = "accepted_count"
        case rejectedCount = "rejected_count"
    }

    public init(results: [Result<Message, HeraldError>], configuration: HTTPConfiguration) {
        data = results.enumerated().map { index, result in
            switch result {
            case .success(let message):
                return Item(index: index, result: "accepted", message: MessageResource(message), error: nil)
            case .failure(let error):
                return Item(index: index, result: "rejected", message: nil, error: HTTPProblem(error, configuration: configuration).document(requestID: nil))
            }
        }
        acceptedCount = data.filter { $0.result == "accepted" }.count
        rejectedCount = data.count - acceptedCount
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("batch", forKey: .object)
        try container.encode(acceptedCount, forKey: .acceptedCount)
        try container.encode(rejectedCount, forKey: .rejectedCount)
        try container.encode(data, forKey: .data)
    }
}
