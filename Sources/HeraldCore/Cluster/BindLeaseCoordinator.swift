import Logging
import ServiceLifecycle
import Synchronization

/// Owns this node's share of the carrier binds through leases in the shared store, so the binds of a link
/// across every node never exceed its configured count, and a dead node's binds move to live nodes within
/// about the lease TTL.
///
/// Every ``BindLeaseSettings/renewInterval`` a round records this node's heartbeat, reads the live leases,
/// lets ``BindLeasePlanner`` decide the node's share (about `binds / live nodes` of each link), closes and
/// releases binds beyond it, acquires or renews the rest and opens exactly the binds it holds leases for. A bind is opened only after its lease was
/// granted, and every bind is closed when a round fails or a renewal lapses (a store call that hangs past
/// the lease is caught by a watchdog), so the node never keeps a bind another node may have taken over.
/// On graceful shutdown it closes its binds, then gives its leases up so other nodes take them at once.
///
/// With SQLite (one node) the same code path runs: the node is alone, so it holds every slot; and since no
/// other node can take a slot (``BindLeaseStore/isSharedByNodes`` is false), a failed or late renewal
/// leaves its binds open rather than closing them.
///
/// ```swift
/// let coordinator = BindLeaseCoordinator(store: store, binds: gateway, nodeID: "node-a", settings: BindLeaseSettings(), clock: SystemClock(), logger: logger)
/// // run it in the service group after the gateway, so it stops (and closes its binds) before the gateway does
/// ```
public final class BindLeaseCoordinator: Service {
    private struct State {
        var held: Set<BindSlot> = []
        /// When the held leases expire unless renewed.
        var validUntil: Timestamp?
        var liveNodes = 1
        /// The last round failed (failures are logged once until a round succeeds again).
        var failing = false
    }

    private let store: any BindLeaseStore
    private let binds: any CarrierBindControl
    private let nodeID: String
    private let settings: BindLeaseSettings
    private let clock: any HeraldClock
    private let logger: Logger
    private let state = Mutex(State())

    public init(
        store: any BindLeaseStore, binds: any CarrierBindControl, nodeID: String, settings: BindLeaseSettings, clock: any HeraldClock, logger: Logger
    ) {
        self.store = store
        self.binds = binds
        self.nodeID = nodeID
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// The slots this node holds leases for (and so may keep open).
    public var heldSlots: Set<BindSlot> { state.withLock { $0.held } }

    /// Nodes alive at the last successful round, this one included.
    public var liveNodes: Int { state.withLock { $0.liveNodes } }

    // MARK: Rounds

    /// One renewal round (see the type's description). Never throws: a failure closes every bind of this
    /// node and is logged; the next round starts over.
    public func round() async {
        do {
            try await renew()
            if state.withLock({ state in defer { state.failing = false }; return state.failing }) {
                logger.notice("renewing bind leases works again", metadata: ["node": "\(nodeID)"])
            }
        } catch {
            let first = state.withLock { state in defer { state.failing = true }; return !state.failing }
            let shared = store.isSharedByNodes
            if first {
                logger.error(
                    shared ? "renewing bind leases failed; closing this node's binds until a renewal succeeds"
                        : "renewing bind leases failed; this node is alone, so its binds stay open", metadata: [
                        "node": "\(nodeID)", "error": "\(error)",
                    ])
            } else {
                logger.debug("renewing bind leases failed again", metadata: ["node": "\(nodeID)", "error": "\(error)"])
            }
            if shared { await closeAll() }
        }
    }

    /// Closes every bind when the held leases lapsed (or will within one renew interval) without a renewal:
    /// the watchdog for a round stuck in a store call.
    public func enforceExpiry() async {
        guard store.isSharedByNodes else { return }
        let now = clock.now()
        let lapsed = state.withLock { state -> Bool in
            guard let validUntil = state.validUntil, !state.held.isEmpty else { return false }
            return now >= validUntil.adding(.zero - settings.renewInterval)
        }
        guard lapsed else { return }
        logger.error("bind leases were not renewed in time; closing this node's binds", metadata: ["node": "\(nodeID)"])
        await closeAll()
    }

    /// Closes every bind of this node, then gives up its leases and heartbeat (graceful stop). The release
    /// runs in a task of its own, so it happens also when the service was cancelled rather than stopped.
    public func retire() async {
        await closeAll()
        let store = self.store
        let nodeID = self.nodeID
        do {
            try await Task { try await store.retireNode(nodeID) }.value
        } catch {
            logger.warning("giving up bind leases failed; other nodes take them when they expire", metadata: ["node": "\(nodeID)", "error": "\(error)"])
        }
    }

    private func renew() async throws {
        let now = clock.now()
        let expiresAt = now.adding(settings.ttl)
        let live = try await store.recordNodeHeartbeat(node: nodeID, at: now, expiresAt: expiresAt)
        let leases = try await store.bindLeases(at: now)
        let counts = binds.configuredBindCounts()
        let plan = BindLeasePlanner.plan(bindCounts: counts, liveNodes: live, leases: leases, owner: nodeID)

        // Renew first, the slots to give up included: closing a bind drains its outstanding submissions, which
        // must not delay the renewal of the others, and a slot being given up stays leased until its bind is
        // closed. Only then are those leases released, so a slot is free for others once its bind is gone.
        let requested = plan.request + plan.release
        let renewed = requested.isEmpty ? [] : try await store.acquireBindLeases(requested, owner: nodeID, at: now, expiresAt: expiresAt)
        guard !store.isSharedByNodes || clock.now() < expiresAt.adding(.zero - settings.renewInterval) else {
            throw HeraldError(.unavailable, code: "bind_lease_lapsed", "the bind lease round took longer than the lease TTL allows")
        }
        let granted = renewed.intersection(plan.request)
        let previous = state.withLock { state -> Set<BindSlot> in
            defer {
                state.held = renewed
                state.validUntil = expiresAt
                state.liveNodes = max(1, live.count)
            }
            return state.held
        }
        for linkID in counts.keys.sorted() {
            let wanted = Set(granted.filter { $0.linkID == linkID }.map(\.index))
            if binds.openBinds(of: linkID) != wanted { await binds.setOpenBinds(wanted, of: linkID) }
        }
        if !plan.release.isEmpty {
            try await store.releaseBindLeases(plan.release, owner: nodeID)
            state.withLock { $0.held.subtract(plan.release) }
        }
        if previous != granted {
            logger.notice("bind leases changed", metadata: [
                "node": "\(nodeID)", "live_nodes": "\(live.count)", "held": "\(granted.sorted().map(\.description).joined(separator: ", "))",
                "gained": "\(granted.subtracting(previous).count)", "lost": "\(previous.subtracting(granted).count)",
            ])
            let without = counts.filter { linkID, binds in binds > 0 && !granted.contains { $0.linkID == linkID } }.keys.sorted()
            if !without.isEmpty {
                // Verification codes are sent only by the node that accepted them (their bodies stay in its
                // memory): with fewer binds than nodes, such messages wait for a bind on this node.
                logger.warning("this node holds no bind of some links and does not send over them", metadata: [
                    "node": "\(nodeID)", "links": "\(without.joined(separator: ", "))", "live_nodes": "\(live.count)",
                ])
            }
        }
    }

    private func closeAll() async {
        state.withLock { state in
            state.held = []
            state.validUntil = nil
        }
        for linkID in binds.configuredBindCounts().keys.sorted() where !binds.openBinds(of: linkID).isEmpty {
            await binds.setOpenBinds([], of: linkID)
        }
    }

    // MARK: Service

    /// Runs rounds until graceful shutdown or cancellation, with the expiry watchdog beside them; then
    /// retires this node (closes its binds and gives its leases up).
    public func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelledOrShuttingDown {
                    await self.enforceExpiry()
                    await Task.sleepUnlessShuttingDown(for: self.settings.renewInterval / 2)
                }
            }
            while !Task.isCancelledOrShuttingDown {
                await round()
                await Task.sleepUnlessShuttingDown(for: settings.renewInterval)
            }
        }
        await retire()
    }
}
