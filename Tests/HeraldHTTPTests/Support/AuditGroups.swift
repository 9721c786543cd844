import HeraldAuditLog
import HeraldCore
import HeraldHTTP
import Logging

/// The auditor API over the harness's (sealed) store, so router-wide checks see its routes too.
extension APIHarness {
    static let auditorToken = "hat_docs-test"

    func auditRouteGroup() -> any HeraldRouteGroup {
        var logger = Logger(label: "herald.tests.http")
        logger.logLevel = .warning
        let log = MerkleAuditLog(identity: Self.auditIdentity, store: store, clock: clock, logger: logger)
        return AuditRoutes(log: log, authentication: AuditorTokenMiddleware(token: Self.auditorToken))
    }
}
