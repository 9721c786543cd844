import HeraldCore
import HeraldHTTP
import HeraldSQLite
import Logging

/// The verification feature's route groups over the harness's store, so router-wide checks (the OpenAPI
/// document) see every route the application serves.
extension APIHarness {
    func verificationRouteGroups() throws -> [any HeraldRouteGroup] {
        var logger = Logger(label: "herald.tests.http")
        logger.logLevel = .warning
        let random = SystemRandomSource()
        let fraud = FraudGuard(configuration: FraudGuardConfiguration(), store: store, clock: clock, random: random, logger: logger)
        let service = try VerificationService(
            dependencies: .init(
                store: store, messages: messages, vault: EphemeralBodyVault(clock: clock), rateLimiter: InMemoryRateLimiter(clock: clock),
                fraudGuard: fraud, clock: clock, random: random, pseudonymizer: Pseudonymizer(key: Array(repeating: 1, count: 32))),
            codeKey: Array(repeating: 2, count: 32), logger: logger)
        return VerificationAPI.routeGroups(verifications: service)
    }
}
