import HeraldApp
import HeraldSimulator
import Logging
import Synchronization

/// A `CarrierSimulator` of the test's own (not the gateway's built-in one) on 127.0.0.1, for set-ups with
/// several carriers.
final class StandaloneSimulator: Sendable {
    let simulator: CarrierSimulator
    let port: Int
    private let running: Task<Void, any Error>
    private let stopped = Atomic<Bool>(false)

    private init(simulator: CarrierSimulator, port: Int, running: Task<Void, any Error>) {
        self.simulator = simulator
        self.port = port
        self.running = running
    }

    static func start(systemID: String = "herald", password: String = "simulate") async throws -> StandaloneSimulator {
        var logger = Logger(label: "herald.e2e.simulator")
        logger.logLevel = .warning
        let simulator = CarrierSimulator(
            configuration: SimulatorConfiguration(
                accounts: [systemID: password], responseLatency: .milliseconds(1), receiptLatency: .milliseconds(10)),
            logger: logger)
        let running = Task { try await simulator.run() }
        let port = try await simulator.listeningPort()
        return StandaloneSimulator(simulator: simulator, port: port, running: running)
    }

    /// A carrier link of the gateway to this simulator.
    func link(_ id: String, bindMode: String = "transceiver") -> CarrierLinkConfiguration {
        CarrierLinkConfiguration(
            id: id, host: "127.0.0.1", port: port, systemID: "herald", password: "simulate", bindMode: bindMode, binds: 1, window: 16,
            responseTimeoutMilliseconds: 5000, enquireLinkSeconds: 0)
    }

    /// Destinations (digits) of the submissions this simulator received.
    var destinations: [String] { simulator.recentSubmissions.map(\.destination) }

    /// Stops the simulator (once; later calls return at once).
    func stop() async {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        await simulator.shutdown()
        _ = try? await running.value
    }

    /// Runs `body` with `count` simulators, stopping them on every way out.
    static func with<T: Sendable>(_ count: Int, _ body: ([StandaloneSimulator]) async throws -> T) async throws -> T {
        var simulators: [StandaloneSimulator] = []
        do {
            for _ in 0..<count { simulators.append(try await start()) }
            let value = try await body(simulators)
            for simulator in simulators { await simulator.stop() }
            return value
        } catch {
            for simulator in simulators { await simulator.stop() }
            throw error
        }
    }
}
