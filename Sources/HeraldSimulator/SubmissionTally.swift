import Synchronization

/// Submissions counted per destination, for finding messages a carrier received more than once (the
/// at-least-once window of a gateway node that died mid-submission). Attach it to a simulator with
/// ``CarrierSimulator/observe(_:)``; it keeps one entry per destination, so size it to the test or
/// benchmark, not to an open-ended load.
///
/// ```swift
/// let tally = SubmissionTally()
/// simulator.observe { tally.record($0) }
/// let twice = tally.counts().filter { $0.value.accepted > 1 }
/// ```
public final class SubmissionTally: Sendable {
    /// What one destination received.
    public struct Counts: Sendable, Hashable, Codable {
        /// Parts accepted with a message id.
        public var accepted: Int
        /// Parts refused (error status, throttling, no response, disconnect).
        public var refused: Int

        public init(accepted: Int = 0, refused: Int = 0) {
            self.accepted = accepted
            self.refused = refused
        }
    }

    private let byDestination = Mutex<[String: Counts]>([:])

    public init() {}

    /// Counts one submission under its destination (digits, as the simulator records it).
    public func record(_ submission: SimulatedSubmission) {
        byDestination.withLock { counts in
            if submission.messageID != nil {
                counts[submission.destination, default: Counts()].accepted += 1
            } else {
                counts[submission.destination, default: Counts()].refused += 1
            }
        }
    }

    /// Every destination seen so far with its counts.
    public func counts() -> [String: Counts] { byDestination.withLock { $0 } }

    /// Destinations that were accepted more than once, with how often.
    public func acceptedMoreThanOnce() -> [String: Int] {
        byDestination.withLock { counts in
            counts.compactMapValues { $0.accepted > 1 ? $0.accepted : nil }
        }
    }

    /// Forgets everything counted so far (between benchmark rounds).
    public func reset() { byDestination.withLock { $0.removeAll() } }
}
