import NIOCore

extension SMPPClient {
    /// The connection state of a client, for health tracking.
    public enum State: Sendable, CustomStringConvertible {
        /// ``SMPPClient/run()`` has not started.
        case idle
        /// Connecting and binding (attempt counts from 1 since the last successful bind).
        case connecting(attempt: Int)
        /// Bound; requests can be sent.
        case bound(BindType)
        /// The connection was lost or the bind failed; the next attempt starts after `delay`.
        case reconnecting(attempt: Int, delay: TimeAmount, lastError: SMPPError?)
        /// Shutting down: draining outstanding requests and unbinding.
        case unbinding
        /// ``SMPPClient/run()`` returned.
        case stopped

        public var isBound: Bool {
            if case .bound = self { return true }
            return false
        }

        public var description: String {
            switch self {
            case .idle: "idle"
            case .connecting(let attempt): "connecting (attempt \(attempt))"
            case .bound(let type): "bound (\(type))"
            case .reconnecting(let attempt, let delay, let error):
                "reconnecting (attempt \(attempt) in \(Double(delay.nanoseconds) / 1e9) s; \(error.map { "\($0)" } ?? "no error"))"
            case .unbinding: "unbinding"
            case .stopped: "stopped"
            }
        }
    }
}
