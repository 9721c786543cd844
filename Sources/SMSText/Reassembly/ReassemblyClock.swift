/// The monotonic time source of a ``Reassembler``; inject a manual clock in tests to drive timeouts.
///
/// ```swift
/// struct FixedClock: ReassemblyClock {
///     let instant: ContinuousClock.Instant
///     func now() -> ContinuousClock.Instant { instant }
/// }
/// ```
public protocol ReassemblyClock: Sendable {
    /// The current instant.
    func now() -> ContinuousClock.Instant
}

/// The real monotonic clock (`ContinuousClock`).
public struct SystemReassemblyClock: ReassemblyClock {
    public init() {}

    public func now() -> ContinuousClock.Instant { ContinuousClock.now }
}
