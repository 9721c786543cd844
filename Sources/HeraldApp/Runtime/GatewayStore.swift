import HeraldCore

/// Everything `herald serve` needs from its database: the core stores plus verifications, fraud guard,
/// routes, operator administration, two-way messaging, the audit log and bind leases. SQLite and PostgreSQL implement all of it.
public typealias GatewayStore = HeraldStore & VerificationStore & FraudStore & RouteStore & AdministrationStore & TwoWayStore & AuditLogStore
    & BindLeaseStore
