/// Why `herald route` could not answer.
public struct RouteCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code: `invalid_account`, `invalid_message_id`, `unreadable_routes_file`, `invalid_routes_file`,
    /// `invalid_routes`, `unknown_link`, or a ``NumberParseError`` code.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
