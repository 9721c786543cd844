import Logging
import ServiceLifecycle

/// Marks pending proposals whose expiry passed as `expired` (audited). Approvals check expiry themselves,
/// so this only keeps listings and the audit log current.
public final class ProposalExpiryService: Service {
    private let proposals: ProposalService
    private let interval: Duration
    private let logger: Logger

    public init(proposals: ProposalService, interval: Duration = .seconds(60), logger: Logger) {
        self.proposals = proposals
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                let expired = try await proposals.expireDue()
                if expired > 0 { logger.info("expired proposals", metadata: ["count": "\(expired)"]) }
            } catch {
                logger.error("expiring proposals failed", metadata: ["error": "\(error)"])
            }
            await Task.sleepUnlessShuttingDown(for: interval)
        }
    }
}
