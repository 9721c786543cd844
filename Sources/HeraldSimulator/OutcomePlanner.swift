import Synchronization

/// Chooses outcomes: first matching rule, else a weighted draw from a seeded generator.
final class OutcomePlanner: Sendable {
    private struct State {
        var rules: [SimulatorRule]
        var weights: [(SimulatedOutcome, Double)]
        var generator: UInt64
    }

    private let state: Mutex<State>

    init(rules: [SimulatorRule], weights: [SimulatedOutcome: Double], seed: UInt64?) {
        var seedValue = seed ?? UInt64.random(in: 1...UInt64.max)
        if seedValue == 0 { seedValue = 0x9E37_79B9 }
        state = Mutex(State(rules: rules, weights: Self.normalise(weights), generator: seedValue))
    }

    func set(rules: [SimulatorRule]) { state.withLock { $0.rules = rules } }

    func set(weights: [SimulatedOutcome: Double]) { state.withLock { $0.weights = Self.normalise(weights) } }

    func outcome(for destination: String) -> SimulatedOutcome {
        state.withLock { state in
            if let rule = state.rules.first(where: { $0.matches(destination) }) { return rule.outcome }
            guard state.weights.count > 1 else { return state.weights.first?.0 ?? .delivered }
            // xorshift64*: fast and good enough to pick outcomes.
            state.generator ^= state.generator >> 12
            state.generator ^= state.generator << 25
            state.generator ^= state.generator >> 27
            let draw = Double((state.generator &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
            var cumulative = 0.0
            for (outcome, share) in state.weights {
                cumulative += share
                if draw < cumulative { return outcome }
            }
            return state.weights.last?.0 ?? .delivered
        }
    }

    private static func normalise(_ weights: [SimulatedOutcome: Double]) -> [(SimulatedOutcome, Double)] {
        let positive = weights.filter { $0.value > 0 }
        let total = positive.values.reduce(0, +)
        guard total > 0 else { return [(.delivered, 1)] }
        return SimulatedOutcome.allCases.compactMap { outcome in positive[outcome].map { (outcome, $0 / total) } }
    }
}
