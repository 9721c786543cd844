/// The limits Herald applies to every message it accepts. Each is documented in the README.
public struct MessagePolicy: Sendable, Equatable {
    /// Validity used when a request gives none.
    public var defaultValidity: Duration
    public var minimumValidity: Duration
    public var maximumValidity: Duration
    /// How far ahead a send may be scheduled.
    public var maximumScheduleAhead: Duration
    /// Sender ID used when a request gives none.
    public var defaultSender: String
    public var maximumClientReferenceLength: Int
    public var maximumCallbackURLLength: Int
    /// Messages per batch request.
    public var maximumBatchSize: Int
    /// Number types Herald refuses to send to (SMS pumping targets and numbers that cannot receive SMS).
    public var refusedNumberTypes: Set<String>
    /// How long an idempotency key and its stored answer are kept.
    public var idempotencyRetention: Duration
    /// Longest accepted `Idempotency-Key`.
    public var maximumIdempotencyKeyLength: Int

    public init(
        defaultValidity: Duration = .seconds(86_400), minimumValidity: Duration = .seconds(60),
        maximumValidity: Duration = .seconds(259_200), maximumScheduleAhead: Duration = .seconds(7 * 86_400),
        defaultSender: String = "Herald", maximumClientReferenceLength: Int = 128, maximumCallbackURLLength: Int = 2048,
        maximumBatchSize: Int = 100,
        refusedNumberTypes: Set<String> = ["premium_rate", "shared_cost", "toll_free", "uan", "voicemail", "pager"],
        idempotencyRetention: Duration = .seconds(86_400), maximumIdempotencyKeyLength: Int = 255
    ) {
        self.defaultValidity = defaultValidity
        self.minimumValidity = minimumValidity
        self.maximumValidity = maximumValidity
        self.maximumScheduleAhead = maximumScheduleAhead
        self.defaultSender = defaultSender
        self.maximumClientReferenceLength = maximumClientReferenceLength
        self.maximumCallbackURLLength = maximumCallbackURLLength
        self.maximumBatchSize = maximumBatchSize
        self.refusedNumberTypes = refusedNumberTypes
        self.idempotencyRetention = idempotencyRetention
        self.maximumIdempotencyKeyLength = maximumIdempotencyKeyLength
    }
}
