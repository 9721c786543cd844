import HeraldCarrierLinks
import HeraldCore
import HeraldRouting
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps the running gateway in step with the carrier links stored in the database: polls their version
/// and, when it changed, binds added links, rebinds changed ones and unbinds removed ones (the other links'
/// traffic is not touched), then tells the routing engine which links in service can transmit.
///
/// ```swift
/// let sync = CarrierLinkSynchronizer(store: store, gateway: gateway, routing: engine, logger: logger)
/// try await sync.refresh()        // at start-up, before the gateway runs
/// sync.requestRefresh()           // after an approval on this node: apply now rather than at the next poll
/// ```
public final class CarrierLinkSynchronizer: Service {
    private struct Applied {
        var version: Int64 = -1
        var revisions: [String: Int64] = [:]
    }

    private let store: any CarrierLinkStore
    private let gateway: SMPPCarrierGateway
    private let routing: RoutingEngine
    private let interval: Duration
    private let logger: Logger
    private let applied = Mutex(Applied())
    private let wake = DispatchSignal()

    public init(
        store: any CarrierLinkStore, gateway: SMPPCarrierGateway, routing: RoutingEngine,
        interval: Duration = .seconds(2), logger: Logger
    ) {
        self.store = store
        self.gateway = gateway
        self.routing = routing
        self.interval = interval
        self.logger = logger
    }

    /// Applies the stored links now if their version changed. Call from one task at a time (start-up, or the
    /// service's own loop).
    public func refresh() async throws {
        let version = try await store.carrierLinksVersion()
        guard version != applied.withLock({ $0.version }) else { return }
        let set = try await store.carrierLinks()
        var revisions = applied.withLock { $0.revisions }
        let wanted = Dictionary(uniqueKeysWithValues: set.active.map { ($0.id, $0) })
        for id in revisions.keys.sorted() where wanted[id] == nil {
            await gateway.removeLink(id)
            revisions[id] = nil
            logger.notice("carrier link taken out of service", metadata: ["link": "\(id)"])
        }
        for record in set.active {
            let settings = CarrierLinkSettingsMapper.settings(for: record.definition)
            switch revisions[record.id] {
            case nil:
                if !gateway.addLink(settings) {
                    // A link the gateway started with (before the first refresh): make it match the store.
                    await gateway.replaceLink(settings)
                }
                logger.notice("carrier link in service", metadata: ["link": "\(record.id)", "revision": "\(record.revision)"])
            case let revision? where revision != record.revision:
                await gateway.replaceLink(settings)
                logger.notice("carrier link rebound with new settings", metadata: ["link": "\(record.id)", "revision": "\(record.revision)"])
            default:
                break
            }
            revisions[record.id] = record.revision
        }
        // Rules may only name links traffic can be routed to (not receiver-only links).
        routing.updateLinkIDs(Set(gateway.transmittingLinkIDs))
        applied.withLock { $0 = Applied(version: set.version, revisions: revisions) }
    }

    /// Asks the running service to refresh now.
    public func requestRefresh() {
        wake.signal()
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await refresh()
            } catch {
                logger.warning("reading the carrier links failed", metadata: ["error": "\(error)"])
            }
            await cancelWhenGracefulShutdown { await self.wake.wait(timeout: self.interval) }
        }
    }
}
