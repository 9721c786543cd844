import Benchmark
import HeraldCore
import HeraldSQLite

// Storage costs along the message chain: accept (insert), dispatch (claim + save results), receipts.
// Each benchmark opens a fresh database file in setup; only the storage calls are measured.
let benchmarks: @Sendable () -> Void = {
    let long = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .cpuTotal], timeUnits: .microseconds, warmupIterations: 10, maxDuration: .seconds(30),
        maxIterations: 10_000)
    let batches = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 3, maxDuration: .seconds(20), maxIterations: 200)

    for synchronous in SQLiteStoreConfiguration.Synchronous.allCases {
        let mode = synchronous.rawValue

        // One HTTP request = one message = one transaction (the 202 waits for it).
        let single = StorageBenchContext(synchronous: synchronous)
        Benchmark("Insert 1 message per transaction (\(mode))", configuration: long, closure: { benchmark in
            let messages = [single.message()]
            let store = try single.store
            benchmark.startMeasurement()
            _ = try await store.insertMessages(messages, idempotency: nil, webhooks: [], audit: [])
            benchmark.stopMeasurement()
        }, setup: { try await single.open() }, teardown: { try await single.close() })

        // 64 requests in flight at once, each its own all-or-nothing insertion (per iteration: 64 messages),
        // with and without group commit.
        for groupCommit in [true, false] {
            let concurrent = StorageBenchContext(synchronous: synchronous, groupCommit: groupCommit)
            let label = groupCommit ? "group commit" : "no group commit"
            Benchmark("Insert 64 concurrent single-message requests, \(label) (\(mode))", configuration: batches, closure: { benchmark in
                let messages = (0..<64).map { _ in concurrent.message() }
                let store = try concurrent.store
                benchmark.startMeasurement()
                try await withThrowingDiscardingTaskGroup { group in
                    for message in messages {
                        group.addTask { _ = try await store.insertMessages([message], idempotency: nil, webhooks: [], audit: []) }
                    }
                }
                benchmark.stopMeasurement()
            }, setup: { try await concurrent.open() }, teardown: { try await concurrent.close() })
        }

        // A batch request of 100 messages.
        let batch = StorageBenchContext(synchronous: synchronous)
        Benchmark("Insert 100 messages in one transaction (\(mode))", configuration: batches, closure: { benchmark in
            let messages = (0..<100).map { _ in batch.message() }
            let store = try batch.store
            benchmark.startMeasurement()
            _ = try await store.insertMessages(messages, idempotency: nil, webhooks: [], audit: [])
            benchmark.stopMeasurement()
        }, setup: { try await batch.open() }, teardown: { try await batch.close() })

        // The dispatcher's storage work for 200 messages: one claim, then one batch of results.
        let claim = StorageBenchContext(synchronous: synchronous)
        Benchmark("Claim 200 due messages (\(mode))", configuration: batches, closure: { benchmark in
            let store = try claim.store
            _ = try await store.insertMessages((0..<200).map { _ in claim.message() }, idempotency: nil, webhooks: [], audit: [])
            let now = claim.start.adding(seconds: 86_000)
            benchmark.startMeasurement()
            let claimed = try await store.claimDueMessages(now: now, limit: 200, owner: "bench", leaseUntil: now.adding(seconds: 60))
            benchmark.stopMeasurement()
            // Out of the queue again, as the dispatcher's results would take them (the next claim must not skip them).
            _ = try await store.saveMessageUpdates(claimed.map { claim.submitted($0, key: String($0.id.rawValue.suffix(12))) })
        }, setup: { try await claim.open() }, teardown: { try await claim.close() })

        let save = StorageBenchContext(synchronous: synchronous)
        Benchmark("Save 200 submitted results (\(mode))", configuration: batches, closure: { benchmark in
            let store = try save.store
            _ = try await store.insertMessages((0..<200).map { _ in save.message() }, idempotency: nil, webhooks: [], audit: [])
            let now = save.start.adding(seconds: 86_000)
            let claimed = try await store.claimDueMessages(now: now, limit: 200, owner: "bench", leaseUntil: now.adding(seconds: 60))
            let updates = claimed.map { save.submitted($0, key: String($0.id.rawValue.suffix(12))) }
            benchmark.startMeasurement()
            _ = try await store.saveMessageUpdates(updates)
            benchmark.stopMeasurement()
        }, setup: { try await save.open() }, teardown: { try await save.close() })

        // The receipt processor's storage work: 200 delivery receipts in one batch.
        let receipts = StorageBenchContext(synchronous: synchronous)
        let applying = receipts.applyingReceipts()
        Benchmark("Apply 200 receipts in one batch (\(mode))", configuration: batches, closure: { benchmark in
            let store = try receipts.store
            let keys = try await receipts.prepareSubmitted(200)
            let records = keys.map { receipts.receipt(key: $0) }
            benchmark.startMeasurement()
            _ = try await store.applyReceipts(records, apply: applying)
            benchmark.stopMeasurement()
        }, setup: { try await receipts.open() }, teardown: { try await receipts.close() })
    }
}
