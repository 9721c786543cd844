import HeraldCore
import Logging
import SMPP
import SMSText
import Synchronization

/// The runtime of one carrier link: its open binds (SMPP clients, by bind position), round-robin choice of
/// a bound transmitter, health, and the reassembler for multipart mobile-originated messages.
///
/// A bind is open from ``openBind(_:)`` until ``closeBind(_:)``; an SMPP client runs once, so reopening a
/// position makes a new client.
final class CarrierLink: Sendable {
    let settings: CarrierLinkSettings
    let health = LinkHealth()
    let encoder: SMSEncoder
    let decoder: SMSDecoder
    private let logger: Logger
    private let open = Mutex<[Int: SMPPClient]>([:])
    private let next = Atomic<Int>(0)
    private let reassembler: Mutex<Reassembler>

    init(settings: CarrierLinkSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        self.encoder = SMSEncoder(settings.encoder)
        self.decoder = SMSDecoder(profile: settings.encoder.profile)
        self.reassembler = Mutex(Reassembler())
    }

    /// The open binds' clients, by position.
    var clients: [SMPPClient] {
        open.withLock { open in open.keys.sorted().compactMap { open[$0] } }
    }

    /// Positions of the open binds.
    var openIndexes: Set<Int> { open.withLock { Set($0.keys) } }

    /// Opens the bind at `index`: returns its new client for the caller to run, or `nil` when it is open
    /// already or the link has no such bind.
    func openBind(_ index: Int) -> SMPPClient? {
        guard settings.binds.indices.contains(index) else { return nil }
        return open.withLock { open -> SMPPClient? in
            guard open[index] == nil else { return nil }
            var bindLogger = logger
            bindLogger[metadataKey: "link"] = "\(settings.id)"
            bindLogger[metadataKey: "bind"] = "\(index)"
            let client = SMPPClient(configuration: settings.binds[index], logger: bindLogger)
            open[index] = client
            return client
        }
    }

    /// Takes the bind at `index` out of use and returns its client for the caller to shut down.
    func closeBind(_ index: Int) -> SMPPClient? {
        open.withLock { $0.removeValue(forKey: index) }
    }

    /// A bound client that may transmit, rotating between binds; `nil` when none is bound.
    func boundTransmitter() -> SMPPClient? {
        let clients = self.clients
        let count = clients.count
        guard count > 0 else { return nil }
        let start = next.add(1, ordering: .relaxed).newValue
        for offset in 0..<count {
            let client = clients[(start + offset) % count]
            if case .bound(let type) = client.state, type.canTransmit { return client }
        }
        return nil
    }

    var status: LinkStatus {
        let bound = clients.filter { $0.state.isBound }.count
        let health = health.snapshot
        return LinkStatus(
            isUp: bound > 0, bindsUp: bound, bindsConfigured: settings.binds.count, isThrottled: health.throttled, errorRate: health.errorRate,
            latencyMilliseconds: health.latencyMilliseconds)
    }

    /// Adds one part of a mobile-originated message; returns the whole message once complete.
    func reassemble(_ part: DecodedShortMessage, source: String, destination: String) -> ReassembledMessage? {
        reassembler.withLock { $0.receive(part, source: source, destination: destination).completed }
    }
}
