/// Counts for one country or prefix over a period.
public struct VerificationStatisticsRow: Sendable, Equatable, Codable {
    /// The country code or prefix.
    public var key: String
    /// Verifications started.
    public var verifications: Int
    /// SMS sent for them (first sends and resends).
    public var sends: Int
    /// Verifications approved.
    public var approved: Int

    public init(key: String, verifications: Int, sends: Int, approved: Int) {
        self.key = key
        self.verifications = verifications
        self.sends = sends
        self.approved = approved
    }

    /// `approved / verifications` (0 when there were none).
    public var conversionRate: Double { verifications > 0 ? Double(approved) / Double(verifications) : 0 }
}
