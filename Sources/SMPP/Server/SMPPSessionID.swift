/// Identifies one server-side session (one TCP connection) for its lifetime.
public struct SMPPSessionID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public var description: String { "session-\(rawValue)" }
}
