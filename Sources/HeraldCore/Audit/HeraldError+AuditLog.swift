extension HeraldError {
    /// An index or tree size asked of the audit log lies beyond it, or a range is reversed.
    public static func auditRangeInvalid(_ message: String, field: String? = nil) -> HeraldError {
        HeraldError.invalid("audit_range_invalid", message, field: field)
    }

    /// The stored audit log contradicts itself or an earlier checkpoint (tampering or corruption);
    /// Herald refuses to sign or prove anything about it. The message names what disagrees.
    public static func auditLogInconsistent(_ message: String) -> HeraldError {
        HeraldError(.internal, code: "audit_log_inconsistent", message)
    }
}
