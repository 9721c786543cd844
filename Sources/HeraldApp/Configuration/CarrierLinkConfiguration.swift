import HeraldCore

/// One carrier link: an SMPP peer Herald binds to, with its credentials, bind count and limits.
///
/// ```yaml
/// carriers:
///   - id: acme-de
///     host: smpp.acme.example
///     port: 2775
///     system_id: herald
///     password: s3cret
///     binds: 2
///     window: 64
///     tps: 500
/// ```
public struct CarrierLinkConfiguration: Codable, Sendable, Equatable {
    public var id: String
    public var host: String
    public var port: Int
    public var systemID: String
    public var password: String
    public var systemType: String
    /// `transceiver`, `transmitter` or `receiver` (a transmitter link receives no receipts).
    public var bindMode: String
    /// Binds kept open to this peer (the carrier's bind-count limit).
    public var binds: Int
    /// Outstanding submit_sm per bind.
    public var window: Int
    /// Submissions per second across the link (0 = unlimited).
    public var tps: Double
    public var responseTimeoutMilliseconds: Int
    /// How often a bind retries a submit the carrier answered ESME_RTHROTTLED / ESME_RMSGQFUL (backing off
    /// 100 ms, doubling, up to 10 s) before the dispatcher is told and fails over to the next link.
    public var throttleRetries: Int
    public var enquireLinkSeconds: Int
    public var tls: Bool
    /// What data_coding 0 means to this peer: `gsm7` (unpacked GSM 03.38), `gsm7_packed`, `ascii`, `latin1`.
    public var dataCodingZero: String
    /// Send Latin-1 (data_coding 3) when a text fits it and not GSM 7-bit, instead of UCS-2.
    public var allowLatin1: Bool
    /// Long messages: `udh8`, `udh16`, `sar` or `payload` (message_payload TLV).
    public var concatenation: String
    public var maximumParts: Int
    /// How the carrier writes message ids in receipts relative to submit_sm_resp: `auto`, `same`, `hex_to_decimal`, `decimal_to_hex`.
    public var receiptIDStyle: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, host, port
        case systemID = "system_id"
        case password
        case systemType = "system_type"
        case bindMode = "bind_mode"
        case binds, window, tps
        case responseTimeoutMilliseconds = "response_timeout_ms"
        case throttleRetries = "throttle_retries"
        case enquireLinkSeconds = "enquire_link_seconds"
        case tls
        case dataCodingZero = "data_coding_zero"
        case allowLatin1 = "allow_latin1"
        case concatenation
        case maximumParts = "max_parts"
        case receiptIDStyle = "receipt_id_style"
    }

    public init(
        id: String, host: String, port: Int, systemID: String, password: String, systemType: String = "", bindMode: String = "transceiver",
        binds: Int = 1, window: Int = 32, tps: Double = 0, responseTimeoutMilliseconds: Int = 10_000, throttleRetries: Int = 8,
        enquireLinkSeconds: Int = 30,
        tls: Bool = false, dataCodingZero: String = "gsm7", allowLatin1: Bool = false, concatenation: String = "udh8", maximumParts: Int = 10,
        receiptIDStyle: String = "auto"
    ) {
        self.id = id
        self.host = host
        self.port = port
        self.systemID = systemID
        self.password = password
        self.systemType = systemType
        self.bindMode = bindMode
        self.binds = binds
        self.window = window
        self.tps = tps
        self.responseTimeoutMilliseconds = responseTimeoutMilliseconds
        self.throttleRetries = throttleRetries
        self.enquireLinkSeconds = enquireLinkSeconds
        self.tls = tls
        self.dataCodingZero = dataCodingZero
        self.allowLatin1 = allowLatin1
        self.concatenation = concatenation
        self.maximumParts = maximumParts
        self.receiptIDStyle = receiptIDStyle
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CarrierLinkConfiguration(id: "", host: "", port: 0, systemID: "", password: "")
        self.init(
            id: try c.decode(String.self, forKey: .id), host: try c.decode(String.self, forKey: .host), port: try c.decode(Int.self, forKey: .port),
            systemID: try c.decode(String.self, forKey: .systemID), password: try c.decode(String.self, forKey: .password),
            systemType: try c.decode(.systemType, default: defaults.systemType), bindMode: try c.decode(.bindMode, default: defaults.bindMode),
            binds: try c.decode(.binds, default: defaults.binds), window: try c.decode(.window, default: defaults.window),
            tps: try c.decode(.tps, default: defaults.tps),
            responseTimeoutMilliseconds: try c.decode(.responseTimeoutMilliseconds, default: defaults.responseTimeoutMilliseconds),
            throttleRetries: try c.decode(.throttleRetries, default: defaults.throttleRetries),
            enquireLinkSeconds: try c.decode(.enquireLinkSeconds, default: defaults.enquireLinkSeconds), tls: try c.decode(.tls, default: defaults.tls),
            dataCodingZero: try c.decode(.dataCodingZero, default: defaults.dataCodingZero), allowLatin1: try c.decode(.allowLatin1, default: defaults.allowLatin1),
            concatenation: try c.decode(.concatenation, default: defaults.concatenation), maximumParts: try c.decode(.maximumParts, default: defaults.maximumParts),
            receiptIDStyle: try c.decode(.receiptIDStyle, default: defaults.receiptIDStyle))
    }

    /// The link as the database stores it (the configuration's links seed the database on first sight).
    public var definition: CarrierLinkDefinition {
        CarrierLinkDefinition(
            id: id, host: host, port: port, systemID: systemID, password: password, systemType: systemType, bindMode: bindMode, binds: binds,
            window: window, tps: tps, responseTimeoutMilliseconds: responseTimeoutMilliseconds, throttleRetries: throttleRetries,
            enquireLinkSeconds: enquireLinkSeconds, tls: tls,
            dataCodingZero: dataCodingZero, allowLatin1: allowLatin1, concatenation: concatenation, maximumParts: maximumParts,
            receiptIDStyle: receiptIDStyle)
    }

    /// Checks every value; the message names the link and the key.
    public func validate() throws {
        func fail(_ message: String) -> ConfigurationError { ConfigurationError("carrier '\(id)': \(message)") }
        guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ConfigurationError("carrier id '\(id)' must be 1-64 letters, digits, '-' or '_'")
        }
        guard !host.isEmpty else { throw fail("'host' must not be empty") }
        guard (1...65_535).contains(port) else { throw fail("'port' must be 1-65535") }
        guard !systemID.isEmpty, systemID.utf8.count <= 15 else { throw fail("'system_id' must have 1-15 characters") }
        guard password.utf8.count <= 64 else { throw fail("'password' may have at most 64 characters") }
        guard systemType.utf8.count <= 12 else { throw fail("'system_type' may have at most 12 characters") }
        guard ["transceiver", "transmitter", "receiver"].contains(bindMode) else { throw fail("'bind_mode' must be transceiver, transmitter or receiver") }
        guard (1...64).contains(binds) else { throw fail("'binds' must be 1-64") }
        guard (1...1024).contains(window) else { throw fail("'window' must be 1-1024") }
        guard tps >= 0 else { throw fail("'tps' must be 0 (unlimited) or positive") }
        guard (100...300_000).contains(responseTimeoutMilliseconds) else { throw fail("'response_timeout_ms' must be 100-300000") }
        guard (0...20).contains(throttleRetries) else { throw fail("'throttle_retries' must be 0-20") }
        guard (0...3600).contains(enquireLinkSeconds) else { throw fail("'enquire_link_seconds' must be 0-3600") }
        guard ["gsm7", "gsm7_packed", "ascii", "latin1"].contains(dataCodingZero) else { throw fail("'data_coding_zero' must be gsm7, gsm7_packed, ascii or latin1") }
        guard ["udh8", "udh16", "sar", "payload"].contains(concatenation) else { throw fail("'concatenation' must be udh8, udh16, sar or payload") }
        guard (1...255).contains(maximumParts) else { throw fail("'max_parts' must be 1-255") }
        guard ["auto", "same", "hex_to_decimal", "decimal_to_hex"].contains(receiptIDStyle) else {
            throw fail("'receipt_id_style' must be auto, same, hex_to_decimal or decimal_to_hex")
        }
    }
}
