/// Polling for asynchronous conditions: returns as soon as the condition holds, or gives up after a
/// generous deadline (the CI machine may be loaded). Never used to measure time.
enum Eventually {
    static func holds(timeout: Duration = .seconds(60), every interval: Duration = .milliseconds(50), _ condition: () async throws -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if (try? await condition()) == true { return true }
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: interval)
        }
    }
}
