/// The pumping rule, as a pure function of the counts (see docs/fraud-guard.md).
///
/// A range is blocked when, within the short window, it received a burst — at least `minimumSends` sends
/// to at least `minimumDistinctNumbers` different numbers of the range — and the share of those sends
/// whose verification was approved is below `baseline × conversionRatio`.
///
/// The baseline is the range's own conversion over the long window (minus the short window), when it has
/// enough history; else the account's conversion over the long window; else ``FraudGuardConfiguration/defaultBaseline``.
/// It is never below ``FraudGuardConfiguration/baselineFloor``.
enum FraudHeuristics {
    struct Input: Sendable {
        var window: SlidingWindow.Totals
        /// The range's long-window totals minus the short window (its history before the burst).
        var rangeHistory: SlidingWindow.Totals
        /// The account's long-window totals (nil for the all-accounts scope).
        var accountHistory: SlidingWindow.Totals?
    }

    /// The evidence for a block, or `nil` when the traffic looks normal.
    static func evaluate(_ input: Input, thresholds: FraudGuardConfiguration.Thresholds, configuration: FraudGuardConfiguration) -> FraudEvidence? {
        let window = input.window
        guard window.sends >= thresholds.minimumSends, window.distinctNumbers >= thresholds.minimumDistinctNumbers else { return nil }
        let (baseline, source) = baseline(input, configuration: configuration)
        let conversion = Double(window.approvals) / Double(window.sends)
        guard conversion < baseline * configuration.conversionRatio else { return nil }
        return FraudEvidence(
            sends: window.sends, approvals: window.approvals, distinctNumbers: window.distinctNumbers, conversion: conversion,
            baseline: baseline, baselineSource: source)
    }

    static func baseline(_ input: Input, configuration: FraudGuardConfiguration) -> (Double, String) {
        let measured: (Double, String)
        if input.rangeHistory.sends >= configuration.baselineMinimumSends {
            measured = (Double(input.rangeHistory.approvals) / Double(input.rangeHistory.sends), "prefix")
        } else if let account = input.accountHistory, account.sends >= configuration.baselineMinimumSends {
            measured = (Double(account.approvals) / Double(account.sends), "account")
        } else {
            measured = (configuration.defaultBaseline, "default")
        }
        return (max(measured.0, configuration.baselineFloor), measured.1)
    }
}
