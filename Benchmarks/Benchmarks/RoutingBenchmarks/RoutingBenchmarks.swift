import Benchmark
import Foundation
import HeraldCore
import HeraldRouting
import HeraldSQLite
import Numbering

/// The table size the routing engine is specified for: 200 countries, 1,000 carrier links and 100,000
/// prefix rules, plus 500 network rules and 50 accounts with rules of their own.
let data = RoutingData(seed: 6)

let benchmarks: @Sendable () -> Void = {
    let table = try! RouteTable(rules: data.rules, linkIDs: data.linkIDs)

    Benchmark(
        "RouteTable build (100k prefix rules, 200 countries, 1k links)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxIterations: 10)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! RouteTable(rules: data.rules, linkIDs: data.linkIDs).ruleCount)
        }
    }

    Benchmark(
        "Route lookup: full plan, random number (100k-rule table)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(table.plan(for: data.requests[iteration & (data.requests.count - 1)], linkStatuses: data.statuses))
        }
    }

    Benchmark(
        "Route lookup: full plan, one number repeated (cache-hot)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        let request = data.requests[1]
        for _ in benchmark.scaledIterations {
            blackHole(table.plan(for: request, linkStatuses: data.statuses))
        }
    }

    Benchmark(
        "Route lookup: full plan, no link statuses (unknown health)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(table.plan(for: data.requests[iteration & (data.requests.count - 1)], linkStatuses: [:]))
        }
    }

    Benchmark(
        "Route lookup: full plan via RoutingEngine (reloadable)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        let engine = RoutingEngine(table: table, linkIDs: data.linkIDs)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            blackHole(engine.plan(for: data.requests[iteration & (data.requests.count - 1)], linkStatuses: data.statuses))
        }
    }

    Benchmark(
        "Route explain (dry-run explanation)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(table.explain(for: data.requests[iteration & (data.requests.count - 1)], linkStatuses: data.statuses))
        }
    }

    let json = try! HeraldJSON.text(RoutesFile(links: data.linkIDs.sorted(), rules: data.rules))
    Benchmark(
        "Routes file parse, JSON (100k rules)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 10)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! RoutesFile.parse(json).rules.count)
        }
    }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-routing-bench-\(UUID().uuidString)")
    Benchmark(
        "SQLite RouteStore load + RouteTable build (100k rules)",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal], maxIterations: 10,
            setup: {
                let store = try SQLiteHeraldStore(path: directory.appendingPathComponent("bench.sqlite").path)
                try await store.migrate()
                try await store.replaceRoutes(data.rules, expectedVersion: nil, at: Timestamp(Date()), audit: [])
                try await store.close()
            },
            teardown: { try? FileManager.default.removeItem(at: directory) })
    ) { benchmark in
        let store = try! SQLiteHeraldStore(path: directory.appendingPathComponent("bench.sqlite").path)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let routes = try! await store.routeSet()
            blackHole(try! RouteTable(rules: routes.rules, linkIDs: data.linkIDs, version: routes.version).ruleCount)
        }
        benchmark.stopMeasurement()
        try! await store.close()
    }
}
