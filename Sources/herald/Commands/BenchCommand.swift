import ArgumentParser

/// `herald bench …`: system-level benchmarks that need real sockets, processes or peers.
///
/// Micro-benchmarks (codecs, encoders, lookups) live in the `Benchmarks/` package instead.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a system-level benchmark and print its results as a table.",
        subcommands: [AuditBenchCommand.self, ClusterBenchCommand.self, GatewayBenchCommand.self, SMPPBenchCommand.self, VerifyBenchCommand.self]
    )
}
