import HeraldSimulator

/// The body of `GET /stats` of `herald simulator --stats-port`: the simulator's counters and how many
/// destinations were accepted more than once.
public struct SimulatorStatisticsReport: Codable, Sendable, Equatable {
    public var submitted: Int
    public var accepted: Int
    public var refused: Int
    public var delivered: Int
    public var pendingDeliveries: Int
    public var boundSessions: Int
    /// Distinct destinations submitted to.
    public var destinations: Int
    /// Destinations accepted more than once (a gateway submitted the same message again, or sent two messages to one number).
    public var destinationsAcceptedMoreThanOnce: Int

    enum CodingKeys: String, CodingKey {
        case submitted, accepted, refused, delivered, destinations
        case pendingDeliveries = "pending_deliveries"
        case boundSessions = "bound_sessions"
        case destinationsAcceptedMoreThanOnce = "destinations_accepted_more_than_once"
    }

    public init(statistics: SimulatorStatistics, tally: [String: SubmissionTally.Counts]) {
        submitted = statistics.submitted
        accepted = statistics.accepted
        refused = statistics.refused
        delivered = statistics.delivered
        pendingDeliveries = statistics.pendingDeliveries
        boundSessions = statistics.boundSessions
        destinations = tally.count
        destinationsAcceptedMoreThanOnce = tally.values.filter { $0.accepted > 1 }.count
    }
}
