/// How ``SQLiteHeraldStore`` opens and tunes its database file.
///
/// The defaults favour durability: with `synchronous = FULL` every committed transaction is on disk before
/// the store returns, so an HTTP 202 is only answered for a message that survives a power cut.
///
/// ```swift
/// var configuration = SQLiteStoreConfiguration()
/// configuration.synchronous = .normal   // faster; the last commits may be lost on power failure
/// let store = try SQLiteHeraldStore(path: "herald-data/herald.sqlite", configuration: configuration)
/// ```
public struct SQLiteStoreConfiguration: Sendable, Equatable {
    /// SQLite's `PRAGMA synchronous` for the writer connection (the database always runs in WAL mode).
    public enum Synchronous: String, Sendable, Equatable, CaseIterable {
        /// The WAL is synced on every commit: a committed transaction survives a crash or power loss.
        case full = "FULL"
        /// The WAL is synced at checkpoints only: a crash of the process loses nothing, a power loss may
        /// lose the most recent commits. Several times faster on slow disks.
        case normal = "NORMAL"
    }

    /// Durability of commits. Default: ``Synchronous/full``.
    public var synchronous: Synchronous
    /// How long a connection waits for another process's lock before failing with `storage_busy`.
    public var busyTimeout: Duration
    /// Most concurrent read-only connections (reads never block the writer in WAL mode).
    public var maximumReaderCount: Int
    /// Page cache per connection, in KiB.
    public var cacheSizeKiB: Int
    /// WAL size, in pages, at which SQLite checkpoints automatically (`PRAGMA wal_autocheckpoint`).
    public var walAutocheckpointPages: Int
    /// Most concurrent message insertions committed together in one transaction (group commit: one sync for
    /// all of them, each still atomic on its own and acknowledged only after the commit). 1 turns it off.
    public var maximumGroupCommit: Int

    public init(
        synchronous: Synchronous = .full, busyTimeout: Duration = .seconds(5), maximumReaderCount: Int = 4,
        cacheSizeKiB: Int = 16_384, walAutocheckpointPages: Int = 1000, maximumGroupCommit: Int = 256
    ) {
        self.synchronous = synchronous
        self.busyTimeout = busyTimeout
        self.maximumReaderCount = maximumReaderCount
        self.cacheSizeKiB = cacheSizeKiB
        self.walAutocheckpointPages = walAutocheckpointPages
        self.maximumGroupCommit = maximumGroupCommit
    }
}
