import Synchronization

/// Holds message bodies that must never reach storage (verification codes) in this node's memory until
/// they are submitted, then forgets them. Entries also expire on their own.
public final class EphemeralBodyVault: Sendable {
    private struct Entry {
        var body: String
        var expiresAt: Timestamp
    }

    private let entries = Mutex([MessageID: Entry]())
    private let clock: any HeraldClock

    public init(clock: any HeraldClock) {
        self.clock = clock
    }

    public func put(_ body: String, for id: MessageID, until expiresAt: Timestamp) {
        entries.withLock { $0[id] = Entry(body: body, expiresAt: expiresAt) }
    }

    public func body(for id: MessageID) -> String? {
        let now = clock.now()
        return entries.withLock { entries in
            guard let entry = entries[id] else { return nil }
            guard entry.expiresAt > now else {
                entries[id] = nil
                return nil
            }
            return entry.body
        }
    }

    public func remove(_ id: MessageID) {
        entries.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// Drops expired entries; returns how many remain.
    @discardableResult
    public func purgeExpired() -> Int {
        let now = clock.now()
        return entries.withLock { entries in
            entries = entries.filter { $0.value.expiresAt > now }
            return entries.count
        }
    }
}
