import HeraldCore
import Logging
import SMPP
import SMSText
import Synchronization

/// The runtime of one carrier link: its binds (SMPP clients), round-robin choice of a bound transmitter,
/// health, and the reassembler for multipart mobile-originated messages.
final class CarrierLink: Sendable {
    let settings: CarrierLinkSettings
    let clients: [SMPPClient]
    let health = LinkHealth()
    let encoder: SMSEncoder
    let decoder: SMSDecoder
    private let next = Atomic<Int>(0)
    private let reassembler: Mutex<Reassembler>

    init(settings: CarrierLinkSettings, logger: Logger) {
        self.settings = settings
        self.clients = settings.binds.enumerated().map { index, configuration in
            var bindLogger = logger
            bindLogger[metadataKey: "link"] = "\(settings.id)"
            bindLogger[metadataKey: "bind"] = "\(index)"
            return SMPPClient(configuration: configuration, logger: bindLogger)
        }
        self.encoder = SMSEncoder(settings.encoder)
        self.decoder = SMSDecoder(profile: settings.encoder.profile)
        self.reassembler = Mutex(Reassembler())
    }

    /// A bound client that may transmit, rotating between binds; `nil` when none is bound.
    func boundTransmitter() -> SMPPClient? {
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
            isUp: bound > 0, bindsUp: bound, bindsConfigured: clients.count, isThrottled: health.throttled, errorRate: health.errorRate,
            latencyMilliseconds: health.latencyMilliseconds)
    }

    /// Adds one part of a mobile-originated message; returns the whole message once complete.
    func reassemble(_ part: DecodedShortMessage, source: String, destination: String) -> ReassembledMessage? {
        reassembler.withLock { $0.receive(part, source: source, destination: destination).completed }
    }
}
