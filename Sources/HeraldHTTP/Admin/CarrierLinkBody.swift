import HeraldCore

/// The body of `POST /v1/admin/carrier-links` and `PUT /v1/admin/carrier-links/{id}`: a link's settings in
/// the configuration file's keys, and a `note`. For a change every key is optional: those left out keep
/// their current values (so a password need not be sent again).
struct CarrierLinkBody: Decodable, Sendable {
    var id: String?
    var host: String?
    var port: Int?
    var systemID: String?
    var password: String?
    var systemType: String?
    var bindMode: String?
    var binds: Int?
    var window: Int?
    var tps: Double?
    var responseTimeoutMilliseconds: Int?
    var throttleRetries: Int?
    var enquireLinkSeconds: Int?
    var tls: Bool?
    var dataCodingZero: String?
    var allowLatin1: Bool?
    var concatenation: String?
    var maximumParts: Int?
    var receiptIDStyle: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
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
        case note
    }

    static let integerFields: Set<String> = ["port", "binds", "window", "response_timeout_ms", "throttle_retries", "enquire_link_seconds", "max_parts"]

    static let shape = JSONShape.object(Dictionary(uniqueKeysWithValues: (CarrierLinkDefinition.fieldNames + ["note"]).map {
        ($0, integerFields.contains($0) ? JSONShape.integer : JSONShape.value)
    }))

    /// A new link's definition: `id`, `host`, `port`, `system_id` and `password` are required.
    func newDefinition() throws -> CarrierLinkDefinition {
        guard let id else { throw HTTPProblem.missingField("id") }
        guard let host else { throw HTTPProblem.missingField("host") }
        guard let port else { throw HTTPProblem.missingField("port") }
        guard let systemID else { throw HTTPProblem.missingField("system_id") }
        guard let password else { throw HTTPProblem.missingField("password") }
        return applied(to: CarrierLinkDefinition(id: id, host: host, port: port, systemID: systemID, password: password))
    }

    /// `base` with every value this body names replaced (the id is never changed).
    func applied(to base: CarrierLinkDefinition) -> CarrierLinkDefinition {
        var d = base
        if let host { d.host = host }
        if let port { d.port = port }
        if let systemID { d.systemID = systemID }
        if let password { d.password = password }
        if let systemType { d.systemType = systemType }
        if let bindMode { d.bindMode = bindMode }
        if let binds { d.binds = binds }
        if let window { d.window = window }
        if let tps { d.tps = tps }
        if let responseTimeoutMilliseconds { d.responseTimeoutMilliseconds = responseTimeoutMilliseconds }
        if let throttleRetries { d.throttleRetries = throttleRetries }
        if let enquireLinkSeconds { d.enquireLinkSeconds = enquireLinkSeconds }
        if let tls { d.tls = tls }
        if let dataCodingZero { d.dataCodingZero = dataCodingZero }
        if let allowLatin1 { d.allowLatin1 = allowLatin1 }
        if let concatenation { d.concatenation = concatenation }
        if let maximumParts { d.maximumParts = maximumParts }
        if let receiptIDStyle { d.receiptIDStyle = receiptIDStyle }
        return d
    }
}
