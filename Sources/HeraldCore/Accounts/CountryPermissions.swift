/// Which destination countries (ISO 3166-1 alpha-2 region codes) an account may send to.
public struct CountryPermissions: Sendable, Equatable, Codable {
    public enum Mode: String, Sendable, Codable, Equatable {
        /// Every country except those listed.
        case denyListed = "deny_listed"
        /// Only the countries listed.
        case allowListed = "allow_listed"
    }

    public var mode: Mode
    public var regions: Set<String>

    public init(mode: Mode, regions: Set<String>) {
        self.mode = mode
        self.regions = Set(regions.map { $0.uppercased() })
    }

    public static let allowAll = CountryPermissions(mode: .denyListed, regions: [])

    public func allows(region: String) -> Bool {
        switch mode {
        case .denyListed: return !regions.contains(region.uppercased())
        case .allowListed: return regions.contains(region.uppercased())
        }
    }
}
