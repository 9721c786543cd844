import ServiceLifecycle

extension Task where Success == Never, Failure == Never {
    /// True once the task is cancelled or the service group began a graceful shutdown.
    static var isCancelledOrShuttingDown: Bool { isCancelled || isShuttingDownGracefully }

    /// Sleeps for `duration`, returning early on cancellation or graceful shutdown.
    static func sleepUnlessShuttingDown(for duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
