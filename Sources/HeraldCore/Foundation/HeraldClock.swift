import Foundation
import Synchronization

/// The source of "now" for the domain core, injected so tests can control time.
public protocol HeraldClock: Sendable {
    func now() -> Timestamp
}

/// The wall clock.
public struct SystemClock: HeraldClock {
    public init() {}
    public func now() -> Timestamp { Timestamp(Date()) }
}

/// A clock that only moves when told to; for tests of expiry, rate limits and lifetimes.
///
/// ```swift
/// let clock = ManualClock(start: Timestamp(millisecondsSince1970: 0))
/// clock.advance(by: .seconds(601))
/// ```
public final class ManualClock: HeraldClock {
    private let current: Mutex<Timestamp>

    public init(start: Timestamp = Timestamp(millisecondsSince1970: 1_767_225_600_000)) {
        current = Mutex(start)
    }

    public func now() -> Timestamp { current.withLock { $0 } }

    public func advance(by duration: Duration) {
        current.withLock { $0 = $0.adding(duration) }
    }

    public func set(_ timestamp: Timestamp) {
        current.withLock { $0 = timestamp }
    }
}
