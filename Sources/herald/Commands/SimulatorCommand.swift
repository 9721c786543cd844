import ArgumentParser
import Foundation
import HeraldApp
import HeraldSimulator
import ServiceLifecycle
import Logging

/// `herald simulator`: runs the simulated carrier (an SMPP SMSC) on its own, for demos, load tests and
/// multi-node set-ups where several gateway nodes bind to one carrier.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run the simulated carrier (SMPP 3.4 SMSC) until SIGTERM or SIGINT.")

    @Option(help: "Address to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Option(help: "SMPP port (0 picks a free port and prints it).")
    var port = 2775

    @Option(name: .customLong("account"), help: "Accepted credentials SYSTEM_ID:PASSWORD (repeatable; none: accept any bind).")
    var accounts: [String] = []

    @Option(help: "Milliseconds before each submit_sm_resp.")
    var responseLatency = 5

    @Option(help: "Milliseconds between submit_sm_resp and the delivery receipt.")
    var receiptLatency = 50

    @Option(name: .customLong("outcome"), help: "Outcome share NAME=WEIGHT (repeatable), e.g. delivered=97 undeliverable=3. Names: \(SimulatedOutcome.allCases.map(\.rawValue).joined(separator: ", ")).")
    var outcomes: [String] = []

    @Option(name: .customLong("rule"), help: "Outcome for destinations matching a pattern, PATTERN=NAME (repeatable), e.g. '+99*=invalid_destination'.")
    var rules: [String] = []

    @Option(help: "Message id format: hex or decimal.")
    var messageIDFormat = "hex"

    @Flag(help: "Quote message ids in receipt texts in the other base (hex ↔ decimal), as some SMSCs do.")
    var receiptIDsInOtherBase = false

    @Option(help: "Seed for the outcome draw (reproducible runs).")
    var seed: UInt64?

    @Option(help: "Serve what was received over HTTP on this port of --host (0 picks a free port and prints it): GET /stats, GET /submissions[?min_accepted=N] (counts per destination).")
    var statsPort: Int?

    func run() async throws {
        var configuration = SimulatorConfiguration(host: host, port: port)
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        if let statsPort, !(0...65_535).contains(statsPort) { throw ValidationError("--stats-port must be 0-65535") }
        guard responseLatency >= 0, receiptLatency >= 0 else { throw ValidationError("latencies must not be negative") }
        configuration.responseLatency = .milliseconds(responseLatency)
        configuration.receiptLatency = .milliseconds(receiptLatency)
        do throws(SimulatorSpecification.Error) {
            for account in accounts {
                let (systemID, password) = try SimulatorSpecification.account(account)
                configuration.accounts[systemID] = password
            }
            if !outcomes.isEmpty { configuration.outcomeWeights = try SimulatorSpecification.outcomeWeights(outcomes) }
            configuration.rules = try rules.map { item throws(SimulatorSpecification.Error) in try SimulatorSpecification.rule(item) }
        } catch {
            throw ValidationError(error.message)
        }
        guard let format = SimulatorConfiguration.MessageIDFormat(rawValue: messageIDFormat) else { throw ValidationError("--message-id-format must be hex or decimal") }
        configuration.messageIDFormat = format
        configuration.receiptIDsInOtherBase = receiptIDsInOtherBase
        configuration.seed = seed

        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "herald.simulator")
        let simulator = CarrierSimulator(configuration: configuration, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: SimulatorService(simulator: simulator))]
        let statistics = statsPort.map { port in
            SimulatorStatisticsServer(simulator: simulator, tally: SubmissionTally(), host: host, port: port, logger: logger)
        }
        if let statistics { services.append(.init(service: statistics)) }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        async let running: Void = group.run()
        let listening = try await simulator.listeningPort()
        if let statistics {
            guard let statisticsPort = await statistics.listeningPort() else {
                await group.triggerGracefulShutdown()
                try await running
                throw ValidationError("the statistics listener did not start on \(host):\(statsPort ?? 0)")
            }
            StandardOutput.line("Herald carrier simulator statistics on http://\(host):\(statisticsPort)")
        }
        StandardOutput.line("Herald carrier simulator listening on \(host):\(listening)")
        try await running
    }
}
