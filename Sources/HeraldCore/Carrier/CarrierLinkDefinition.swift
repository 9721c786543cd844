/// The settings of one carrier link (an SMPP peer Herald binds to), as stored in the database and changed
/// through approved proposals. Links from the configuration file seed the database on first sight.
///
/// JSON uses the configuration file's snake_case keys; every key but `id`, `host`, `port`, `system_id` and
/// `password` has a default.
///
/// ```swift
/// let link = CarrierLinkDefinition(id: "acme-de", host: "smpp.acme.example", port: 2775, systemID: "herald", password: "s3cret", binds: 2)
/// try link.validate()
/// ```
public struct CarrierLinkDefinition: Sendable, Equatable, Codable {
    public var id: String
    public var host: String
    public var port: Int
    public var systemID: String
    public var password: String
    public var systemType: String
    /// `transceiver`, `transmitter` or `receiver` (a transmitter link receives no receipts).
    public var bindMode: String
    /// Binds kept open to this peer.
    public var binds: Int
    /// Outstanding submit_sm per bind.
    public var window: Int
    /// Submissions per second across the link (0 = unlimited).
    public var tps: Double
    public var responseTimeoutMilliseconds: Int
    /// How often one submission is retried on the same bind after ESME_RTHROTTLED / ESME_RMSGQFUL before the
    /// dispatcher is told (and may fail over to another link); 0-20.
    public var throttleRetries: Int
    public var enquireLinkSeconds: Int
    public var tls: Bool
    /// What data_coding 0 means to this peer: `gsm7`, `gsm7_packed`, `ascii`, `latin1`.
    public var dataCodingZero: String
    public var allowLatin1: Bool
    /// Long messages: `udh8`, `udh16`, `sar` or `payload`.
    public var concatenation: String
    public var maximumParts: Int
    /// `auto`, `same`, `hex_to_decimal`, `decimal_to_hex`.
    public var receiptIDStyle: String

    /// What replaces the password wherever a definition is shown.
    public static let redactedPassword = "(hidden)"

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

    /// The JSON keys of a definition.
    public static let fieldNames = CodingKeys.allCases.map(\.stringValue)

    public init(
        id: String, host: String, port: Int, systemID: String, password: String, systemType: String = "", bindMode: String = "transceiver",
        binds: Int = 1, window: Int = 32, tps: Double = 0, responseTimeoutMilliseconds: Int = 10_000, throttleRetries: Int = 8, enquireLinkSeconds: Int = 30,
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
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CarrierLinkDefinition(id: "", host: "", port: 0, systemID: "", password: "")
        self.init(
            id: try c.decode(String.self, forKey: .id), host: try c.decode(String.self, forKey: .host), port: try c.decode(Int.self, forKey: .port),
            systemID: try c.decode(String.self, forKey: .systemID), password: try c.decode(String.self, forKey: .password),
            systemType: try c.decodeIfPresent(String.self, forKey: .systemType) ?? d.systemType,
            bindMode: try c.decodeIfPresent(String.self, forKey: .bindMode) ?? d.bindMode,
            binds: try c.decodeIfPresent(Int.self, forKey: .binds) ?? d.binds, window: try c.decodeIfPresent(Int.self, forKey: .window) ?? d.window,
            tps: try c.decodeIfPresent(Double.self, forKey: .tps) ?? d.tps,
            responseTimeoutMilliseconds: try c.decodeIfPresent(Int.self, forKey: .responseTimeoutMilliseconds) ?? d.responseTimeoutMilliseconds,
            throttleRetries: try c.decodeIfPresent(Int.self, forKey: .throttleRetries) ?? d.throttleRetries,
            enquireLinkSeconds: try c.decodeIfPresent(Int.self, forKey: .enquireLinkSeconds) ?? d.enquireLinkSeconds,
            tls: try c.decodeIfPresent(Bool.self, forKey: .tls) ?? d.tls,
            dataCodingZero: try c.decodeIfPresent(String.self, forKey: .dataCodingZero) ?? d.dataCodingZero,
            allowLatin1: try c.decodeIfPresent(Bool.self, forKey: .allowLatin1) ?? d.allowLatin1,
            concatenation: try c.decodeIfPresent(String.self, forKey: .concatenation) ?? d.concatenation,
            maximumParts: try c.decodeIfPresent(Int.self, forKey: .maximumParts) ?? d.maximumParts,
            receiptIDStyle: try c.decodeIfPresent(String.self, forKey: .receiptIDStyle) ?? d.receiptIDStyle)
    }

    /// The definition with its password replaced by ``redactedPassword``.
    public var redacted: CarrierLinkDefinition {
        var copy = self
        copy.password = Self.redactedPassword
        return copy
    }

    /// Whether `id` is a usable link id: 1-64 ASCII letters, digits, `-` or `_`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
    }

    /// Checks every value.
    ///
    /// - Throws: ``HeraldError`` `invalid_carrier_link` naming the field at fault.
    public func validate() throws {
        func fail(_ field: String, _ message: String) -> HeraldError {
            HeraldError.invalid("invalid_carrier_link", "carrier link '\(id)': \(message)", field: field)
        }
        guard Self.isValidID(id) else {
            throw HeraldError.invalid("invalid_carrier_link", "a carrier link id must be 1-64 letters, digits, '-' or '_'", field: "id")
        }
        guard !host.isEmpty, host.utf8.count <= 253, !host.contains(where: \.isWhitespace) else {
            throw fail("host", "'host' must be a host name or address without spaces")
        }
        guard (1...65_535).contains(port) else { throw fail("port", "'port' must be 1-65535") }
        guard !systemID.isEmpty, systemID.utf8.count <= 15 else { throw fail("system_id", "'system_id' must have 1-15 characters") }
        guard password.utf8.count <= 64 else { throw fail("password", "'password' may have at most 64 characters") }
        guard systemType.utf8.count <= 12 else { throw fail("system_type", "'system_type' may have at most 12 characters") }
        guard ["transceiver", "transmitter", "receiver"].contains(bindMode) else {
            throw fail("bind_mode", "'bind_mode' must be transceiver, transmitter or receiver")
        }
        guard (1...64).contains(binds) else { throw fail("binds", "'binds' must be 1-64") }
        guard (1...1024).contains(window) else { throw fail("window", "'window' must be 1-1024") }
        guard tps >= 0, tps.isFinite else { throw fail("tps", "'tps' must be 0 (unlimited) or positive") }
        guard (100...300_000).contains(responseTimeoutMilliseconds) else { throw fail("response_timeout_ms", "'response_timeout_ms' must be 100-300000") }
        guard (0...20).contains(throttleRetries) else { throw fail("throttle_retries", "'throttle_retries' must be 0-20") }
        guard (0...3600).contains(enquireLinkSeconds) else { throw fail("enquire_link_seconds", "'enquire_link_seconds' must be 0-3600") }
        guard ["gsm7", "gsm7_packed", "ascii", "latin1"].contains(dataCodingZero) else {
            throw fail("data_coding_zero", "'data_coding_zero' must be gsm7, gsm7_packed, ascii or latin1")
        }
        guard ["udh8", "udh16", "sar", "payload"].contains(concatenation) else {
            throw fail("concatenation", "'concatenation' must be udh8, udh16, sar or payload")
        }
        guard (1...255).contains(maximumParts) else { throw fail("max_parts", "'max_parts' must be 1-255") }
        guard ["auto", "same", "hex_to_decimal", "decimal_to_hex"].contains(receiptIDStyle) else {
            throw fail("receipt_id_style", "'receipt_id_style' must be auto, same, hex_to_decimal or decimal_to_hex")
        }
    }
}
