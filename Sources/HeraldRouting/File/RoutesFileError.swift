/// A routes file that cannot be read or parsed (rules that parse but are wrong are a ``RouteTableError``).
public struct RoutesFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `unreadable_routes_file` or `invalid_routes_file`.
    public var code: String
    /// Where and what, e.g. `routes.yaml: rules[2].links[0]: unknown key(s) 'wieght'; known keys: …`.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
