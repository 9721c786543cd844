import Foundation
import HeraldCore
import Logging
import SMPP
import SMSText
import ServiceLifecycle
import Synchronization

/// The carrier side of Herald over SMPP 3.4: keeps every configured bind up, submits messages part by
/// part in order on one bind, classifies failures for the dispatcher, and turns deliver_sm into receipts
/// and inbound messages for the core.
///
/// Run it as a service before the dispatcher: on graceful shutdown it is stopped last, drains outstanding
/// submissions and unbinds. Links can be added, removed and rebound while it runs (``addLink(_:)``,
/// ``removeLink(_:)``, ``replaceLink(_:)``) without touching the traffic of the other links.
public final class SMPPCarrierGateway: CarrierGateway, Service {
    /// The links in service, by id, and their order of addition.
    struct Links {
        var byID: [String: CarrierLink] = [:]
        var order: [String] = []
    }

    let links: Mutex<Links>
    private let logger: Logger
    private let stream: AsyncStream<CarrierEvent>
    private let continuation: AsyncStream<CarrierEvent>.Continuation
    /// A bind opened while running (or before ``run()``), for ``run()`` to start.
    private struct OpenedBind: Sendable {
        let link: CarrierLink
        let index: Int
        let client: SMPPClient
    }

    /// Binds opened while running (or before ``run()``), for ``run()`` to start.
    private let started: AsyncStream<OpenedBind>
    private let startContinuation: AsyncStream<OpenedBind>.Continuation
    /// Whether links open all their binds or only those leased to this node.
    public let bindOwnership: CarrierBindOwnership

    public init(links: [CarrierLinkSettings], bindOwnership: CarrierBindOwnership = .allBinds, logger: Logger) {
        self.logger = logger
        self.bindOwnership = bindOwnership
        self.links = Mutex(Links())
        (stream, continuation) = AsyncStream.makeStream(of: CarrierEvent.self)
        (started, startContinuation) = AsyncStream.makeStream(of: OpenedBind.self)
        for settings in links { addLink(settings) }
    }

    /// The ids of the links in service, in the order they were added.
    public var linkIDs: [String] { links.withLock { $0.order } }

    /// The ids of the links in service that can submit (a transmitter or transceiver bind), in order.
    /// Receiver-only links bring receipts and inbound messages; traffic is never routed to them.
    public var transmittingLinkIDs: [String] {
        links.withLock { links in
            links.order.filter { id in links.byID[id]?.settings.binds.contains { $0.bindType != .receiver } ?? false }
        }
    }

    // MARK: Changing links at runtime

    /// Puts a new link into service: with ``CarrierBindOwnership/allBinds`` its binds start connecting (at
    /// once when running, else when ``run()`` starts); with ``CarrierBindOwnership/leased`` none opens until
    /// ``setOpenBinds(_:of:)``. Returns `false`, changing nothing, when a link with this id is in service.
    @discardableResult
    public func addLink(_ settings: CarrierLinkSettings) -> Bool {
        let link = CarrierLink(settings: settings, logger: logger)
        let added = links.withLock { links -> Bool in
            guard links.byID[settings.id] == nil else { return false }
            links.byID[settings.id] = link
            links.order.append(settings.id)
            return true
        }
        if added {
            if bindOwnership == .allBinds {
                for index in settings.binds.indices { open(index, of: link) }
            }
            logger.info("carrier link added", metadata: ["link": "\(settings.id)", "binds": "\(settings.binds.count)"])
        }
        return added
    }

    // MARK: Opening and closing binds

    func open(_ index: Int, of link: CarrierLink) {
        guard let client = link.openBind(index) else { return }
        startContinuation.yield(OpenedBind(link: link, index: index, client: client))
    }

    /// Takes a link out of service: new submissions no longer see it (they fail over to other links), its
    /// outstanding submissions are drained, then its binds unbind. Other links are not touched. Returns
    /// `false` when no such link is in service.
    @discardableResult
    public func removeLink(_ id: String) async -> Bool {
        let removed = links.withLock { links -> CarrierLink? in
            guard let link = links.byID.removeValue(forKey: id) else { return nil }
            links.order.removeAll { $0 == id }
            return link
        }
        guard let removed else { return false }
        await withDiscardingTaskGroup { group in
            for index in removed.openIndexes {
                if let client = removed.closeBind(index) { group.addTask { await client.shutdown() } }
            }
        }
        logger.info("carrier link removed", metadata: ["link": "\(id)"])
        return true
    }

    /// Rebinds a link with new settings: the old binds drain and unbind, then the new ones bind (submissions
    /// in between fail over to other links). Adds the link when it is not in service.
    public func replaceLink(_ settings: CarrierLinkSettings) async {
        await removeLink(settings.id)
        addLink(settings)
    }

    private var currentLinks: [CarrierLink] {
        links.withLock { links in links.order.compactMap { links.byID[$0] } }
    }

    // MARK: Lifecycle

    /// Keeps every bind up until cancelled or gracefully shut down, starting links added meanwhile; then
    /// unbinds and finishes the event stream.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await bind in started {
                    group.addTask { await self.runBind(bind) }
                }
            }
        } onGracefulShutdown: {
            Task { await self.shutdown() }
        }
        continuation.finish()
    }

    private func runBind(_ bind: OpenedBind) async {
        await withDiscardingTaskGroup { group in
            group.addTask { try? await bind.client.run() }
            group.addTask { await self.consumeInbound(of: bind.client, link: bind.link) }
            group.addTask { await self.watchState(of: bind.client, link: bind.link, index: bind.index) }
        }
    }

    /// Drains outstanding requests and unbinds every bind; binds opened later are not started.
    public func shutdown() async {
        startContinuation.finish()
        await withDiscardingTaskGroup { group in
            for link in currentLinks {
                for client in link.clients { group.addTask { await client.shutdown() } }
            }
        }
    }

    /// Waits until every link has at least one bound bind (or the timeout passes); returns whether they did.
    public func waitUntilBound(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if currentLinks.allSatisfy({ $0.status.isUp }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return currentLinks.allSatisfy { $0.status.isUp }
    }

    // MARK: CarrierGateway

    public func linkStatuses() -> [String: LinkStatus] {
        links.withLock { $0.byID }.mapValues(\.status)
    }

    public func events() -> AsyncStream<CarrierEvent> { stream }

    public func submit(_ message: OutboundMessage, via linkID: String) async -> SubmitResult {
        guard let link = links.withLock({ $0.byID[linkID] }) else {
            return .failed(SubmitFailure(disposition: .tryOtherLink, code: "unknown_link", detail: "no carrier link '\(linkID)' is configured"))
        }
        guard let client = link.boundTransmitter() else {
            if bindOwnership == .leased, link.openIndexes.isEmpty {
                // Other nodes hold this link's binds: hand the message back for a node that holds one (or for
                // this node once it does) without spending an attempt.
                return .failed(SubmitFailure(
                    disposition: .retryLater, code: "link_not_held", detail: "this node holds no bind of link '\(linkID)'"))
            }
            return .failed(SubmitFailure(disposition: .tryOtherLink, code: "link_down", detail: "no bind of link '\(linkID)' is up"))
        }
        let encoded: EncodedMessage
        do {
            encoded = try link.encoder.encode(message.body, reference: UInt16(truncatingIfNeeded: message.concatenationReference))
        } catch {
            return .failed(SubmitFailure(disposition: .permanent, code: "body_not_encodable", detail: "\(error)"))
        }
        var accepted: [SubmittedPart] = []
        for part in encoded.parts {
            let started = ContinuousClock.now
            do {
                let response = try await client.submit(submitSM(for: message, part: part, link: link))
                link.health.recordSuccess(latency: ContinuousClock.now - started)
                accepted.append(SubmittedPart(
                    sequence: part.sequence, carrierMessageID: response.messageID,
                    lookupKey: link.settings.receiptKeyStyle.storedKey(for: response.messageID)))
            } catch let error as SMPPError {
                link.health.recordFailure(throttled: error.commandStatus?.isThrottling ?? false)
                return .failed(SubmitFailureClassifier.classify(error, acceptedParts: accepted))
            } catch {
                link.health.recordFailure(throttled: false)
                return .failed(SubmitFailure(disposition: .tryOtherLink, code: "link_error", detail: "\(error)", acceptedParts: accepted, ambiguous: true))
            }
        }
        return .accepted(accepted)
    }

    func submitSM(for message: OutboundMessage, part: SMSText.MessagePart, link: CarrierLink) -> SubmitSM {
        var tlvs = TLVList()
        if let payload = part.messagePayload { tlvs.messagePayload = payload }
        if let sar = part.sar {
            tlvs.sarMsgRefNum = sar.referenceNumber
            tlvs.sarTotalSegments = sar.totalSegments
            tlvs.sarSegmentSeqnum = sar.segmentSequenceNumber
        }
        return SubmitSM(
            source: Self.sourceAddress(message.from), destination: .international(Self.digits(message.to)),
            esmClass: ESMClass(rawValue: part.esmClassFlags), validityPeriod: Self.absoluteTime(message.validUntil),
            registeredDelivery: link.settings.requestReceipts && message.requestReceipt ? .receiptOnFinal : .none,
            dataCoding: DataCoding(rawValue: part.dataCoding), shortMessage: part.shortMessage, tlvs: tlvs)
    }

    /// Alphanumeric senders use TON 5; short codes (≤ 8 digits) TON 3; longer numbers are international.
    static func sourceAddress(_ sender: String) -> SMPPAddress {
        let digits = Self.digits(sender)
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.count == sender.count - (sender.hasPrefix("+") ? 1 : 0) else {
            return SMPPAddress(alphanumeric: sender)
        }
        if digits.count <= 8 && !sender.hasPrefix("+") { return SMPPAddress(ton: .networkSpecific, npi: .unknown, address: digits) }
        return .international(digits)
    }

    static func digits(_ number: String) -> String {
        number.hasPrefix("+") ? String(number.dropFirst()) : number
    }

    /// SMPP absolute time in UTC: `YYMMDDhhmmss000+`.
    static func absoluteTime(_ time: Timestamp) -> String {
        var seconds = time_t(time.millisecondsSince1970 / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return two(parts.tm_year % 100) + two(parts.tm_mon + 1) + two(parts.tm_mday) + two(parts.tm_hour) + two(parts.tm_min) + two(parts.tm_sec) + "000+"
    }

    // MARK: Inbound

    private func watchState(of client: SMPPClient, link: CarrierLink, index: Int) async {
        var wasUp = false
        for await state in client.stateChanges() {
            let isUp = state.isBound
            guard isUp != wasUp else { continue }
            wasUp = isUp
            continuation.yield(.linkStateChanged(linkID: link.settings.id, bindIndex: index, isUp: isUp, detail: "\(state)"))
        }
    }

    private func consumeInbound(of client: SMPPClient, link: CarrierLink) async {
        for await inbound in client.inbound {
            switch inbound.request {
            case .deliverSM(let sm):
                let userData = sm.shortMessage.isEmpty ? (sm.tlvs.messagePayload ?? []) : sm.shortMessage
                if sm.esmClass.isDeliveryReceipt || sm.tlvs.receiptedMessageID != nil {
                    handleReceipt(userData: userData, tlvs: sm.tlvs, link: link, inbound: inbound)
                } else {
                    handleMobileOriginated(
                        userData: userData, dataCoding: sm.dataCoding.rawValue, esmClass: sm.esmClass.rawValue, tlvs: sm.tlvs,
                        source: sm.source.address, destination: sm.destination.address, link: link, inbound: inbound)
                }
            case .dataSM(let sm):
                let userData = sm.tlvs.messagePayload ?? []
                if sm.esmClass.isDeliveryReceipt || sm.tlvs.receiptedMessageID != nil {
                    handleReceipt(userData: userData, tlvs: sm.tlvs, link: link, inbound: inbound)
                } else {
                    handleMobileOriginated(
                        userData: userData, dataCoding: sm.dataCoding.rawValue, esmClass: sm.esmClass.rawValue, tlvs: sm.tlvs,
                        source: sm.source.address, destination: sm.destination.address, link: link, inbound: inbound)
                }
            case .alertNotification:
                inbound.respond(.ok)
            }
        }
    }

    private func handleReceipt(userData: [UInt8], tlvs: TLVList, link: CarrierLink, inbound: SMPPInboundMessage) {
        let networkError = tlvs.networkErrorCode.map { [$0.networkType, UInt8($0.errorCode >> 8), UInt8($0.errorCode & 0xFF)] }
        let receipt: DeliveryReceipt
        do {
            receipt = try DeliveryReceipt.parse(
                shortMessage: userData,
                tlvs: ReceiptTLVValues(receiptedMessageID: tlvs.receiptedMessageID, messageState: tlvs.messageState?.rawValue, networkErrorCode: networkError))
        } catch {
            // A receipt nobody can match would be redelivered for ever if refused: acknowledge and log it.
            logger.warning("unparseable delivery receipt acknowledged and dropped", metadata: ["link": "\(link.settings.id)", "error": "\(error)"])
            inbound.respond(.ok)
            return
        }
        let state = Self.partState(receipt.state)
        let errorCode = state == .delivered ? nil : (receipt.errorCode ?? receipt.networkError.map { String($0.errorCode) })
        continuation.yield(.receipt(CarrierReceipt(
            linkID: link.settings.id, carrierMessageID: receipt.messageID, lookupKeys: link.settings.receiptKeyStyle.lookupKeys(for: receipt),
            state: state, errorCode: errorCode, doneAt: receipt.doneDate.flatMap(Self.timestamp),
            acknowledge: { stored in inbound.respond(stored ? .ok : .receiverTemporaryAppError) })))
    }

    private func handleMobileOriginated(
        userData: [UInt8], dataCoding: UInt8, esmClass: UInt8, tlvs: TLVList, source: String, destination: String, link: CarrierLink,
        inbound: SMPPInboundMessage
    ) {
        let sar: SARValues? = {
            guard let reference = tlvs.sarMsgRefNum, let total = tlvs.sarTotalSegments, let sequence = tlvs.sarSegmentSeqnum else { return nil }
            return SARValues(referenceNumber: reference, totalSegments: total, segmentSequenceNumber: sequence)
        }()
        let part: DecodedShortMessage
        do {
            part = try link.decoder.decode(userData: userData, dataCoding: dataCoding, esmClass: esmClass, sar: sar)
        } catch {
            logger.warning("undecodable mobile-originated message refused", metadata: ["link": "\(link.settings.id)", "error": "\(error)"])
            inbound.respond(.receiverPermanentAppError)
            return
        }
        guard let message = link.reassemble(part, source: source, destination: destination) else {
            // A part of a longer message: held in memory until the rest arrives.
            inbound.respond(.ok)
            return
        }
        let now = Timestamp(Date())
        continuation.yield(.inbound(InboundCarrierMessage(
            linkID: link.settings.id, from: source, to: destination, body: message.text ?? "", receivedAt: now,
            acknowledge: { stored in inbound.respond(stored ? .ok : .receiverTemporaryAppError) })))
    }

    static func partState(_ state: DeliveryState) -> PartState {
        switch state {
        case .enroute: return .enroute
        case .delivered: return .delivered
        case .expired: return .expired
        case .deleted: return .deleted
        case .undeliverable: return .undelivered
        case .accepted: return .accepted
        case .unknown: return .unknown
        case .rejected: return .rejected
        }
    }

    static func timestamp(_ value: ReceiptTimestamp) -> Timestamp? {
        var parts = tm()
        parts.tm_year = Int32(value.year - 1900)
        parts.tm_mon = Int32(value.month - 1)
        parts.tm_mday = Int32(value.day)
        parts.tm_hour = Int32(value.hour)
        parts.tm_min = Int32(value.minute)
        parts.tm_sec = Int32(value.second ?? 0)
        let seconds = timegm(&parts)
        return seconds < 0 ? nil : Timestamp(millisecondsSince1970: Int64(seconds) * 1000)
    }
}
