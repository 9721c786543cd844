import HeraldCore

/// The JSON shape of ``CountryPermissions``: `{"mode": "allow_listed", "countries": ["DE", "FR"]}`.
public struct CountryPermissionsResource: Sendable, Equatable, Codable {
    public var mode: CountryPermissions.Mode
    public var countries: [String]

    static let shape = JSONShape.object(["mode": .value, "countries": .array(.value)])

    public init(_ permissions: CountryPermissions) {
        mode = permissions.mode
        countries = permissions.regions.sorted()
    }

    public var permissions: CountryPermissions { CountryPermissions(mode: mode, regions: Set(countries)) }
}
