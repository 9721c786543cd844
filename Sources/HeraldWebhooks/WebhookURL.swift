import Foundation

/// A webhook target: an absolute `http` or `https` URL, with the origin comparison redirects need.
struct WebhookURL: Sendable, Equatable {
    let text: String
    let scheme: String
    let host: String
    let port: Int

    init?(_ text: String) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        self.text = url.absoluteString
        self.scheme = scheme
        self.host = host
        self.port = url.port ?? (scheme == "https" ? 443 : 80)
    }

    /// The target of a `Location` header (absolute or relative to this URL).
    func resolving(_ location: String) -> WebhookURL? {
        guard let base = URL(string: text), let resolved = URL(string: location, relativeTo: base) else { return nil }
        return WebhookURL(resolved.absoluteString)
    }

    /// Same scheme, host and port; an upgrade from `http` to `https` on the same host (default ports) also counts.
    func isSameOrigin(as other: WebhookURL) -> Bool {
        guard host == other.host else { return false }
        if scheme == other.scheme { return port == other.port }
        return other.scheme == "http" && scheme == "https" && other.port == 80 && port == 443
    }
}
