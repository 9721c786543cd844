/// Joins incoming multipart messages (UDH 8/16-bit or SAR) from their decoded parts.
///
/// Parts are keyed by (source, destination, reference, total), may arrive in any order, and duplicates are
/// ignored. Incomplete messages expire ``ReassemblerConfiguration/timeout`` after their latest part, and memory
/// is bounded (see ``ReassemblerConfiguration``). Time comes from an injected ``ReassemblyClock``.
///
/// `Reassembler` is a value type without locks: keep it inside one actor or event loop.
///
/// ```swift
/// var reassembler = Reassembler(configuration: .init(timeout: .seconds(120)))
/// let part = try decoder.decode(userData: sm, dataCoding: dc, esmClass: esm, sar: sar)
/// let outcome = reassembler.receive(part, source: from, destination: to)
/// if let message = outcome.completed { deliver(message.text ?? "") }
/// for lost in outcome.dropped { log(lost.reason, lost.missingSequences) }
/// // and periodically:
/// for lost in reassembler.expireStale() { log(lost.reason) }
/// ```
public struct Reassembler: Sendable {
    /// The limits applied.
    public let configuration: ReassemblerConfiguration
    private let clock: any ReassemblyClock
    private var pending: [ReassemblyKey: PendingMessage] = [:]
    private var bufferedBytes = 0
    /// No pending message expires before this instant (a lower bound; `nil` when nothing is pending).
    private var earliestDeadline: ContinuousClock.Instant?

    private struct PendingMessage: Sendable {
        var parts: [Int: DecodedShortMessage]
        var bytes: Int
        let firstReceived: ContinuousClock.Instant
        var lastReceived: ContinuousClock.Instant

        func orderedParts() -> [DecodedShortMessage] {
            parts.keys.sorted().compactMap { parts[$0] }
        }
    }

    public init(
        configuration: ReassemblerConfiguration = ReassemblerConfiguration(),
        clock: any ReassemblyClock = SystemReassemblyClock()
    ) {
        self.configuration = configuration
        self.clock = clock
    }

    /// The number of incomplete messages held.
    public var pendingCount: Int { pending.count }

    /// The user-data octets buffered for incomplete messages.
    public var pendingByteCount: Int { bufferedBytes }

    /// Adds a decoded part. Parts without a concatenation position (or with a total of 1) complete at once.
    public mutating func receive(_ part: DecodedShortMessage, source: String, destination: String) -> ReassemblyOutcome {
        let now = clock.now()
        var dropped = expire(now: now)
        guard let info = part.concatenation, info.isValid, info.total > 1 else {
            let message = ReassembledMessage(key: nil, content: part.content, parts: [part])
            return ReassemblyOutcome(status: .completed(message), dropped: dropped)
        }
        let key = ReassemblyKey(source: source, destination: destination, reference: info.reference, total: info.total)
        let size = max(1, part.units.count)

        if var entry = pending[key] {
            if entry.parts[info.sequence] != nil {
                return ReassemblyOutcome(status: .duplicate(key: key, sequence: info.sequence), dropped: dropped)
            }
            entry.parts[info.sequence] = part
            entry.bytes += size
            entry.lastReceived = now
            bufferedBytes += size
            if entry.parts.count == info.total {
                pending[key] = nil
                bufferedBytes -= entry.bytes
                let parts = entry.orderedParts()
                let message = ReassembledMessage(key: key, content: ReassembledMessage.join(parts), parts: parts)
                return ReassemblyOutcome(status: .completed(message), dropped: dropped)
            }
            pending[key] = entry
            dropped += evictIfNeeded(incomingKey: key, incomingBytes: 0)
            return ReassemblyOutcome(
                status: .pending(key: key, received: entry.parts.count, total: info.total), dropped: dropped)
        }

        dropped += evictIfNeeded(incomingKey: key, incomingBytes: size)
        pending[key] = PendingMessage(parts: [info.sequence: part], bytes: size, firstReceived: now, lastReceived: now)
        bufferedBytes += size
        let deadline = now.advanced(by: configuration.timeout)
        if earliestDeadline.map({ deadline < $0 }) ?? true { earliestDeadline = deadline }
        return ReassemblyOutcome(status: .pending(key: key, received: 1, total: info.total), dropped: dropped)
    }

    /// Removes and returns the incomplete messages whose latest part is older than the timeout.
    public mutating func expireStale() -> [IncompleteMessage] {
        expire(now: clock.now())
    }

    /// Removes and returns every incomplete message (for shutdown).
    public mutating func removeAll() -> [IncompleteMessage] {
        let all = pending.map { incomplete($0.key, $0.value, reason: .flushed) }
        pending.removeAll()
        bufferedBytes = 0
        earliestDeadline = nil
        return all.sorted { $0.firstReceived < $1.firstReceived }
    }

    private mutating func expire(now: ContinuousClock.Instant) -> [IncompleteMessage] {
        guard let earliest = earliestDeadline, earliest <= now else { return [] }
        var expired: [IncompleteMessage] = []
        var nextDeadline: ContinuousClock.Instant?
        for (key, entry) in pending {
            let deadline = entry.lastReceived.advanced(by: configuration.timeout)
            if deadline <= now {
                expired.append(incomplete(key, entry, reason: .expired))
            } else if nextDeadline.map({ deadline < $0 }) ?? true {
                nextDeadline = deadline
            }
        }
        for message in expired {
            if let entry = pending.removeValue(forKey: message.key) { bufferedBytes -= entry.bytes }
        }
        earliestDeadline = nextDeadline
        return expired.sorted { $0.lastReceived < $1.lastReceived }
    }

    /// Evicts the least recently active messages (never `incomingKey`) until a new part of `incomingBytes`
    /// fits the limits.
    private mutating func evictIfNeeded(incomingKey: ReassemblyKey, incomingBytes: Int) -> [IncompleteMessage] {
        let isNewMessage = pending[incomingKey] == nil
        var evicted: [IncompleteMessage] = []
        while true {
            let tooMany = isNewMessage && pending.count >= configuration.maxPendingMessages
            let tooLarge = bufferedBytes + incomingBytes > configuration.maxPendingBytes
            guard tooMany || tooLarge else { break }
            var victim: (key: ReassemblyKey, entry: PendingMessage)?
            for (key, entry) in pending where key != incomingKey {
                if victim.map({ entry.lastReceived < $0.entry.lastReceived }) ?? true { victim = (key, entry) }
            }
            guard let victim else { break }
            pending[victim.key] = nil
            bufferedBytes -= victim.entry.bytes
            evicted.append(incomplete(victim.key, victim.entry, reason: .evicted))
        }
        if pending.isEmpty && isNewMessage { earliestDeadline = nil }
        return evicted
    }

    private func incomplete(_ key: ReassemblyKey, _ entry: PendingMessage, reason: IncompleteMessage.Reason) -> IncompleteMessage {
        IncompleteMessage(
            key: key, reason: reason, parts: entry.orderedParts(), firstReceived: entry.firstReceived,
            lastReceived: entry.lastReceived)
    }
}
