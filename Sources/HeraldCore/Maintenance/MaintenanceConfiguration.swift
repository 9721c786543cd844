/// Timings of the housekeeping work (expiry, retention, clean-up). Each is documented in the README.
public struct MaintenanceConfiguration: Sendable, Equatable {
    /// How often housekeeping runs.
    public var interval: Duration
    /// After `valid_until`, how long to wait for a receipt before a submitted message is marked expired.
    public var receiptGrace: Duration
    /// How long retained message bodies are kept before they are erased (`nil`: keep).
    public var bodyRetention: Duration?
    /// How long the audit log keeps sealed values (full numbers, message text) before erasing them; the
    /// entries keep their commitments (`nil`: keep).
    public var auditSealedValueRetention: Duration?

    public init(
        interval: Duration = .seconds(5), receiptGrace: Duration = .seconds(3600), bodyRetention: Duration? = .seconds(30 * 86_400),
        auditSealedValueRetention: Duration? = .seconds(90 * 86_400)
    ) {
        self.interval = interval
        self.receiptGrace = receiptGrace
        self.bodyRetention = bodyRetention
        self.auditSealedValueRetention = auditSealedValueRetention
    }
}
