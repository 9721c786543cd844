/// A message part the simulator received, as recorded for inspection by tests and demos.
public struct SimulatedSubmission: Sendable, Hashable {
    public var systemID: String
    public var source: String
    public var destination: String
    /// The decoded text of this part (without UDH), when it is text.
    public var text: String?
    public var dataCoding: UInt8
    public var esmClass: UInt8
    /// The id returned in submit_sm_resp (`nil` when the part was refused).
    public var messageID: String?
    public var outcome: SimulatedOutcome
    /// When the submit_sm arrived (before the configured response latency).
    public var receivedAt: ContinuousClock.Instant
}
