import Foundation
import HeraldApp
import HeraldCore
import Logging
import Testing

/// The services behind `herald smpp-account` and `herald number`, on the database named by a configuration:
/// the same SMPP throughput rule as the admin API — lowering applies at once, raising is a proposal an
/// admin other than the CLI user approves.
@Suite struct OfflineSMPPAdministrationTests {
    @Test func theCommandsRaiseThroughputOnlyThroughAProposal() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        var logger = Logger(label: "herald.tests.cli")
        logger.logLevel = .critical
        let context = try await OfflineAdministration.open(configuration: configuration, logger: logger)
        let accounts = AccountService(store: context.store, clock: SystemClock(), random: SystemRandomSource())
        let account = try await accounts.createAccount(name: "Acme", actor: context.actor).account
        try await context.smppAccounts.setCredentials(accountID: account.id, systemID: "acme", password: "s3cret", actor: context.actor)
        try await context.numbers.assign("72345", to: account.id, actor: context.actor)
        #expect(try await context.numbers.owner(of: "72345")?.accountID == account.id)

        let lowered = try await context.smppAdministration.setThroughput(
            accountID: account.id, to: SMPPThroughput(window: 5, messagesPerSecond: 10), note: nil, by: context.actor)
        #expect(lowered.proposal == nil)
        #expect(lowered.access.throughput == SMPPThroughput(window: 5, messagesPerSecond: 10))

        let raised = try await context.smppAdministration.setThroughput(
            accountID: account.id, to: SMPPThroughput(window: 5, messagesPerSecond: 100), note: "campaign", by: context.actor)
        let proposal = try #require(raised.proposal)
        #expect(proposal.kind == "smpp_account.throughput_raise" && proposal.proposedBy == context.actor.description)
        #expect(try await context.smppAccounts.access(of: account.id)?.messagesPerSecond == 10)

        let proposals = context.smppAdministration.proposals
        await #expect(throws: HeraldError.self) { try await proposals.approve(proposal.id, by: context.actor) }
        try await proposals.approve(proposal.id, by: .operator("op_second"))
        #expect(try await context.smppAccounts.access(of: account.id)?.throughput == SMPPThroughput(window: 5, messagesPerSecond: 100))
        await context.close()
    }
}
