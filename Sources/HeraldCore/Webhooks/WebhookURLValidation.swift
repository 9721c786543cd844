import Foundation

/// The rule for URLs Herald will POST webhooks to: absolute `http` or `https` with a host, at most
/// `maximumLength` characters. Callers throw their own problem code (`invalid_callback_url` for a
/// message's `callback_url`, `invalid_webhook_url` for an account's default).
///
/// ```swift
/// guard WebhookURLValidation.isAcceptable(text) else { throw HeraldError.invalid("invalid_webhook_url", …) }
/// ```
public enum WebhookURLValidation {
    /// The longest URL accepted by default.
    public static let defaultMaximumLength = 2048

    /// Whether `text` is a URL Herald may POST webhooks to.
    public static func isAcceptable(_ text: String, maximumLength: Int = defaultMaximumLength) -> Bool {
        guard text.count <= maximumLength, let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
