import HeraldCore

/// Everything `herald serve` needs from its database: the core stores plus verifications, fraud guard,
/// routes and two-way messaging. SQLite implements all of it.
public typealias GatewayStore = HeraldStore & VerificationStore & FraudStore & RouteStore & TwoWayStore
