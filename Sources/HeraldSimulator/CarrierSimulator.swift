import Logging
import NIOCore
import SMPP
import SMSText

/// A simulated carrier: a real SMPP 3.4 SMSC on loopback that accepts binds, answers submissions with
/// configurable outcomes and latency, sends delivery receipts, and can inject mobile-originated messages.
///
/// Used by `herald serve` (the built-in `sim` link), by `herald simulator`, by tests and by benchmarks.
///
/// ```swift
/// let simulator = CarrierSimulator(configuration: SimulatorConfiguration(outcomeWeights: [.delivered: 9, .undeliverable: 1]))
/// async let running: Void = simulator.run()
/// let port = try await simulator.listeningPort()
/// // … bind an ESME to 127.0.0.1:port …
/// await simulator.shutdown()
/// ```
public final class CarrierSimulator: Sendable {
    public let configuration: SimulatorConfiguration
    private let server: SMPPServer
    private let handler: SimulatorHandler
    private let deliveries: DeliveryQueue
    private let counters = SimulatorCounters()
    private let logger: Logger

    public init(configuration: SimulatorConfiguration = SimulatorConfiguration(), logger: Logger = Logger(label: "herald.simulator")) {
        self.configuration = configuration
        self.logger = logger
        let deliveries = DeliveryQueue(limit: configuration.pendingReceiptLimit, statistics: counters, logger: logger)
        self.deliveries = deliveries
        let planner = OutcomePlanner(rules: configuration.rules, weights: configuration.outcomeWeights, seed: configuration.seed)
        let handler = SimulatorHandler(configuration: configuration, planner: planner, deliveries: deliveries, counters: counters)
        self.handler = handler
        var serverConfiguration = SMPPServer.Configuration(host: configuration.host, port: configuration.port, systemID: "HeraldSim")
        serverConfiguration.defaultLimits = configuration.sessionLimits
        serverConfiguration.windowSize = 256
        // "No response" outcomes must stay unanswered; the ESME's own timeout handles them.
        serverConfiguration.requestTimeout = nil
        self.server = SMPPServer(configuration: serverConfiguration, handler: handler, logger: logger)
    }

    /// Serves until cancelled or ``shutdown()``.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { await self.deliveries.run(server: self.server) }
            // The server returns on shutdown or cancellation; then the delivery queue stops too.
            try await group.next()
            group.cancelAll()
        }
    }

    /// The port the SMPP listener is bound to (waits until it is listening).
    public func listeningPort() async throws -> Int {
        let address = try await server.listeningAddress()
        guard let port = address.port else { throw SMPPError(.invalidState, message: "the simulator has no TCP port") }
        return port
    }

    /// Unbinds every session and stops listening.
    public func shutdown() async {
        handler.stop()
        await server.shutdown()
    }

    public var statistics: SimulatorStatistics {
        SimulatorStatistics(
            submitted: counters.submitted.load(ordering: .relaxed), accepted: counters.accepted.load(ordering: .relaxed),
            refused: counters.refused.load(ordering: .relaxed), delivered: counters.delivered.load(ordering: .relaxed),
            pendingDeliveries: deliveries.pendingCount, boundSessions: server.sessions.count)
    }

    /// The most recent submissions (oldest first), up to ``SimulatorConfiguration/recentSubmissionLimit``.
    public var recentSubmissions: [SimulatedSubmission] { handler.recentSubmissions }

    /// Calls `observer` with every submission the simulator answers (or refuses), on the session's task:
    /// keep it short. For tests and benchmarks that need more than ``recentSubmissions``.
    ///
    /// ```swift
    /// simulator.observe { submission in arrivals.record(submission.destination, at: submission.receivedAt) }
    /// ```
    public func observe(_ observer: @escaping @Sendable (SimulatedSubmission) -> Void) { handler.observe(observer) }

    /// Replaces the destination rules at run time.
    public func setRules(_ rules: [SimulatorRule]) { handler.planner.set(rules: rules) }

    /// Replaces the outcome weights at run time.
    public func setOutcomeWeights(_ weights: [SimulatedOutcome: Double]) { handler.planner.set(weights: weights) }

    /// Sends a mobile-originated message from handset `from` to `to` (a number or short code) to the ESMEs
    /// bound as `systemID`, split into concatenated parts when long. Queued while no receiver is bound.
    public func injectMobileOriginated(from: String, to: String, text: String, systemID: String, concatenation: ConcatenationMethod = .udh8) throws {
        let encoder = SMSEncoder(SMSEncoderOptions(profile: configuration.textProfile, concatenation: concatenation, maxParts: 16))
        let reference = UInt16.random(in: 0...UInt16.max)
        let encoded = try encoder.encode(text, reference: reference)
        for part in encoded.parts {
            var tlvs = TLVList()
            if let payload = part.messagePayload { tlvs.messagePayload = payload }
            if let sar = part.sar {
                tlvs.sarMsgRefNum = sar.referenceNumber
                tlvs.sarTotalSegments = sar.totalSegments
                tlvs.sarSegmentSeqnum = sar.segmentSequenceNumber
            }
            let sm = DeliverSM(
                source: .international(from.hasPrefix("+") ? String(from.dropFirst()) : from),
                destination: to.hasPrefix("+") ? .international(String(to.dropFirst())) : SMPPAddress(address: to),
                esmClass: ESMClass(rawValue: part.esmClassFlags), dataCoding: DataCoding(rawValue: part.dataCoding),
                shortMessage: part.shortMessage, tlvs: tlvs)
            deliveries.enqueue(PendingDelivery(due: .now, systemID: systemID, preferredSession: nil, deliverSM: sm, attempts: 0))
        }
    }
}

