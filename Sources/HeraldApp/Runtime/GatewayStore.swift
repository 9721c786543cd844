import HeraldCore

/// Everything `herald serve` needs from its database: the core stores plus verifications, fraud guard,
/// routes, operator administration and two-way messaging. SQLite implements all of it.
public typealias GatewayStore = HeraldStore & VerificationStore & FraudStore & RouteStore & AdministrationStore & TwoWayStore
