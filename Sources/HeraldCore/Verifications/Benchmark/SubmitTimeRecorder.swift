import Synchronization

/// A ``CarrierGateway`` decorator that notes, per message, when the dispatcher called `submit` (the moment
/// submit_sm goes out) and when the carrier accepted it (submit_sm_resp), in monotonic time. Used by load
/// measurements: wrap the real gateway (the SMPP links to the simulator) or a fake.
///
/// ```swift
/// let recorder = SubmitTimeRecorder(wrapping: gateway)
/// let dispatcher = Dispatcher(dependencies: .init(store: store, gateway: recorder, …), nodeID: "bench", logger: logger)
/// ```
public final class SubmitTimeRecorder: CarrierGateway {
    /// When one message went to the carrier.
    public struct Times: Sendable {
        public var submitted: ContinuousClock.Instant
        public var accepted: ContinuousClock.Instant?
    }

    private let base: any CarrierGateway
    private let times = Mutex([MessageID: Times]())

    public init(wrapping base: any CarrierGateway) {
        self.base = base
    }

    public func submit(_ message: OutboundMessage, via linkID: String) async -> SubmitResult {
        let started = ContinuousClock.now
        times.withLock { times in
            if times[message.messageID] == nil { times[message.messageID] = Times(submitted: started, accepted: nil) }
        }
        let result = await base.submit(message, via: linkID)
        if case .accepted = result {
            let now = ContinuousClock.now
            times.withLock { $0[message.messageID]?.accepted = now }
        }
        return result
    }

    public func linkStatuses() -> [String: LinkStatus] { base.linkStatuses() }

    public func events() -> AsyncStream<CarrierEvent> { base.events() }

    /// The times of `id`, once the dispatcher submitted it.
    public func times(of id: MessageID) -> Times? { times.withLock { $0[id] } }

    /// How many of `ids` have been accepted by the carrier.
    public func acceptedCount(of ids: some Sequence<MessageID>) -> Int {
        times.withLock { times in ids.reduce(0) { $0 + (times[$1]?.accepted != nil ? 1 : 0) } }
    }

    /// Forgets everything recorded (between runs).
    public func reset() { times.withLock { $0.removeAll() } }
}
