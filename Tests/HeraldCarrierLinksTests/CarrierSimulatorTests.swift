import HeraldSimulator
import Logging
import NIOCore
import SMPP
import Testing

/// The simulator on its own: outcome shares, rules, disconnects, receipts, and its text settings.
@Suite(.timeLimit(.minutes(2)))
struct CarrierSimulatorTests {
    /// A simulator with one transceiver bound to it for the duration of `body`.
    func withClient(_ configuration: SimulatorConfiguration, _ body: (CarrierSimulator, SMPPClient) async throws -> Void) async throws {
        var logger = Logger(label: "test.simulator")
        logger.logLevel = .critical
        let simulator = CarrierSimulator(configuration: configuration, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await simulator.run() }
            let port = try await simulator.listeningPort()
            var bind = SMPPClient.Configuration(host: "127.0.0.1", port: port, systemID: "herald", password: "pw")
            bind.windowSize = 64
            bind.responseTimeout = .seconds(10)
            bind.throttle = ThrottlePolicy(initialDelay: .milliseconds(1), maxDelay: .milliseconds(2), maxRetries: 0)
            bind.reconnect = ReconnectPolicy(initialDelay: .milliseconds(20), maxDelay: .milliseconds(100))
            let client = SMPPClient(configuration: bind, logger: logger)
            group.addTask { try await client.run() }
            try await client.waitUntilBound()
            try await body(simulator, client)
            await client.shutdown()
            await simulator.shutdown()
            try await group.waitForAll()
        }
    }

    func submitSM(to: String) -> SubmitSM {
        SubmitSM(source: .international("15550001"), destination: .international(to), registeredDelivery: .receiptOnFinal, shortMessage: Array("x".utf8))
    }

    @Test func outcomeSharesFollowTheWeights() async throws {
        let configuration = SimulatorConfiguration(
            responseLatency: .zero, receiptLatency: .zero, outcomeWeights: [.delivered: 3, .systemError: 1], seed: 42)
        try await withClient(configuration) { simulator, client in
            let total = 800
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<total {
                    group.addTask { _ = try? await client.submit(submitSM(to: "4915\(100_000_000 + index)")) }
                }
            }
            let statistics = simulator.statistics
            #expect(statistics.submitted == total)
            // Binomial(800, 1/4): mean 200, sd 12.2; ±5 sd.
            #expect((139...261).contains(statistics.refused), "refused \(statistics.refused) of \(total)")
            #expect(statistics.accepted + statistics.refused == total)
            let recorded = simulator.recentSubmissions
            #expect(recorded.filter { $0.outcome == .systemError }.count == statistics.refused)
            #expect(recorded.filter { $0.outcome == .delivered }.allSatisfy { $0.messageID != nil })
        }
    }

    @Test func theSameSeedGivesTheSameOutcomes() async throws {
        func outcomes() async throws -> [SimulatedOutcome] {
            var seen: [SimulatedOutcome] = []
            let configuration = SimulatorConfiguration(
                responseLatency: .zero, receiptLatency: .zero, outcomeWeights: [.delivered: 1, .undeliverable: 1, .expired: 1], seed: 7)
            try await withClient(configuration) { simulator, client in
                for index in 0..<30 { _ = try? await client.submit(submitSM(to: "4915\(100_000_000 + index)")) }
                seen = simulator.recentSubmissions.map(\.outcome)
            }
            return seen
        }
        let first = try await outcomes()
        #expect(first.count == 30)
        #expect(Set(first).count > 1)
        #expect(try await outcomes() == first)
    }

    @Test func rulesWinOverWeightsAndRuntimeChangesApply() async throws {
        let configuration = SimulatorConfiguration(
            responseLatency: .zero, receiptLatency: .zero, rules: [SimulatorRule(pattern: "+4917?123*", outcome: .invalidDestination)])
        try await withClient(configuration) { simulator, client in
            await #expect(throws: SMPPError.self) { try await client.submit(submitSM(to: "491701234567")) }
            let accepted = try await client.submit(submitSM(to: "491701934567"))
            #expect(!accepted.messageID.isEmpty)
            simulator.setOutcomeWeights([.throttled: 1])
            let throttled = await #expect(throws: SMPPError.self) { try await client.submit(submitSM(to: "4915112345678")) }
            #expect(throttled?.commandStatus == .throttled)
            simulator.setRules([])
            simulator.setOutcomeWeights([.delivered: 1])
            #expect(!(try await client.submit(submitSM(to: "491701234567")).messageID.isEmpty))
        }
    }

    @Test func aDisconnectOutcomeDropsTheSessionAndTheClientBindsAgain() async throws {
        let configuration = SimulatorConfiguration(
            responseLatency: .zero, receiptLatency: .zero, rules: [SimulatorRule(pattern: "+999*", outcome: .disconnect)])
        try await withClient(configuration) { simulator, client in
            await #expect(throws: SMPPError.self) { try await client.submit(submitSM(to: "99912345")) }
            var rebound = false
            for _ in 0..<600 {
                if simulator.statistics.boundSessions == 1, client.state.isBound, (try? await client.submit(submitSM(to: "4915112345678"))) != nil {
                    rebound = true
                    break
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(rebound)
        }
    }

    @Test func patternsMatchDigitsWildcardsAndWholeNumbers() {
        let rule = SimulatorRule(pattern: "+4915?1*", outcome: .expired)
        #expect(rule.matches("+4915112345678"))
        #expect(rule.matches("4915912"))
        #expect(!rule.matches("+4915121"))
        let whole = SimulatorRule(pattern: "4915", outcome: .expired)
        #expect(whole.matches("+4915"))
        #expect(!whole.matches("+49151"))
    }

    @Test func commandLineSettingsAreParsedStrictly() throws {
        let account = try SimulatorSpecification.account("herald:pa:ss")
        #expect(account.systemID == "herald" && account.password == "pa:ss")
        #expect(try SimulatorSpecification.account("herald:").password == "")
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.account(":pw") }
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.account("herald") }

        let weights = try SimulatorSpecification.outcomeWeights(["delivered=97", "undeliverable=3", "delivered=90"])
        #expect(weights == [.delivered: 90, .undeliverable: 3])
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.outcomeWeights(["delivred=1"]) }
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.outcomeWeights(["delivered=-1"]) }
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.outcomeWeights(["delivered=0"]) }
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.outcomeWeights(["delivered"]) }

        #expect(try SimulatorSpecification.rule("+99*=invalid_destination") == SimulatorRule(pattern: "+99*", outcome: .invalidDestination))
        #expect(try SimulatorSpecification.rule("4915?=no_response").outcome == .noResponse)
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.rule("+99*") }
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.rule("=delivered") }
        #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.rule("+49a*=delivered") }
        let error = #expect(throws: SimulatorSpecification.Error.self) { try SimulatorSpecification.rule("+99*=lost") }
        #expect(error?.message.contains("invalid_destination") == true)
    }
}
