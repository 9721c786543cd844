/// How a route rule orders its links.
///
/// ```yaml
/// mode: least_cost   # or: priority (the default)
/// ```
public enum RouteMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lowest `priority` number first; links of equal priority share traffic by weight.
    case priority
    /// Cheapest `cost_micros` first, then lowest priority number; links equal in both share traffic by weight.
    case leastCost = "least_cost"
}
