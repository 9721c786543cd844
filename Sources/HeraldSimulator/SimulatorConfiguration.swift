import SMPP
import SMSText

/// How the carrier simulator behaves. The defaults accept any bind and deliver everything.
///
/// ```swift
/// var configuration = SimulatorConfiguration()
/// configuration.outcomeWeights = [.delivered: 0.9, .undeliverable: 0.1]
/// configuration.rules = [SimulatorRule(pattern: "+99*", outcome: .invalidDestination)]
/// ```
public struct SimulatorConfiguration: Sendable {
    public enum MessageIDFormat: String, Sendable, Hashable, Codable {
        /// Ids like `1a2b3c` (lower-case hex).
        case hex
        /// Ids like `1715011`.
        case decimal
    }

    public var host: String
    /// 0 picks a free port (read it with ``CarrierSimulator/listeningPort()``).
    public var port: Int
    /// Accepted credentials, system_id → password. Empty: any bind is accepted.
    public var accounts: [String: String]
    /// Delay before each submit_sm_resp.
    public var responseLatency: Duration
    /// Delay between submit_sm_resp and the delivery receipt.
    public var receiptLatency: Duration
    /// Relative weights of outcomes for destinations no rule matches.
    public var outcomeWeights: [SimulatedOutcome: Double]
    /// Rules by destination pattern, checked in order before the weights.
    public var rules: [SimulatorRule]
    public var messageIDFormat: MessageIDFormat
    /// Quote ids in the receipt text in the other base (hex ids as decimal, decimal as hex), as some SMSCs do;
    /// the receipted_message_id TLV keeps the id as issued.
    public var receiptIDsInOtherBase: Bool
    /// Per-session limits; beyond them the simulator answers ESME_RTHROTTLED.
    public var sessionLimits: SMPPSessionLimits
    /// How the simulator reads data_coding 0 when recording submitted texts and encodes injected MO messages.
    public var textProfile: PeerTextProfile
    /// Seed for the outcome choice, for reproducible runs; `nil` seeds from the system.
    public var seed: UInt64?
    /// Receipts held for receivers that are not bound, at most; the oldest are dropped beyond.
    public var pendingReceiptLimit: Int
    /// Recent submissions remembered for inspection.
    public var recentSubmissionLimit: Int

    public init(
        host: String = "127.0.0.1", port: Int = 0, accounts: [String: String] = [:], responseLatency: Duration = .milliseconds(5),
        receiptLatency: Duration = .milliseconds(50), outcomeWeights: [SimulatedOutcome: Double] = [.delivered: 1], rules: [SimulatorRule] = [],
        messageIDFormat: MessageIDFormat = .hex, receiptIDsInOtherBase: Bool = false,
        sessionLimits: SMPPSessionLimits = SMPPSessionLimits(maxInFlight: 2000, maxTPS: nil), textProfile: PeerTextProfile = .standard,
        seed: UInt64? = nil, pendingReceiptLimit: Int = 100_000, recentSubmissionLimit: Int = 10_000
    ) {
        self.host = host
        self.port = port
        self.accounts = accounts
        self.responseLatency = responseLatency
        self.receiptLatency = receiptLatency
        self.outcomeWeights = outcomeWeights
        self.rules = rules
        self.messageIDFormat = messageIDFormat
        self.receiptIDsInOtherBase = receiptIDsInOtherBase
        self.sessionLimits = sessionLimits
        self.textProfile = textProfile
        self.seed = seed
        self.pendingReceiptLimit = pendingReceiptLimit
        self.recentSubmissionLimit = recentSubmissionLimit
    }
}
