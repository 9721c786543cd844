/// The knobs of the SMS-pumping heuristics. docs/fraud-guard.md explains each default.
public struct FraudGuardConfiguration: Sendable, Equatable {
    /// When a burst counts as suspicious in one range: thresholds for one account's traffic, or for the
    /// traffic of every account together.
    public struct Thresholds: Sendable, Equatable {
        /// Sends to the range within ``FraudGuardConfiguration/window`` before the rule looks at conversion.
        public var minimumSends: Int
        /// Distinct numbers of the range among those sends (adjacent numbers: same range).
        public var minimumDistinctNumbers: Int

        public init(minimumSends: Int, minimumDistinctNumbers: Int) {
            self.minimumSends = minimumSends
            self.minimumDistinctNumbers = minimumDistinctNumbers
        }
    }

    /// Off switch (tracking and blocking); stored blocks are still enforced.
    public var enabled: Bool
    /// Digits dropped from the end of a number to form its range (3 → ranges of 1 000 numbers).
    public var suffixDigits: Int
    /// The sliding window bursts and their conversion are measured over.
    public var window: Duration
    /// Resolution of ``window``.
    public var windowBucket: Duration
    /// The long window a range's (and an account's) normal conversion is learned over.
    public var baselineWindow: Duration
    public var baselineBucket: Duration
    /// Sends a range (or account) needs in ``baselineWindow``, outside ``window``, before its own
    /// conversion is trusted as the baseline.
    public var baselineMinimumSends: Int
    /// Baseline used when neither the range nor the account has enough history.
    public var defaultBaseline: Double
    /// Lowest baseline used: a range pumped slowly for a day cannot drag its baseline to zero.
    public var baselineFloor: Double
    /// Block when the window's conversion is below `baseline × conversionRatio`.
    public var conversionRatio: Double
    /// Thresholds for one account's traffic to a range (an account-scoped block).
    public var perAccount: Thresholds
    /// Thresholds for every account's traffic to a range together (a block for all accounts); `nil` disables.
    public var global: Thresholds?
    /// Length of a first block.
    public var blockDuration: Duration
    /// Each earlier block of the same range and scope within ``escalationLookback`` doubles the length…
    public var escalationLookback: Duration
    /// …up to this.
    public var maximumBlockDuration: Duration
    /// How often stored blocks are re-read (to see blocks made by other nodes and lifted ones).
    public var refreshInterval: Duration
    /// How long an account's safe list is cached.
    public var safeListCacheDuration: Duration
    /// Most entries on one account's safe list.
    public var maximumSafeListEntries: Int
    /// Most ranges tracked in memory; the least recently seen are forgotten beyond this.
    public var maximumTrackedRanges: Int

    public init(
        enabled: Bool = true, suffixDigits: Int = 3, window: Duration = .seconds(1800), windowBucket: Duration = .seconds(60),
        baselineWindow: Duration = .seconds(86_400), baselineBucket: Duration = .seconds(3600), baselineMinimumSends: Int = 50,
        defaultBaseline: Double = 0.6, baselineFloor: Double = 0.3, conversionRatio: Double = 0.25,
        perAccount: Thresholds = Thresholds(minimumSends: 20, minimumDistinctNumbers: 10),
        global: Thresholds? = Thresholds(minimumSends: 60, minimumDistinctNumbers: 30),
        blockDuration: Duration = .seconds(12 * 3600), escalationLookback: Duration = .seconds(30 * 86_400),
        maximumBlockDuration: Duration = .seconds(7 * 86_400), refreshInterval: Duration = .seconds(30),
        safeListCacheDuration: Duration = .seconds(30), maximumSafeListEntries: Int = 1000, maximumTrackedRanges: Int = 200_000
    ) {
        self.enabled = enabled
        self.suffixDigits = suffixDigits
        self.window = window
        self.windowBucket = windowBucket
        self.baselineWindow = baselineWindow
        self.baselineBucket = baselineBucket
        self.baselineMinimumSends = baselineMinimumSends
        self.defaultBaseline = defaultBaseline
        self.baselineFloor = baselineFloor
        self.conversionRatio = conversionRatio
        self.perAccount = perAccount
        self.global = global
        self.blockDuration = blockDuration
        self.escalationLookback = escalationLookback
        self.maximumBlockDuration = maximumBlockDuration
        self.refreshInterval = refreshInterval
        self.safeListCacheDuration = safeListCacheDuration
        self.maximumSafeListEntries = maximumSafeListEntries
        self.maximumTrackedRanges = maximumTrackedRanges
    }

    /// The block length for a block of `level` (1 = first): doubled per level, capped.
    public func blockLength(level: Int) -> Duration {
        var length = blockDuration
        for _ in 1..<max(1, level) {
            length = length * 2
            if length >= maximumBlockDuration { return maximumBlockDuration }
        }
        return min(length, maximumBlockDuration)
    }
}
