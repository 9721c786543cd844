import Logging
import ServiceLifecycle

/// Marks pending verifications whose lifetime passed as `expired` (sending their `verification.expired`
/// webhooks) and forgets the bodies of messages still waiting with their codes.
///
/// Reads and checks also expire lazily, so this service only makes sure the webhook goes out on time.
public final class VerificationExpiryService: Service {
    private let verifications: VerificationService
    private let interval: Duration
    private let logger: Logger

    public init(verifications: VerificationService, interval: Duration = .seconds(10), logger: Logger) {
        self.verifications = verifications
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                let expired = try await verifications.expireDue()
                if expired > 0 { logger.debug("expired verifications", metadata: ["count": "\(expired)"]) }
            } catch {
                logger.error("expiring verifications failed", metadata: ["error": "\(error)"])
            }
            await Task.sleepUnlessShuttingDown(for: interval)
        }
    }
}
