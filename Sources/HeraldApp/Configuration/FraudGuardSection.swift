import HeraldCore

/// `fraud_guard:` — the SMS-pumping heuristics; docs/fraud-guard.md explains each setting and default.
///
/// ```yaml
/// fraud_guard:
///   enabled: true
///   suffix_digits: 3
///   window_seconds: 1800
///   per_account: { min_sends: 20, min_distinct_numbers: 10 }
///   global: { min_sends: 60, min_distinct_numbers: 30 }   # null: no all-accounts blocks
///   block_duration_seconds: 43200
/// ```
public struct FraudGuardSection: Codable, Sendable, Equatable {
    public var enabled: Bool
    public var suffixDigits: Int
    public var windowSeconds: Int
    public var windowBucketSeconds: Int
    public var baselineWindowSeconds: Int
    public var baselineBucketSeconds: Int
    public var baselineMinimumSends: Int
    public var defaultBaseline: Double
    public var baselineFloor: Double
    public var conversionRatio: Double
    public var perAccount: FraudThresholdsSection
    /// `nil` (YAML `null`): no blocks for all accounts together.
    public var global: FraudThresholdsSection?
    public var blockDurationSeconds: Int
    public var escalationLookbackSeconds: Int
    public var maximumBlockDurationSeconds: Int
    public var refreshIntervalSeconds: Int
    public var safeListCacheSeconds: Int
    public var maximumSafeListEntries: Int
    public var maximumTrackedRanges: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
        case suffixDigits = "suffix_digits"
        case windowSeconds = "window_seconds"
        case windowBucketSeconds = "window_bucket_seconds"
        case baselineWindowSeconds = "baseline_window_seconds"
        case baselineBucketSeconds = "baseline_bucket_seconds"
        case baselineMinimumSends = "baseline_minimum_sends"
        case defaultBaseline = "default_baseline"
        case baselineFloor = "baseline_floor"
        case conversionRatio = "conversion_ratio"
        case perAccount = "per_account"
        case global
        case blockDurationSeconds = "block_duration_seconds"
        case escalationLookbackSeconds = "escalation_lookback_seconds"
        case maximumBlockDurationSeconds = "max_block_duration_seconds"
        case refreshIntervalSeconds = "refresh_interval_seconds"
        case safeListCacheSeconds = "safe_list_cache_seconds"
        case maximumSafeListEntries = "max_safe_list_entries"
        case maximumTrackedRanges = "max_tracked_ranges"
    }

    public init() {
        let d = FraudGuardConfiguration()
        func seconds(_ duration: Duration) -> Int { Int(duration.components.seconds) }
        enabled = d.enabled
        suffixDigits = d.suffixDigits
        windowSeconds = seconds(d.window)
        windowBucketSeconds = seconds(d.windowBucket)
        baselineWindowSeconds = seconds(d.baselineWindow)
        baselineBucketSeconds = seconds(d.baselineBucket)
        baselineMinimumSends = d.baselineMinimumSends
        defaultBaseline = d.defaultBaseline
        baselineFloor = d.baselineFloor
        conversionRatio = d.conversionRatio
        perAccount = FraudThresholdsSection(d.perAccount)
        global = d.global.map(FraudThresholdsSection.init)
        blockDurationSeconds = seconds(d.blockDuration)
        escalationLookbackSeconds = seconds(d.escalationLookback)
        maximumBlockDurationSeconds = seconds(d.maximumBlockDuration)
        refreshIntervalSeconds = seconds(d.refreshInterval)
        safeListCacheSeconds = seconds(d.safeListCacheDuration)
        maximumSafeListEntries = d.maximumSafeListEntries
        maximumTrackedRanges = d.maximumTrackedRanges
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FraudGuardSection()
        self = d
        enabled = try c.decode(.enabled, default: d.enabled)
        suffixDigits = try c.decode(.suffixDigits, default: d.suffixDigits)
        windowSeconds = try c.decode(.windowSeconds, default: d.windowSeconds)
        windowBucketSeconds = try c.decode(.windowBucketSeconds, default: d.windowBucketSeconds)
        baselineWindowSeconds = try c.decode(.baselineWindowSeconds, default: d.baselineWindowSeconds)
        baselineBucketSeconds = try c.decode(.baselineBucketSeconds, default: d.baselineBucketSeconds)
        baselineMinimumSends = try c.decode(.baselineMinimumSends, default: d.baselineMinimumSends)
        defaultBaseline = try c.decode(.defaultBaseline, default: d.defaultBaseline)
        baselineFloor = try c.decode(.baselineFloor, default: d.baselineFloor)
        conversionRatio = try c.decode(.conversionRatio, default: d.conversionRatio)
        perAccount = try c.decode(.perAccount, default: d.perAccount)
        if c.contains(.global) {
            global = try c.decodeNil(forKey: .global) ? nil : try c.decode(FraudThresholdsSection.self, forKey: .global)
        }
        blockDurationSeconds = try c.decode(.blockDurationSeconds, default: d.blockDurationSeconds)
        escalationLookbackSeconds = try c.decode(.escalationLookbackSeconds, default: d.escalationLookbackSeconds)
        maximumBlockDurationSeconds = try c.decode(.maximumBlockDurationSeconds, default: d.maximumBlockDurationSeconds)
        refreshIntervalSeconds = try c.decode(.refreshIntervalSeconds, default: d.refreshIntervalSeconds)
        safeListCacheSeconds = try c.decode(.safeListCacheSeconds, default: d.safeListCacheSeconds)
        maximumSafeListEntries = try c.decode(.maximumSafeListEntries, default: d.maximumSafeListEntries)
        maximumTrackedRanges = try c.decode(.maximumTrackedRanges, default: d.maximumTrackedRanges)
    }

    /// The guard's configuration these settings describe.
    public var configuration: FraudGuardConfiguration {
        FraudGuardConfiguration(
            enabled: enabled, suffixDigits: suffixDigits, window: .seconds(windowSeconds), windowBucket: .seconds(windowBucketSeconds),
            baselineWindow: .seconds(baselineWindowSeconds), baselineBucket: .seconds(baselineBucketSeconds), baselineMinimumSends: baselineMinimumSends,
            defaultBaseline: defaultBaseline, baselineFloor: baselineFloor, conversionRatio: conversionRatio, perAccount: perAccount.thresholds,
            global: global?.thresholds, blockDuration: .seconds(blockDurationSeconds), escalationLookback: .seconds(escalationLookbackSeconds),
            maximumBlockDuration: .seconds(maximumBlockDurationSeconds), refreshInterval: .seconds(refreshIntervalSeconds),
            safeListCacheDuration: .seconds(safeListCacheSeconds), maximumSafeListEntries: maximumSafeListEntries,
            maximumTrackedRanges: maximumTrackedRanges)
    }

    func validate() throws {
        func fail(_ message: String) -> ConfigurationError { ConfigurationError("'fraud_guard.\(message)") }
        guard (1...6).contains(suffixDigits) else { throw fail("suffix_digits' must be 1-6") }
        guard (60...86_400).contains(windowSeconds) else { throw fail("window_seconds' must be 60-86400") }
        guard (1...windowSeconds).contains(windowBucketSeconds), windowSeconds % windowBucketSeconds == 0 else {
            throw fail("window_bucket_seconds' must divide window_seconds (\(windowSeconds))")
        }
        guard baselineWindowSeconds > windowSeconds, baselineWindowSeconds <= 30 * 86_400 else {
            throw fail("baseline_window_seconds' must be longer than window_seconds and at most 2592000 (30 days)")
        }
        guard (1...baselineWindowSeconds).contains(baselineBucketSeconds), baselineWindowSeconds % baselineBucketSeconds == 0 else {
            throw fail("baseline_bucket_seconds' must divide baseline_window_seconds (\(baselineWindowSeconds))")
        }
        guard (1...1_000_000).contains(baselineMinimumSends) else { throw fail("baseline_minimum_sends' must be 1-1000000") }
        guard (0...1).contains(defaultBaseline), (0...1).contains(baselineFloor), baselineFloor <= defaultBaseline else {
            throw fail("default_baseline' and 'baseline_floor' must lie within 0-1, the floor not above the default")
        }
        guard conversionRatio > 0, conversionRatio <= 1 else { throw fail("conversion_ratio' must be above 0 and at most 1") }
        try perAccount.validate("fraud_guard.per_account")
        try global?.validate("fraud_guard.global")
        guard (60...30 * 86_400).contains(blockDurationSeconds) else { throw fail("block_duration_seconds' must be 60-2592000") }
        guard (blockDurationSeconds...365 * 86_400).contains(maximumBlockDurationSeconds) else {
            throw fail("max_block_duration_seconds' must be at least block_duration_seconds and at most 31536000 (a year)")
        }
        guard (0...365 * 86_400).contains(escalationLookbackSeconds) else { throw fail("escalation_lookback_seconds' must be 0-31536000") }
        guard (1...3600).contains(refreshIntervalSeconds) else { throw fail("refresh_interval_seconds' must be 1-3600") }
        guard (0...3600).contains(safeListCacheSeconds) else { throw fail("safe_list_cache_seconds' must be 0-3600") }
        guard (1...100_000).contains(maximumSafeListEntries) else { throw fail("max_safe_list_entries' must be 1-100000") }
        guard (1000...10_000_000).contains(maximumTrackedRanges) else { throw fail("max_tracked_ranges' must be 1000-10000000") }
    }
}
