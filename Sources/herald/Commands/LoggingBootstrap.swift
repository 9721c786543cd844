import HeraldApp
import Logging
import Metrics
import Prometheus
import Synchronization

/// Process-wide logging and metrics set-up, done once per process by the commands that run services.
enum ProcessBootstrap {
    private static let done = Mutex(false)

    /// Bootstraps swift-log (text or JSON lines on standard error, at `level`) and swift-metrics (Prometheus).
    static func run(logging: LoggingSection) -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        let first = done.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return registry }
        let level = Logger.Level(rawValue: logging.level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = logging.format == "json" ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
