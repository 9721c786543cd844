import HeraldCore

/// The burst thresholds of one fraud-guard scope: `{min_sends: 20, min_distinct_numbers: 10}`.
public struct FraudThresholdsSection: Codable, Sendable, Equatable {
    public var minimumSends: Int
    public var minimumDistinctNumbers: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumSends = "min_sends"
        case minimumDistinctNumbers = "min_distinct_numbers"
    }

    public init(_ thresholds: FraudGuardConfiguration.Thresholds) {
        minimumSends = thresholds.minimumSends
        minimumDistinctNumbers = thresholds.minimumDistinctNumbers
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minimumSends = try c.decode(Int.self, forKey: .minimumSends)
        minimumDistinctNumbers = try c.decode(Int.self, forKey: .minimumDistinctNumbers)
    }

    public var thresholds: FraudGuardConfiguration.Thresholds {
        .init(minimumSends: minimumSends, minimumDistinctNumbers: minimumDistinctNumbers)
    }

    func validate(_ name: String) throws {
        guard (2...1_000_000).contains(minimumSends) else { throw ConfigurationError("'\(name).min_sends' must be 2-1000000") }
        guard (2...minimumSends).contains(minimumDistinctNumbers) else {
            throw ConfigurationError("'\(name).min_distinct_numbers' must be 2-min_sends (\(minimumSends))")
        }
    }
}
