/// Everything `herald serve` can be told, with embedded defaults: with no file at all Herald starts on
/// 127.0.0.1 with SQLite in `./herald-data` and the built-in simulated carrier.
///
/// Loaded from YAML (`herald serve --config herald.yaml`); environment variables override a few keys
/// (see ``ConfigurationLoader``). Unknown keys are errors.
public struct HeraldConfiguration: Codable, Sendable, Equatable {
    /// Stable name of this node (leases, cluster bind ownership). Default: `node-<hostname>`.
    public var nodeID: String?
    /// Where the SQLite database, generated secrets and the initial API key live.
    public var dataDirectory: String
    public var database: DatabaseSection
    public var http: HTTPSection
    public var simulator: SimulatorSection
    /// Carrier links. When empty and the simulator is enabled, one link `sim` to the simulator is used.
    public var carriers: [CarrierLinkConfiguration]
    public var messages: MessagesSection
    public var webhooks: WebhooksSection
    public var retention: RetentionSection
    public var logging: LoggingSection
    /// The SMPP listener customers bind to (off by default).
    public var customerSMPP: CustomerSMPPSection
    public var verification: VerificationSection
    public var fraudGuard: FraudGuardSection
    /// A number-portability CSV (`e164,mcc,mnc[,name]`, see docs/numbering.md) loaded at start: ported
    /// numbers resolve (and route) to the network they moved to.
    public var portabilityFile: String?
    public var audit: AuditSection
    /// Bind ownership across nodes sharing one database.
    public var cluster: ClusterSection
    /// The dispatcher's claims: lease length and how many messages the node works on at once.
    public var dispatch: DispatchSection

    enum CodingKeys: String, CodingKey, CaseIterable {
        case nodeID = "node_id"
        case dataDirectory = "data_directory"
        case database, http, simulator, carriers, messages, webhooks, retention, logging, verification, audit, cluster, dispatch
        case customerSMPP = "customer_smpp"
        case fraudGuard = "fraud_guard"
        case portabilityFile = "portability_file"
    }

    public init() {
        nodeID = nil
        dataDirectory = "herald-data"
        database = DatabaseSection()
        http = HTTPSection()
        simulator = SimulatorSection()
        carriers = []
        messages = MessagesSection()
        webhooks = WebhooksSection()
        retention = RetentionSection()
        logging = LoggingSection()
        customerSMPP = CustomerSMPPSection()
        verification = VerificationSection()
        fraudGuard = FraudGuardSection()
        portabilityFile = nil
        audit = AuditSection()
        cluster = ClusterSection()
        dispatch = DispatchSection()
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HeraldConfiguration()
        nodeID = try c.decodeIfPresent(String.self, forKey: .nodeID)
        dataDirectory = try c.decode(.dataDirectory, default: d.dataDirectory)
        database = try c.decode(.database, default: d.database)
        http = try c.decode(.http, default: d.http)
        simulator = try c.decode(.simulator, default: d.simulator)
        carriers = try c.decode(.carriers, default: d.carriers)
        messages = try c.decode(.messages, default: d.messages)
        webhooks = try c.decode(.webhooks, default: d.webhooks)
        retention = try c.decode(.retention, default: d.retention)
        logging = try c.decode(.logging, default: d.logging)
        customerSMPP = try c.decode(.customerSMPP, default: d.customerSMPP)
        verification = try c.decode(.verification, default: d.verification)
        fraudGuard = try c.decode(.fraudGuard, default: d.fraudGuard)
        portabilityFile = try c.decodeIfPresent(String.self, forKey: .portabilityFile)
        audit = try c.decode(.audit, default: d.audit)
        cluster = try c.decode(.cluster, default: d.cluster)
        dispatch = try c.decode(.dispatch, default: d.dispatch)
    }

    /// Checks the whole configuration; the first problem is thrown with the key that causes it.
    public func validate() throws {
        if let nodeID, nodeID.isEmpty || nodeID.count > 64 { throw ConfigurationError("'node_id' must have 1-64 characters") }
        try http.validate()
        try messages.validate()
        try webhooks.validate()
        try retention.validate()
        try audit.validate()
        try dispatch.validate()
        try simulator.validate()
        try customerSMPP.validate()
        try verification.validate()
        try fraudGuard.validate()
        try cluster.validate()
        if let portabilityFile, portabilityFile.isEmpty { throw ConfigurationError("'portability_file' must be a file path (or be left out)") }
        var seen = Set<String>()
        for carrier in carriers {
            try carrier.validate()
            guard seen.insert(carrier.id).inserted else { throw ConfigurationError("carrier id '\(carrier.id)' is used twice") }
        }
        if carriers.isEmpty && !simulator.enabled {
            throw ConfigurationError("no carrier links: configure 'carriers' or enable the simulator")
        }
    }
}

/// `database:` — where Herald stores its state.
public struct DatabaseSection: Codable, Sendable, Equatable {
    /// `sqlite:PATH` (default `sqlite:<data_directory>/herald.sqlite`) or
    /// `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]` (also `postgresql://`).
    public var url: String?
    /// SQLite `synchronous` mode: `full` (default; every acknowledged message survives power loss) or `normal`.
    public var synchronous: String
    /// PostgreSQL only: most connections this node opens (1–500, default 10).
    public var poolSize: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case url, synchronous
        case poolSize = "pool_size"
    }

    public init(url: String? = nil, synchronous: String = "full", poolSize: Int = 10) {
        self.url = url
        self.synchronous = synchronous
        self.poolSize = poolSize
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            url: try c.decodeIfPresent(String.self, forKey: .url), synchronous: try c.decode(.synchronous, default: "full"),
            poolSize: try c.decode(.poolSize, default: 10))
        guard ["full", "normal"].contains(synchronous) else { throw ConfigurationError("'database.synchronous' must be full or normal") }
        guard (1...500).contains(poolSize) else { throw ConfigurationError("'database.pool_size' must be between 1 and 500, got \(poolSize)") }
    }
}

/// `http:` — the customer API listener.
public struct HTTPSection: Codable, Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Largest accepted request body.
    public var maximumBodyBytes: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case host, port
        case maximumBodyBytes = "max_body_bytes"
    }

    public init(host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 1_048_576) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HTTPSection()
        self.init(host: try c.decode(.host, default: d.host), port: try c.decode(.port, default: d.port), maximumBodyBytes: try c.decode(.maximumBodyBytes, default: d.maximumBodyBytes))
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ConfigurationError("'http.port' must be 0-65535 (0 picks a free port)") }
        guard (1024...(64 << 20)).contains(maximumBodyBytes) else { throw ConfigurationError("'http.max_body_bytes' must be 1024-67108864") }
    }
}

/// `simulator:` — the built-in simulated carrier (a real SMPP SMSC on loopback).
public struct SimulatorSection: Codable, Sendable, Equatable {
    public var enabled: Bool
    /// Port of the simulator's SMPP listener (0: a free port, used only by the built-in `sim` link).
    public var port: Int
    public var systemID: String
    public var password: String
    /// Delay before each submit_sm_resp, and before each receipt.
    public var responseLatencyMilliseconds: Int
    public var receiptLatencyMilliseconds: Int
    /// Share of outcomes by kind (normalised): receipt outcomes `delivered`, `undeliverable`, `expired`,
    /// `rejected`, and submit-level behaviours `invalid_destination`, `throttled`, `system_error`,
    /// `no_response`, `disconnect`.
    public var outcomes: [String: Double]
    /// Outcomes by destination pattern, checked in order before the shares (`+4915*`, `?` = one digit).
    public var rules: [SimulatorRuleSection]
    /// Message ids the simulator hands out: `hex` or `decimal`; receipts quote them in the other form when
    /// `receipt_ids_in_other_base` is set (as some real SMSCs do).
    public var messageIDFormat: String
    public var receiptIDsInOtherBase: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, port
        case systemID = "system_id"
        case password
        case responseLatencyMilliseconds = "response_latency_ms"
        case receiptLatencyMilliseconds = "receipt_latency_ms"
        case outcomes, rules
        case messageIDFormat = "message_id_format"
        case receiptIDsInOtherBase = "receipt_ids_in_other_base"
    }

    public init(
        enabled: Bool = true, port: Int = 0, systemID: String = "herald", password: String = "simulate", responseLatencyMilliseconds: Int = 5,
        receiptLatencyMilliseconds: Int = 50, outcomes: [String: Double] = ["delivered": 1], rules: [SimulatorRuleSection] = [],
        messageIDFormat: String = "hex", receiptIDsInOtherBase: Bool = false
    ) {
        self.rules = rules
        self.enabled = enabled
        self.port = port
        self.systemID = systemID
        self.password = password
        self.responseLatencyMilliseconds = responseLatencyMilliseconds
        self.receiptLatencyMilliseconds = receiptLatencyMilliseconds
        self.outcomes = outcomes
        self.messageIDFormat = messageIDFormat
        self.receiptIDsInOtherBase = receiptIDsInOtherBase
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SimulatorSection()
        self.init(
            enabled: try c.decode(.enabled, default: d.enabled), port: try c.decode(.port, default: d.port),
            systemID: try c.decode(.systemID, default: d.systemID), password: try c.decode(.password, default: d.password),
            responseLatencyMilliseconds: try c.decode(.responseLatencyMilliseconds, default: d.responseLatencyMilliseconds),
            receiptLatencyMilliseconds: try c.decode(.receiptLatencyMilliseconds, default: d.receiptLatencyMilliseconds),
            outcomes: try c.decode(.outcomes, default: d.outcomes), rules: try c.decode(.rules, default: d.rules), messageIDFormat: try c.decode(.messageIDFormat, default: d.messageIDFormat),
            receiptIDsInOtherBase: try c.decode(.receiptIDsInOtherBase, default: d.receiptIDsInOtherBase))
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ConfigurationError("'simulator.port' must be 0-65535") }
        guard (0...60_000).contains(responseLatencyMilliseconds), (0...3_600_000).contains(receiptLatencyMilliseconds) else {
            throw ConfigurationError("'simulator.response_latency_ms' must be 0-60000 and 'receipt_latency_ms' 0-3600000")
        }
        let kinds = SimulatorRuleSection.outcomeNames
        for (kind, share) in outcomes {
            guard kinds.contains(kind) else { throw ConfigurationError("'simulator.outcomes' has unknown outcome '\(kind)'; use \(kinds.sorted().joined(separator: ", "))") }
            guard share >= 0 else { throw ConfigurationError("'simulator.outcomes.\(kind)' must not be negative") }
        }
        for rule in rules {
            guard kinds.contains(rule.outcome) else { throw ConfigurationError("'simulator.rules' has unknown outcome '\(rule.outcome)'; use \(kinds.sorted().joined(separator: ", "))") }
            guard !rule.pattern.isEmpty, rule.pattern.allSatisfy({ $0.isNumber || "+*?".contains($0) }) else {
                throw ConfigurationError("'simulator.rules' pattern '\(rule.pattern)' may only hold digits, a leading '+', '?' and '*'")
            }
        }
        guard outcomes.values.reduce(0, +) > 0 else { throw ConfigurationError("'simulator.outcomes' must have a positive share") }
        guard ["hex", "decimal"].contains(messageIDFormat) else { throw ConfigurationError("'simulator.message_id_format' must be hex or decimal") }
    }
}

/// `messages:` — limits applied to every message (see the README's limits table).
public struct MessagesSection: Codable, Sendable, Equatable {
    public var defaultSender: String
    public var defaultValiditySeconds: Int
    public var maximumValiditySeconds: Int
    public var maximumParts: Int
    public var maximumBatchSize: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case defaultSender = "default_sender"
        case defaultValiditySeconds = "default_validity_seconds"
        case maximumValiditySeconds = "max_validity_seconds"
        case maximumParts = "max_parts"
        case maximumBatchSize = "max_batch_size"
    }

    public init(defaultSender: String = "Herald", defaultValiditySeconds: Int = 86_400, maximumValiditySeconds: Int = 259_200, maximumParts: Int = 10, maximumBatchSize: Int = 100) {
        self.defaultSender = defaultSender
        self.defaultValiditySeconds = defaultValiditySeconds
        self.maximumValiditySeconds = maximumValiditySeconds
        self.maximumParts = maximumParts
        self.maximumBatchSize = maximumBatchSize
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MessagesSection()
        self.init(
            defaultSender: try c.decode(.defaultSender, default: d.defaultSender),
            defaultValiditySeconds: try c.decode(.defaultValiditySeconds, default: d.defaultValiditySeconds),
            maximumValiditySeconds: try c.decode(.maximumValiditySeconds, default: d.maximumValiditySeconds),
            maximumParts: try c.decode(.maximumParts, default: d.maximumParts), maximumBatchSize: try c.decode(.maximumBatchSize, default: d.maximumBatchSize))
    }

    func validate() throws {
        guard (60...maximumValiditySeconds).contains(defaultValiditySeconds) else {
            throw ConfigurationError("'messages.default_validity_seconds' must be between 60 and max_validity_seconds")
        }
        guard maximumValiditySeconds <= 7 * 86_400 else { throw ConfigurationError("'messages.max_validity_seconds' may be at most 604800 (7 days)") }
        guard (1...255).contains(maximumParts) else { throw ConfigurationError("'messages.max_parts' must be 1-255") }
        guard (1...1000).contains(maximumBatchSize) else { throw ConfigurationError("'messages.max_batch_size' must be 1-1000") }
    }
}

/// `webhooks:` — status callback delivery.
public struct WebhooksSection: Codable, Sendable, Equatable {
    public var maximumAttempts: Int
    public var initialDelaySeconds: Int
    public var maximumDelaySeconds: Int
    public var timeoutSeconds: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maximumAttempts = "max_attempts"
        case initialDelaySeconds = "initial_delay_seconds"
        case maximumDelaySeconds = "max_delay_seconds"
        case timeoutSeconds = "timeout_seconds"
    }

    public init(maximumAttempts: Int = 20, initialDelaySeconds: Int = 10, maximumDelaySeconds: Int = 3600, timeoutSeconds: Int = 10) {
        self.maximumAttempts = maximumAttempts
        self.initialDelaySeconds = initialDelaySeconds
        self.maximumDelaySeconds = maximumDelaySeconds
        self.timeoutSeconds = timeoutSeconds
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WebhooksSection()
        self.init(
            maximumAttempts: try c.decode(.maximumAttempts, default: d.maximumAttempts), initialDelaySeconds: try c.decode(.initialDelaySeconds, default: d.initialDelaySeconds),
            maximumDelaySeconds: try c.decode(.maximumDelaySeconds, default: d.maximumDelaySeconds), timeoutSeconds: try c.decode(.timeoutSeconds, default: d.timeoutSeconds))
    }

    func validate() throws {
        guard (1...100).contains(maximumAttempts) else { throw ConfigurationError("'webhooks.max_attempts' must be 1-100") }
        guard initialDelaySeconds >= 1, maximumDelaySeconds >= initialDelaySeconds else {
            throw ConfigurationError("'webhooks.initial_delay_seconds' must be ≥ 1 and ≤ max_delay_seconds")
        }
        guard (1...120).contains(timeoutSeconds) else { throw ConfigurationError("'webhooks.timeout_seconds' must be 1-120") }
    }
}

/// `retention:` — how long data is kept.
public struct RetentionSection: Codable, Sendable, Equatable {
    /// Days retained message bodies are kept before they are erased (1-3650).
    public var messageBodyDays: Int
    /// Seconds after validity to wait for a receipt before a submitted message is marked expired.
    public var receiptGraceSeconds: Int
    /// Days the audit log keeps sealed values (full phone numbers, client addresses) before erasing them;
    /// the entries and their commitments stay, so the log still verifies (1-3650). Message text in the
    /// audit log is erased with the message body (`message_body_days`) or by this, whichever comes first.
    public var auditSealedDays: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case messageBodyDays = "message_body_days"
        case receiptGraceSeconds = "receipt_grace_seconds"
        case auditSealedDays = "audit_sealed_days"
    }

    public init(messageBodyDays: Int = 30, receiptGraceSeconds: Int = 3600, auditSealedDays: Int = 90) {
        self.messageBodyDays = messageBodyDays
        self.receiptGraceSeconds = receiptGraceSeconds
        self.auditSealedDays = auditSealedDays
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RetentionSection()
        self.init(
            messageBodyDays: try c.decode(.messageBodyDays, default: d.messageBodyDays), receiptGraceSeconds: try c.decode(.receiptGraceSeconds, default: d.receiptGraceSeconds),
            auditSealedDays: try c.decode(.auditSealedDays, default: d.auditSealedDays))
    }

    func validate() throws {
        guard (1...3650).contains(messageBodyDays) else { throw ConfigurationError("'retention.message_body_days' must be 1-3650") }
        guard (1...3650).contains(auditSealedDays) else { throw ConfigurationError("'retention.audit_sealed_days' must be 1-3650") }
        guard (0...604_800).contains(receiptGraceSeconds) else { throw ConfigurationError("'retention.receipt_grace_seconds' must be 0-604800") }
    }
}

/// `logging:` — structured logs on standard error.
public struct LoggingSection: Codable, Sendable, Equatable {
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`.
    public var level: String
    /// `text` or `json` (one JSON object per line).
    public var format: String

    enum CodingKeys: String, CodingKey, CaseIterable { case level, format }

    public init(level: String = "info", format: String = "text") {
        self.level = level
        self.format = format
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(level: try c.decode(.level, default: "info"), format: try c.decode(.format, default: "text"))
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(level) else {
            throw ConfigurationError("'logging.level' must be trace, debug, info, notice, warning, error or critical")
        }
        guard ["text", "json"].contains(format) else { throw ConfigurationError("'logging.format' must be text or json") }
    }
}

/// One `simulator.rules` entry: destinations matching `pattern` get `outcome`.
public struct SimulatorRuleSection: Codable, Sendable, Equatable {
    public var pattern: String
    public var outcome: String

    static let outcomeNames: Set<String> = [
        "delivered", "undeliverable", "expired", "rejected", "invalid_destination", "throttled", "system_error", "no_response", "disconnect",
    ]

    enum CodingKeys: String, CodingKey, CaseIterable { case pattern, outcome }

    public init(pattern: String, outcome: String) {
        self.pattern = pattern
        self.outcome = outcome
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(pattern: try c.decode(String.self, forKey: .pattern), outcome: try c.decode(String.self, forKey: .outcome))
    }
}
