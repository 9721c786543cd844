/// The state of a short message, as carried in query_sm_resp and the `message_state` TLV.
public struct MessageState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let enroute = MessageState(rawValue: 1)
    public static let delivered = MessageState(rawValue: 2)
    public static let expired = MessageState(rawValue: 3)
    public static let deleted = MessageState(rawValue: 4)
    public static let undeliverable = MessageState(rawValue: 5)
    public static let accepted = MessageState(rawValue: 6)
    public static let unknown = MessageState(rawValue: 7)
    public static let rejected = MessageState(rawValue: 8)

    /// Whether the state is final (no further change expected).
    public var isFinal: Bool { (2...8).contains(rawValue) && rawValue != 7 }

    public var description: String {
        switch rawValue {
        case 1: "ENROUTE"
        case 2: "DELIVERED"
        case 3: "EXPIRED"
        case 4: "DELETED"
        case 5: "UNDELIVERABLE"
        case 6: "ACCEPTED"
        case 7: "UNKNOWN"
        case 8: "REJECTED"
        default: "message_state(\(rawValue))"
        }
    }
}
