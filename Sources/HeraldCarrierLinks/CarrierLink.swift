import HeraldCore
import Logging
import SMPP
import SMSText
import Synchronization

/// The runtime of one carrier link: its open binds (SMPP clients, by bind position), round-robin choice of
/// a bound transmitter, health, and the reassembler for multipart mobile-originated messages.
///
/// A bind is open from ``openBind(_:)`` until ``closeBind(_:)``; an SMPP client runs once, so reopening a
/// position makes a new client. A position being closed cannot reopen until ``finishClosing(_:)``, so one
/// position never has two sessions (one draining, one connecting) at once.
final class CarrierLink: Sendable {
    private struct Binds {
        var open: [Int: SMPPClient] = [:] {
            didSet { ordered = open.keys.sorted().compactMap { open[$0] } }
        }
        var closing: Set<Int> = []
        /// ``open``'s clients by position, kept as binds open and close (read on every submission).
        private(set) var ordered: [SMPPClient] = []
    }

    let settings: CarrierLinkSettings
    let health = LinkHealth()
    let encoder: SMSEncoder
    let decoder: SMSDecoder
    private let logger: Logger
    private let binds = Mutex(Binds())
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
        binds.withLock { $0.ordered }
    }

    /// Positions of the open binds.
    var openIndexes: Set<Int> { binds.withLock { Set($0.open.keys) } }

    /// Opens the bind at `index`: returns its new client for the caller to run, or `nil` when it is open
    /// already, still closing, or the link has no such bind.
    func openBind(_ index: Int) -> SMPPClient? {
        guard settings.binds.indices.contains(index) else { return nil }
        return binds.withLock { binds -> SMPPClient? in
            guard binds.open[index] == nil, !binds.closing.contains(index) else { return nil }
            var bindLogger = logger
            bindLogger[metadataKey: "link"] = "\(settings.id)"
            bindLogger[metadataKey: "bind"] = "\(index)"
            let client = SMPPClient(configuration: settings.binds[index], logger: bindLogger)
            binds.open[index] = client
            return client
        }
    }

    /// Takes the bind at `index` out of use and returns its client for the caller to shut down, then to
    /// report with ``finishClosing(_:)``.
    func closeBind(_ index: Int) -> SMPPClient? {
        binds.withLock { binds in
            guard let client = binds.open.removeValue(forKey: index) else { return nil }
            binds.closing.insert(index)
            return client
        }
    }

    /// The client taken by ``closeBind(_:)`` has shut down: the position may open again.
    func finishClosing(_ index: Int) {
        _ = binds.withLock { $0.closing.remove(index) }
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
