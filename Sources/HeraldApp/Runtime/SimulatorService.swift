import HeraldSimulator
import ServiceLifecycle

/// Runs a carrier simulator inside a service group and stops it on graceful shutdown. When the simulator
/// was already started (so its port was known early), pass that task.
public struct SimulatorService: Service {
    let simulator: CarrierSimulator
    let task: Task<Void, any Error>?

    public init(simulator: CarrierSimulator, task: Task<Void, any Error>? = nil) {
        self.simulator = simulator
        self.task = task
    }

    public func run() async throws {
        let simulator = self.simulator
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                if let task { try await task.value } else { try await simulator.run() }
            } onGracefulShutdown: {
                Task { await simulator.shutdown() }
            }
        } onCancel: {
            // An already started simulator runs in its own task, which cancelling this one does not reach.
            Task { await simulator.shutdown() }
        }
    }
}
