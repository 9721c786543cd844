import HeraldCore

/// The body of `POST /v1/messages/batch`: `{"messages": [SendRequest, …]}` (at most 100).
public struct BatchSendBody: Sendable, Equatable, Decodable {
    public var messages: [SendRequest]

    public static let shape = JSONShape.object(["messages": .array(.sendRequest)])
}
