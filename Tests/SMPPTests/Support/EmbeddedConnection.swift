import Logging
import NIOCore
import NIOEmbedded
import Synchronization
@testable import SMPP

/// Records connection events for assertions.
final class EventRecorder: Sendable {
    private let storage = Mutex<[SMPPConnectionEvent]>([])

    func record(_ event: SMPPConnectionEvent) {
        storage.withLock { $0.append(event) }
    }

    var events: [SMPPConnectionEvent] { storage.withLock { $0 } }

    var requests: [SMPPInboundRequest] {
        events.compactMap { if case .request(let r) = $0 { return r } else { return nil } }
    }

    var closedReasons: [SMPPError?] {
        events.compactMap { if case .closed(let reason) = $0 { return .some(reason) } else { return nil } }
    }

    var boundTypes: [BindType] {
        events.compactMap { if case .bound(let t) = $0 { return t } else { return nil } }
    }
}

/// An SMPPChannelHandler on an EmbeddedChannel, driven synchronously with virtual time.
struct EmbeddedConnection {
    let channel: EmbeddedChannel
    let connection: SMPPConnection
    let recorder: EventRecorder

    init(_ configuration: SMPPConnectionConfiguration) throws {
        let recorder = EventRecorder()
        let handler = SMPPChannelHandler(configuration: configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), onEvent: { recorder.record($0) })
        let channel = EmbeddedChannel()
        let connection = SMPPConnection(channel: channel, handler: handler)
        handler.connection = connection
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 2775)).wait()
        self.channel = channel
        self.connection = connection
        self.recorder = recorder
    }

    var loop: EmbeddedEventLoop { channel.embeddedEventLoop }

    /// Feeds PDUs from the peer (all in one read).
    func receive(_ pdus: PDU...) throws {
        var buffer = ByteBuffer()
        for pdu in pdus { try PDUEncoder().encode(pdu, into: &buffer) }
        try channel.writeInbound(buffer)
    }

    func receiveRaw(_ bytes: ByteBuffer) throws {
        try channel.writeInbound(bytes)
    }

    /// Each written buffer, decoded into its PDUs.
    func writtenBatches() throws -> [[PDU]] {
        var batches: [[PDU]] = []
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            var decoder = SMPPFrameDecoder()
            var pdus: [PDU] = []
            while let frame = try decoder.decode(buffer: &buffer) {
                pdus.append(try PDUDecoder().decode(frame: frame))
            }
            batches.append(pdus)
        }
        return batches
    }

    func written() throws -> [PDU] { try writtenBatches().flatMap { $0 } }

    func request(_ body: PDU.Body, id: UInt64) -> EventLoopFuture<PDU> {
        let promise = loop.makePromise(of: PDU.self)
        connection.enqueue(.request(id: id, body: body, sink: .promise(promise)))
        loop.run()
        return promise.futureResult
    }

    /// Binds as an ESME (peer answers OK).
    func bindESME(_ type: BindType = .transceiver) throws {
        let promise = loop.makePromise(of: PDU.self)
        connection.enqueue(.bind(BindRequest(bindType: type, systemID: "esme", password: "pw"), sink: .promise(promise)))
        loop.run()
        let sent = try written()
        guard let bind = sent.first else { throw SMPPError(.invalidState, message: "no bind written") }
        try receive(PDU(sequenceNumber: bind.sequenceNumber, body: .bindResponse(BindResponse(bindType: type, systemID: "SMSC"))))
        _ = try promise.futureResult.wait()
    }
}

func submitBody(_ text: String = "hi") -> PDU.Body {
    .submitSM(SubmitSM(source: .international("1000"), destination: .international("2000"), shortMessage: Array(text.utf8)))
}

extension EventLoopFuture {
    /// The failure as SMPPError, if the future failed (must already be complete).
    func smppError() -> SMPPError? {
        var result: SMPPError?
        assumeIsolated().whenFailure { result = $0 as? SMPPError }
        return result
    }

    var isResolved: Bool {
        var done = false
        assumeIsolated().whenComplete { _ in done = true }
        return done
    }
}
