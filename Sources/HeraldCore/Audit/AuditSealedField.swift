/// One sensitive value of an audit entry as stored: the log commits only to `commitment`
/// (a salted hash), so `salt` and `value` can be erased later while the entry still verifies.
///
/// ```swift
/// let field = record.sealedFields.first { $0.name == "to" }
/// field?.isErased   // true once retention removed the number
/// ```
public struct AuditSealedField: Sendable, Equatable {
    /// The key of ``AuditEvent/sensitive`` the value came from, e.g. `to` or `body`.
    public var name: String
    /// `SHA-256(salt ‖ value)`, 32 bytes; kept for ever.
    public var commitment: [UInt8]
    /// 32 random bytes; `nil` once erased.
    public var salt: [UInt8]?
    /// The value's UTF-8 bytes; `nil` once erased.
    public var value: [UInt8]?

    public init(name: String, commitment: [UInt8], salt: [UInt8]?, value: [UInt8]?) {
        self.name = name
        self.commitment = commitment
        self.salt = salt
        self.value = value
    }

    /// Whether the value and its salt have been erased (retention) or were left out (a redacted read).
    public var isErased: Bool { salt == nil || value == nil }

    /// The same field without its value and salt.
    public var erased: AuditSealedField { AuditSealedField(name: name, commitment: commitment, salt: nil, value: nil) }
}
