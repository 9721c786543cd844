import Foundation
import HeraldCore
import HeraldHTTP
import HeraldSimulator
import Hummingbird
import Logging
import ServiceLifecycle

/// A small HTTP listener next to `herald simulator` (`--stats-port`) that reports what the simulator
/// received, for load tests and multi-node tests that must count duplicate submissions:
///
/// - `GET /stats` — counters and the number of destinations accepted more than once (``SimulatorStatisticsReport``)
/// - `GET /submissions` — `{"destinations": {"4915100000001": {"accepted": 1, "refused": 0}, …}}`, every destination seen
/// - `GET /submissions?min_accepted=2` — only destinations accepted at least that often
///
/// Run it as a service of the simulator's service group; ``listeningPort()`` tells the port once it listens.
public struct SimulatorStatisticsServer: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>
    private let port: ListeningPort
    private let ready: DispatchSignal

    /// Also attaches `tally` to `simulator`: start it before traffic arrives.
    public init(simulator: CarrierSimulator, tally: SubmissionTally, host: String, port: Int, logger: Logger) {
        simulator.observe { tally.record($0) }
        let router = Router()
        router.get("stats") { _, _ -> Response in
            try JSONResponse.encode(SimulatorStatisticsReport(statistics: simulator.statistics, tally: tally.counts()))
        }
        router.get("submissions") { request, _ -> Response in
            let minimum = request.uri.queryParameters.get("min_accepted", as: Int.self) ?? 0
            let counts = tally.counts().filter { $0.value.accepted >= minimum }
            return try JSONResponse.encode(["destinations": counts])
        }
        let listening = ListeningPort()
        let ready = DispatchSignal()
        self.port = listening
        self.ready = ready
        self.application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "HeraldSimulator"),
            onServerRunning: { channel in
                listening.set(channel.localAddress?.port)
                ready.signal()
            },
            logger: logger)
    }

    public func run() async throws {
        try await application.run()
    }

    /// The port the statistics listener is bound to, once it is (waits up to `timeout`).
    public func listeningPort(timeout: Duration = .seconds(30)) async -> Int? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = port.value { return value }
            await ready.wait(timeout: .milliseconds(100))
        }
        return port.value
    }
}
