/// A source of uniform random numbers in [0, 1), injected where tests need determinism (reconnect jitter).
public protocol SMPPRandomSource: Sendable {
    func nextUnit() -> Double
}

/// The default random source, backed by the system generator.
public struct SystemRandomSource: SMPPRandomSource {
    public init() {}
    public func nextUnit() -> Double { Double.random(in: 0..<1) }
}
