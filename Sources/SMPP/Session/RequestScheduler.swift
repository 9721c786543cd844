import DequeModule
import NIOCore

/// The outbound side of a session, as a pure value: queued requests, the sliding window of
/// requests awaiting responses, sequence numbers, the TPS token bucket and the throttle pause.
///
/// Generic over `Context` (what completes a request: a continuation in production, a plain
/// value in tests). Time is passed in, never read.
///
/// Ordering: requests are sent in enqueue order. A request answered with a throttling status is
/// put back in front of every request that was enqueued after it, and the whole bind pauses.
struct RequestScheduler<Context> {
    struct Configuration: Sendable {
        var windowSize: Int
        var responseTimeout: TimeAmount
        var throttle: ThrottlePolicy
        /// Requests per second, nil for unlimited.
        var maxTPS: Double?
    }

    struct Entry {
        let id: UInt64
        var body: PDU.Body
        var context: Context
        var retries: Int = 0
    }

    struct InFlight {
        var entry: Entry
        var deadline: NIODeadline
        /// Control requests (bind, unbind, enquire_link) bypass the window and the token bucket.
        var isControl: Bool
    }

    enum Next {
        /// Send `entry.body` with this sequence number now.
        case send(sequenceNumber: UInt32, entry: Entry)
        /// Something is queued but must wait (token bucket or throttle pause) until this time.
        case wait(until: NIODeadline)
        /// Nothing can be sent (queue empty or window full).
        case idle
    }

    enum ResponseOutcome {
        /// Complete the request with the response.
        case complete(Entry)
        /// Throttled: the request was re-queued; the bind pauses for `pause`.
        case retry(pause: TimeAmount)
        /// No request with that sequence number is outstanding (late or unsolicited response).
        case unknown
    }

    let configuration: Configuration
    private var pending: Deque<Entry> = []
    private var inFlight: [UInt32: InFlight] = [:]
    private var windowCount = 0
    private var sequence: SequenceNumberGenerator
    private var bucket: TokenBucket?
    private var throttle: ThrottleBackoff
    private(set) var pausedUntil: NIODeadline?

    init(configuration: Configuration, firstSequenceNumber: UInt32 = 1) {
        self.configuration = configuration
        self.sequence = SequenceNumberGenerator(start: firstSequenceNumber)
        self.bucket = configuration.maxTPS.map { TokenBucket(rate: $0) }
        self.throttle = ThrottleBackoff(policy: configuration.throttle)
    }

    var pendingCount: Int { pending.count }
    /// Outstanding window requests (control requests excluded).
    var inFlightCount: Int { windowCount }
    var isEmpty: Bool { pending.isEmpty && inFlight.isEmpty }

    /// Queues a request behind everything already queued.
    mutating func enqueue(_ entry: Entry) {
        pending.append(entry)
    }

    /// The next request to send, if the window, the token bucket and the throttle pause allow.
    mutating func next(now: NIODeadline) -> Next {
        guard !pending.isEmpty else { return .idle }
        if let pausedUntil {
            if now < pausedUntil { return .wait(until: pausedUntil) }
            self.pausedUntil = nil
        }
        guard windowCount < configuration.windowSize else { return .idle }
        if bucket != nil, let wait = bucket!.take(now: now) {
            return .wait(until: now + wait)
        }
        let entry = pending.removeFirst()
        let number = allocateSequenceNumber()
        inFlight[number] = InFlight(entry: entry, deadline: now + configuration.responseTimeout, isControl: false)
        windowCount += 1
        return .send(sequenceNumber: number, entry: entry)
    }

    /// Registers a control request sent immediately outside the window; returns its sequence number.
    mutating func sendControl(_ entry: Entry, now: NIODeadline, timeout: TimeAmount? = nil) -> UInt32 {
        let number = allocateSequenceNumber()
        inFlight[number] = InFlight(entry: entry, deadline: now + (timeout ?? configuration.responseTimeout), isControl: true)
        return number
    }

    /// The next free sequence number (also used for requests without a response, e.g. alert_notification).
    mutating func allocateSequenceNumber() -> UInt32 {
        var number = sequence.next()
        // After a wraparound, skip numbers still outstanding.
        while inFlight[number] != nil { number = sequence.next() }
        return number
    }

    /// A response arrived for `sequenceNumber` with `status`.
    mutating func responseReceived(sequenceNumber: UInt32, status: CommandStatus, now: NIODeadline) -> ResponseOutcome {
        guard let flight = inFlight.removeValue(forKey: sequenceNumber) else { return .unknown }
        if !flight.isControl { windowCount -= 1 }
        if status.isThrottling, !flight.isControl, flight.entry.retries < configuration.throttle.maxRetries {
            var entry = flight.entry
            entry.retries += 1
            requeueInOrder(entry)
            let pause = throttle.throttled(now: now)
            let until = now + pause
            if pausedUntil.map({ until > $0 }) ?? true { pausedUntil = until }
            return .retry(pause: pause)
        }
        if status.isThrottling {
            _ = throttle.throttled(now: now)
        } else {
            throttle.succeeded(now: now)
        }
        return .complete(flight.entry)
    }

    /// Removes and returns requests whose response deadline has passed.
    mutating func expire(now: NIODeadline) -> [(sequenceNumber: UInt32, entry: Entry, isControl: Bool)] {
        var expired: [(UInt32, Entry, Bool)] = []
        for (number, flight) in inFlight where flight.deadline <= now {
            expired.append((number, flight.entry, flight.isControl))
        }
        for (number, _, isControl) in expired {
            inFlight.removeValue(forKey: number)
            if !isControl { windowCount -= 1 }
        }
        return expired.sorted { $0.1.id < $1.1.id }.map { (sequenceNumber: $0.0, entry: $0.1, isControl: $0.2) }
    }

    /// Removes a queued (not yet sent) request; nil if it was sent already or is unknown.
    mutating func cancel(id: UInt64) -> Entry? {
        guard let index = pending.firstIndex(where: { $0.id == id }) else { return nil }
        return pending.remove(at: index)
    }

    /// Removes everything: requests never sent, and requests sent but unanswered.
    mutating func removeAll() -> (unsent: [Entry], inFlight: [Entry]) {
        let unsent = Array(pending)
        let sent = inFlight.values.map(\.entry).sorted { $0.id < $1.id }
        pending.removeAll()
        inFlight.removeAll()
        windowCount = 0
        return (unsent, sent)
    }

    /// Removes only the queued requests (used when the session stops accepting new work).
    mutating func removeUnsent() -> [Entry] {
        let unsent = Array(pending)
        pending.removeAll()
        return unsent
    }

    private mutating func requeueInOrder(_ entry: Entry) {
        // Entries are enqueued with increasing ids; keep the queue sorted by id.
        var index = 0
        while index < pending.count, pending[index].id < entry.id { index += 1 }
        pending.insert(entry, at: index)
    }
}
