import SMSText
import Synchronization

/// A clock that only moves when a test advances it.
final class ManualClock: ReassemblyClock, Sendable {
    private let origin = ContinuousClock.now
    private let offset = Mutex<Duration>(.zero)

    func now() -> ContinuousClock.Instant { origin.advanced(by: offset.withLock { $0 }) }

    func advance(by duration: Duration) { offset.withLock { $0 += duration } }
}
