import Foundation

/// The JSON envelope POSTed to webhook receivers: `{"id", "type", "created_at", "data"}`.
public struct WebhookEvent<Payload: Encodable & Sendable>: Encodable, Sendable {
    public var id: String
    public var type: String
    public var createdAt: Timestamp
    public var data: Payload

    enum CodingKeys: String, CodingKey {
        case id, type
        case createdAt = "created_at"
        case data
    }

    public init(id: String, type: String, createdAt: Timestamp, data: Payload) {
        self.id = id
        self.type = type
        self.createdAt = createdAt
        self.data = data
    }

    /// Stable JSON text (sorted keys) for the outbox.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding value types made of strings, numbers and timestamps cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The kind tag for webhook event identifiers (`evt_…`).
public enum WebhookEventKind: IdentifierKind { public static let prefix = "evt" }
public typealias WebhookEventID = Identifier<WebhookEventKind>
