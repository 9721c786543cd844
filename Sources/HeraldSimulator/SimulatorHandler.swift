import DequeModule
import Foundation
import Logging
import SMPP
import SMSText
import Synchronization

/// The simulator's SMSC logic: authenticates binds, answers submissions with the planned outcome and
/// schedules delivery receipts.
final class SimulatorHandler: SMPPServerHandler {
    let configuration: SimulatorConfiguration
    let planner: OutcomePlanner
    let deliveries: DeliveryQueue
    let counters: SimulatorCounters
    private let nextID = Atomic<UInt64>(0)
    private let recent: Mutex<Deque<SimulatedSubmission>>
    private let decoder: SMSDecoder
    private let formatter: DeliveryReceiptFormatter
    private let openSessions = Mutex(Set<SMPPSessionID>())
    private let stopping = Atomic<Bool>(false)
    private let observers = Mutex<[@Sendable (SimulatedSubmission) -> Void]>([])

    /// Adds a closure called with every submission once it has been answered (or refused).
    func observe(_ observer: @escaping @Sendable (SimulatedSubmission) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Ends every wait of a "no response" outcome (on shutdown).
    func stop() { stopping.store(true, ordering: .relaxed) }

    init(configuration: SimulatorConfiguration, planner: OutcomePlanner, deliveries: DeliveryQueue, counters: SimulatorCounters) {
        self.configuration = configuration
        self.planner = planner
        self.deliveries = deliveries
        self.counters = counters
        self.recent = Mutex(Deque())
        self.decoder = SMSDecoder(profile: configuration.textProfile)
        let style: MessageIDStyle
        switch (configuration.receiptIDsInOtherBase, configuration.messageIDFormat) {
        case (false, _): style = .verbatim
        case (true, .hex): style = .decimalFromHex
        case (true, .decimal): style = .hexFromDecimal(uppercase: true, minimumDigits: 8)
        }
        self.formatter = DeliveryReceiptFormatter(includesSeconds: false, idStyle: style, textLength: 20)
        // Start ids at a value that is not a small number, like real SMSCs.
        nextID.store(0x1_0000, ordering: .relaxed)
    }

    var recentSubmissions: [SimulatedSubmission] { recent.withLock { Array($0) } }

    func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
        if !configuration.accounts.isEmpty {
            guard let password = configuration.accounts[attempt.systemID] else { return .reject(.invalidSystemID) }
            guard password == attempt.password else { return .reject(.invalidPassword) }
        }
        return .accept(configuration.sessionLimits)
    }

    func sessionBound(_ session: SMPPServerSession) async {
        openSessions.withLock { _ = $0.insert(session.id) }
    }

    func sessionClosed(_ session: SMPPServerSession) async {
        openSessions.withLock { _ = $0.remove(session.id) }
    }

    func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse {
        switch request {
        case .submitSM(let sm):
            return try await submit(
                source: sm.source.address, destination: sm.destination.address, userData: sm.shortMessage.isEmpty ? (sm.tlvs.messagePayload ?? []) : sm.shortMessage,
                dataCoding: sm.dataCoding.rawValue, esmClass: sm.esmClass.rawValue, receipt: sm.registeredDelivery.receiptRequest, session: session,
                wrap: { .submitSM(SubmitSMResponse(messageID: $0)) })
        case .dataSM(let sm):
            return try await submit(
                source: sm.source.address, destination: sm.destination.address, userData: sm.tlvs.messagePayload ?? [],
                dataCoding: sm.dataCoding.rawValue, esmClass: sm.esmClass.rawValue, receipt: sm.registeredDelivery.receiptRequest, session: session,
                wrap: { .dataSM(DataSMResponse(messageID: $0)) })
        case .querySM:
            return .error(.queryFailed)
        case .cancelSM:
            return .cancelSM
        case .replaceSM:
            return .error(.replaceFailed)
        case .submitMulti:
            return .error(.invalidCommandID)
        }
    }

    private func submit(
        source: String, destination: String, userData: [UInt8], dataCoding: UInt8, esmClass: UInt8, receipt: UInt8,
        session: SMPPServerSession, wrap: (String) -> SMPPServerResponse
    ) async throws -> SMPPServerResponse {
        counters.submitted.add(1, ordering: .relaxed)
        let arrivedAt = ContinuousClock.now
        let outcome = planner.outcome(for: destination)
        if configuration.responseLatency > .zero { try await Task.sleep(for: configuration.responseLatency) }
        let text = (try? decoder.decode(userData: userData, dataCoding: dataCoding, esmClass: esmClass))?.text
        var record = SimulatedSubmission(
            systemID: session.systemID, source: source, destination: destination, text: text, dataCoding: dataCoding, esmClass: esmClass,
            messageID: nil, outcome: outcome, receivedAt: arrivedAt)
        defer { remember(record) }

        guard let state = outcome.receiptState else {
            counters.refused.add(1, ordering: .relaxed)
            switch outcome {
            case .invalidDestination: return .error(.invalidDestinationAddress)
            case .throttled: return .error(.throttled)
            case .systemError: return .error(.systemError)
            case .disconnect:
                session.close()
                return .error(.systemError)
            case .noResponse:
                // Never answer: the ESME's response timeout must fire. The wait ends with the session, the
                // simulator, or after ten minutes.
                let deadline = ContinuousClock.now + .seconds(600)
                while openSessions.withLock({ $0.contains(session.id) }) && !stopping.load(ordering: .relaxed) && !Task.isCancelled
                    && ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(50))
                }
                return .error(.systemError)
            default: return .error(.systemError)
            }
        }
        counters.accepted.add(1, ordering: .relaxed)
        let number = nextID.add(1, ordering: .relaxed).newValue
        let id = configuration.messageIDFormat == .hex ? String(number, radix: 16) : String(number)
        record.messageID = id
        let wantsReceipt = receipt == 1 || (receipt == 2 && outcome != .delivered)
        if wantsReceipt {
            deliveries.enqueue(PendingDelivery(
                due: .now + configuration.receiptLatency, systemID: session.systemID, preferredSession: session.id,
                deliverSM: receiptPDU(id: id, source: source, destination: destination, state: state, text: text ?? ""), attempts: 0))
        }
        return wrap(id)
    }

    private func receiptPDU(id: String, source: String, destination: String, state: (stat: String, state: UInt8, error: Int), text: String) -> DeliverSM {
        let now = Self.receiptTimestamp(Date())
        let body = formatter.format(
            id: id, state: DeliveryState(statusText: state.stat) ?? .unknown, error: state.error, submitDate: now, doneDate: now, text: text)
        var tlvs = TLVList()
        tlvs.receiptedMessageID = id
        tlvs.messageState = MessageState(rawValue: state.state)
        if state.error != 0 { tlvs.networkErrorCode = NetworkErrorCode(networkType: 3, errorCode: UInt16(state.error)) }
        // A receipt travels back: from the handset (destination) to the original sender (source).
        return DeliverSM(
            source: SMPPAddress.international(destination.hasPrefix("+") ? String(destination.dropFirst()) : destination),
            destination: SMPPAddress(ton: .unknown, npi: .unknown, address: source), esmClass: .deliveryReceipt,
            shortMessage: Array(body.utf8), tlvs: tlvs)
    }

    static func receiptTimestamp(_ date: Date) -> ReceiptTimestamp {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        return ReceiptTimestamp(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday), hour: Int(parts.tm_hour),
            minute: Int(parts.tm_min), second: Int(parts.tm_sec))!
    }

    private func remember(_ submission: SimulatedSubmission) {
        recent.withLock { recent in
            recent.append(submission)
            while recent.count > configuration.recentSubmissionLimit { _ = recent.popFirst() }
        }
        for observer in observers.withLock({ $0 }) { observer(submission) }
    }
}
