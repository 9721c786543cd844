import HeraldCore
import Metrics

/// Everything the core HTTP routes need, injected by the application when it builds the router.
///
/// Route groups added by later features (verifications, operator API, audit) carry their own
/// dependencies; this holds only what the shared middleware and the message, health and metrics routes use.
///
/// ```swift
/// let services = HTTPServices(
///     accounts: accountService, messages: messageService,
///     readiness: { ReadinessReport.standard(storeReachable: await store.ping(), carrierLinks: gateway.linkStatuses()) },
///     metrics: { prometheus.exposition() })
/// let router = HeraldAPI.buildRouter(services: services)
/// ```
public struct HTTPServices: Sendable {
    /// Authenticates API keys.
    public var accounts: AccountService
    /// Accepts and reads messages; its text analyzer also answers the preview endpoint.
    public var messages: MessageService
    /// Answers `GET /readyz`; should return quickly (it is polled by load balancers).
    public var readiness: @Sendable () async -> ReadinessReport
    /// Prometheus text exposition for `GET /metrics`.
    public var metrics: @Sendable () async -> String
    public var configuration: HTTPConfiguration
    /// Source of generated request ids (time from ``clock``).
    public var random: any RandomSource
    public var clock: any HeraldClock
    /// Where the HTTP metrics go; `nil` means the bootstrapped `MetricsSystem.factory`.
    public var metricsFactory: (any MetricsFactory)?
    /// Audits refused requests (401, 403, rate limits, policy refusals); `nil` audits none.
    public var deniedRequests: DeniedRequestAuditor?

    public init(
        accounts: AccountService, messages: MessageService,
        readiness: @escaping @Sendable () async -> ReadinessReport,
        metrics: @escaping @Sendable () async -> String = { "" },
        configuration: HTTPConfiguration = HTTPConfiguration(),
        random: any RandomSource = SystemRandomSource(), clock: (any HeraldClock)? = nil, metricsFactory: (any MetricsFactory)? = nil,
        deniedRequests: DeniedRequestAuditor? = nil
    ) {
        self.accounts = accounts
        self.messages = messages
        self.readiness = readiness
        self.metrics = metrics
        self.configuration = configuration
        self.random = random
        self.clock = clock ?? messages.dependencies.clock
        self.metricsFactory = metricsFactory
        self.deniedRequests = deniedRequests
    }
}
