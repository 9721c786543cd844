/// `customer_smpp:` — the SMPP listener customers bind to (off by default; see docs/customer-smpp.md).
public struct CustomerSMPPSection: Codable, Sendable, Equatable {
    public var enabled: Bool
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// The system_id Herald answers binds with.
    public var systemID: String
    /// What `data_coding` 0 means in customers' submissions: `gsm7` (GSM 03.38, one septet per octet),
    /// `gsm7_packed`, `ascii` or `latin1`.
    public var dataCodingZero: String
    public var maximumConnections: Int
    /// Seconds the parts of an incomplete multipart submission wait for the rest.
    public var multipartTimeoutSeconds: Int
    /// Hours a receipt or inbound message waits for a receiving bind before it is given up.
    public var deliveryHoldHours: Int
    /// Attempts on a bound session before a receipt or inbound message is given up.
    public var maximumDeliveryAttempts: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, host, port
        case systemID = "system_id"
        case dataCodingZero = "data_coding_zero"
        case maximumConnections = "max_connections"
        case multipartTimeoutSeconds = "multipart_timeout_seconds"
        case deliveryHoldHours = "delivery_hold_hours"
        case maximumDeliveryAttempts = "max_delivery_attempts"
    }

    static let dataCodingZeroValues = ["gsm7", "gsm7_packed", "ascii", "latin1"]

    public init(
        enabled: Bool = false, host: String = "127.0.0.1", port: Int = 2775, systemID: String = "Herald", dataCodingZero: String = "gsm7",
        maximumConnections: Int = 1000, multipartTimeoutSeconds: Int = 60, deliveryHoldHours: Int = 72, maximumDeliveryAttempts: Int = 10
    ) {
        self.enabled = enabled
        self.host = host
        self.port = port
        self.systemID = systemID
        self.dataCodingZero = dataCodingZero
        self.maximumConnections = maximumConnections
        self.multipartTimeoutSeconds = multipartTimeoutSeconds
        self.deliveryHoldHours = deliveryHoldHours
        self.maximumDeliveryAttempts = maximumDeliveryAttempts
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CustomerSMPPSection()
        self.init(
            enabled: try c.decode(.enabled, default: d.enabled), host: try c.decode(.host, default: d.host), port: try c.decode(.port, default: d.port),
            systemID: try c.decode(.systemID, default: d.systemID), dataCodingZero: try c.decode(.dataCodingZero, default: d.dataCodingZero),
            maximumConnections: try c.decode(.maximumConnections, default: d.maximumConnections),
            multipartTimeoutSeconds: try c.decode(.multipartTimeoutSeconds, default: d.multipartTimeoutSeconds),
            deliveryHoldHours: try c.decode(.deliveryHoldHours, default: d.deliveryHoldHours),
            maximumDeliveryAttempts: try c.decode(.maximumDeliveryAttempts, default: d.maximumDeliveryAttempts))
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ConfigurationError("'customer_smpp.port' must be 0-65535 (0 picks a free port)") }
        guard !host.isEmpty else { throw ConfigurationError("'customer_smpp.host' must not be empty") }
        guard (1...15).contains(systemID.utf8.count), systemID.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw ConfigurationError("'customer_smpp.system_id' must have 1-15 printable ASCII characters")
        }
        guard Self.dataCodingZeroValues.contains(dataCodingZero) else {
            throw ConfigurationError("'customer_smpp.data_coding_zero' must be \(Self.dataCodingZeroValues.joined(separator: ", "))")
        }
        guard (1...100_000).contains(maximumConnections) else { throw ConfigurationError("'customer_smpp.max_connections' must be 1-100000") }
        guard (5...3600).contains(multipartTimeoutSeconds) else { throw ConfigurationError("'customer_smpp.multipart_timeout_seconds' must be 5-3600") }
        guard (1...720).contains(deliveryHoldHours) else { throw ConfigurationError("'customer_smpp.delivery_hold_hours' must be 1-720") }
        guard (1...100).contains(maximumDeliveryAttempts) else { throw ConfigurationError("'customer_smpp.max_delivery_attempts' must be 1-100") }
    }
}
