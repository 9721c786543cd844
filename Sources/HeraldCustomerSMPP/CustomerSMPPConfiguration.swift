import SMSText

/// Settings of the customer SMPP listener (the `customer_smpp:` section of the configuration file).
///
/// ```swift
/// var configuration = CustomerSMPPConfiguration(host: "127.0.0.1", port: 2775)
/// configuration.dataCodingZero = .ia5   // customers' data_coding 0 means ASCII here
/// ```
public struct CustomerSMPPConfiguration: Sendable, Equatable {
    /// Interface and port to listen on (port 0 picks a free port).
    public var host: String
    public var port: Int
    /// The system_id Herald answers binds with.
    public var systemID: String
    /// What `data_coding` 0 means in customers' submissions, and how Herald encodes what it sends them.
    public var dataCodingZero: DefaultAlphabet
    /// Connections (bound or not) the listener accepts at once.
    public var maximumConnections: Int
    /// How long the parts of an incomplete multipart message wait for the rest.
    public var multipartTimeout: Duration
    /// How long a receipt or inbound message waits for a receiving bind before it is given up.
    public var deliveryHold: Duration
    /// Attempts on a bound session before a receipt or inbound message is given up.
    public var maximumDeliveryAttempts: Int
    /// Delay before retrying a deliver_sm the customer did not acknowledge (doubling up to 60 s).
    public var deliveryRetryDelay: Duration
    /// Time the customer has to answer a deliver_sm.
    public var deliveryResponseTimeout: Duration
    /// Send enquire_link to a session idle this long.
    public var enquireLinkInterval: Duration
    /// How often the outbox is checked while customers are bound (new entries also wake it).
    public var pollInterval: Duration

    public init(host: String = "127.0.0.1", port: Int = 2775) {
        self.host = host
        self.port = port
        systemID = "Herald"
        dataCodingZero = .gsm7Unpacked
        maximumConnections = 1000
        multipartTimeout = .seconds(60)
        deliveryHold = .seconds(72 * 3600)
        maximumDeliveryAttempts = 10
        deliveryRetryDelay = .seconds(2)
        deliveryResponseTimeout = .seconds(30)
        enquireLinkInterval = .seconds(60)
        pollInterval = .milliseconds(250)
    }

    /// The text profile of customers: `data_coding` 0 as configured, also IA5 (1), Latin-1 (3) and UCS-2 (8).
    var textProfile: PeerTextProfile {
        var encodings: Set<TextEncoding> = [.ucs2]
        switch dataCodingZero {
        case .ia5: encodings.insert(.ia5)
        case .latin1: encodings.insert(.latin1)
        case .gsm7Unpacked, .gsm7Packed: encodings.insert(.gsm7)
        }
        return PeerTextProfile(defaultAlphabet: dataCodingZero, acceptedEncodings: encodings)
    }
}
