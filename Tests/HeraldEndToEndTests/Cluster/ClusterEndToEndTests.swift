import Foundation
import Testing

/// Three `herald serve` processes on one PostgreSQL schema and one standalone `herald simulator`, all on
/// 127.0.0.1. 20,000 messages are sent in batches over the three nodes' HTTP APIs; one node is killed with
/// SIGKILL while it holds claims; the other two take its messages over when their leases end. Every
/// accepted message must be delivered, and the only messages the simulator may have received twice are
/// those of the at-least-once window: claimed by the killed node and not yet written back (submitted, but
/// the carrier's message id not recorded).
///
/// Needs PostgreSQL: `HERALD_TEST_POSTGRES_URL` (each run makes a schema of its own and drops it). Without
/// it the test is skipped, or fails under `HERALD_REQUIRE_INTEROP=1`.
@Suite(.serialized) struct ClusterEndToEndTests {
    static let messageCount = 20_000
    static let nodeIDs = ["node-1", "node-2", "node-3"]
    static let victim = "node-2"
    /// Short so the take-over comes seconds after the kill; long enough that a live node's claim never
    /// lapses between its claim and its written result (up to `max_in_flight` 400 claims per node, written
    /// in batches that wait for the cluster-wide audit log lock) on this loaded 2-core machine.
    static let leaseSeconds = 15

    @Test func threeNodesDeliverEveryMessageWhenOneIsKilled() async throws {
        guard let baseURL = ClusterDatabase.configuredURL else {
            if ProcessInfo.processInfo.environment["HERALD_REQUIRE_INTEROP"] == "1" {
                Issue.record("PostgreSQL is required (HERALD_REQUIRE_INTEROP=1) but HERALD_TEST_POSTGRES_URL is not set: the multi-node test did not run")
            } else {
                print("⚠️ multi-node test skipped: set HERALD_TEST_POSTGRES_URL (e.g. postgres://herald:herald@127.0.0.1:5433/herald_test)")
            }
            return
        }
        guard let herald = HeraldExecutable.locate() else {
            Issue.record("the herald executable was not found next to the test bundle; build it with `swift build` (swift test does)")
            return
        }
        let database = try ClusterDatabase(baseURL: baseURL)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let children = ChildProcesses()
        do {
            try await Self.run(herald: herald, database: database, directory: directory, children: children)
        } catch {
            children.killAll()
            try? await database.drop()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        children.killAll()
        try await database.drop()
        try? FileManager.default.removeItem(at: directory)
    }

    static func run(herald: URL, database: ClusterDatabase, directory: URL, children: ChildProcesses) async throws {
        let carrier = try await ClusterCarrier.start(herald: herald, directory: directory, children: children)
        let configuration = directory.appendingPathComponent("herald.yaml")
        try Self.configuration(databaseURL: database.nodeURL, simulatorPort: carrier.smppPort).write(to: configuration, atomically: true, encoding: .utf8)
        let secrets = directory.appendingPathComponent("secrets.json")

        // The first node creates the schema, the account and the first admin; the others join it.
        var first = try await ClusterNode.start(
            nodeIDs[0], herald: herald, configuration: configuration, secretsFile: secrets, directory: directory, apiKey: nil, children: children)
        let apiKey = try first.initialAPIKey()
        first = first.with(apiKey: apiKey)
        try await first.waitUntilReady()
        async let second = ClusterNode.start(
            nodeIDs[1], herald: herald, configuration: configuration, secretsFile: secrets, directory: directory, apiKey: apiKey, children: children)
        async let third = ClusterNode.start(
            nodeIDs[2], herald: herald, configuration: configuration, secretsFile: secrets, directory: directory, apiKey: apiKey, children: children)
        let nodes = [first, try await second, try await third]
        for node in nodes.dropFirst() { try await node.waitUntilReady() }
        try await raiseLimits(through: first)

        // The load, and the kill once a third is accepted and the victim holds claims.
        let load = ClusterLoad(total: messageCount, nodes: nodes)
        let sending = Task { try await load.run(concurrency: 6) }
        let victim = try #require(nodes.first { $0.id == Self.victim })
        let armed = await Eventually.holds(timeout: .seconds(300), every: .milliseconds(20)) {
            guard load.acceptedSoFar >= messageCount / 3 else { return false }
            return try await !database.claims(of: victim.id).isEmpty
        }
        #expect(armed, "\(victim.id) never held claims while the load ran")
        victim.process.end(with: SIGKILL)
        let killedAt = ContinuousClock.now
        // Nothing can change these rows until their leases end: they are the killed node's unfinished claims.
        let window = try await database.claims(of: victim.id)
        #expect(!window.isEmpty, "\(victim.id) held no claims when it was killed; the test proves nothing")
        try await sending.value
        let acceptedMessages = load.acceptedMessages
        #expect(acceptedMessages.count == messageCount)
        #expect(Set(acceptedMessages.map(\.id)).count == acceptedMessages.count, "a message id was answered twice")

        // Every message reaches a final status, including those the killed node had claimed.
        let allFinal = await Eventually.holds(timeout: .seconds(300), every: .milliseconds(500)) { try await database.unfinishedCount() == 0 }
        let settled = ContinuousClock.now - killedAt
        #expect(allFinal, "messages stayed unfinished:\n\(nodes[0].process.logTail())")
        let stored = try await database.allMessages()
        let storedByID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) })
        let missing = acceptedMessages.filter { storedByID[$0.id] == nil }
        #expect(missing.isEmpty, "\(missing.count) accepted messages are not stored")
        let notDelivered = acceptedMessages.filter { storedByID[$0.id].map { $0.status != "delivered" } ?? false }
        #expect(notDelivered.isEmpty, "\(notDelivered.count) accepted messages were not delivered")
        let windowIDs = Set(window.map(\.id))
        #expect(window.allSatisfy { storedByID[$0.id]?.status == "delivered" }, "a message the killed node had claimed was not delivered")

        // What the carrier received: every message at least once; twice only inside the window.
        let submissions = try await carrier.submissions()
        let windowDestinations = Set(window.map { digits($0.to) })
        let neverSubmitted = stored.filter { (submissions[digits($0.to)]?.accepted ?? 0) == 0 }
        #expect(neverSubmitted.isEmpty, "\(neverSubmitted.count) stored messages never reached the simulator")
        let duplicates = submissions.filter { $0.value.accepted > 1 }
        let outsideWindow = duplicates.keys.filter { !windowDestinations.contains($0) }
        #expect(outsideWindow.isEmpty, "\(outsideWindow.count) messages were submitted more than once outside the at-least-once window, e.g. \(outsideWindow.prefix(5))")
        let moreThanTwice = duplicates.filter { $0.value.accepted > 2 }
        #expect(moreThanTwice.isEmpty, "\(moreThanTwice.count) messages were submitted more than twice")

        // Counts per node, from the API answers, the stored origin and the survivors' dispatch metrics.
        var report: [String] = []
        for node in nodes {
            let answered = acceptedMessages.filter { $0.node == node.id }.count
            let origin = stored.filter { $0.originNode == node.id }.count
            let submitted = node.id == victim.id ? "killed" : String(try await node.submittedCount())
            report.append("\(node.id): 202 answers for \(answered), stored as origin \(origin), submitted \(submitted)")
        }
        let byStatus = Dictionary(grouping: stored, by: \.status).mapValues(\.count).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        print("""
            multi-node test: accepted \(acceptedMessages.count) (stored \(stored.count), \(load.replayedBatches) batch(es) replayed by \
            Idempotency-Key after the failover); final by status: \(byStatus); \(victim.id) killed holding \(windowIDs.count) claims; \
            submitted more than once: \(duplicates.count) (all inside the window: \(outsideWindow.isEmpty)); all final \
            \(seconds(settled)) s after the kill
              \(report.joined(separator: "\n  "))
            """)

        for node in nodes where node.id != victim.id {
            #expect(await node.process.stop() == 0, "\(node.id) did not shut down cleanly:\n\(node.process.logTail())")
        }
        await carrier.process.stop()
    }

    /// The account's limits are raised as operators do it: one admin proposes, a second approves.
    static func raiseLimits(through node: ClusterNode) async throws {
        let admin = APIClient(baseURL: node.api.baseURL, apiKey: try node.initialOperatorToken())
        let created = try await admin.post("/v1/admin/operators", json: #"{"name":"second admin","role":"admin"}"#)
        guard created.status == 201, let token = (created.object["token"] as? [String: Any])?["token"] as? String else {
            throw EndToEndError("creating the second admin was answered \(created.status): \(created.text)")
        }
        guard let accountID = try await node.api.get("/v1/account").object["id"] as? String else { throw EndToEndError("GET /v1/account has no id") }
        let proposed = try await admin.send(
            .PUT, "/v1/admin/accounts/\(accountID)/limits", json: #"{"messages_per_second":100000,"message_burst":100000,"note":"multi-node test"}"#)
        guard proposed.status == 202, let proposal = (proposed.object["proposal"] as? [String: Any])?["id"] as? String else {
            throw EndToEndError("raising the limits was answered \(proposed.status): \(proposed.text)")
        }
        let approved = try await APIClient(baseURL: node.api.baseURL, apiKey: token).post("/v1/admin/proposals/\(proposal)/approve", json: "{}")
        guard approved.status == 200 else { throw EndToEndError("approving the limits was answered \(approved.status): \(approved.text)") }
    }

    /// The configuration every node shares; node id, data directory and port come from each node's command line.
    static func configuration(databaseURL: String, simulatorPort: Int) -> String {
        """
        database:
          url: \(databaseURL)
          pool_size: 6
        dispatch:
          lease_seconds: \(leaseSeconds)
          max_in_flight: 400
        simulator:
          enabled: false
        carriers:
          - id: standalone
            host: 127.0.0.1
            port: \(simulatorPort)
            system_id: herald
            password: simulate
            binds: 3   # the cluster shares them (bind leases): one per node
            window: 32
            enquire_link_seconds: 0
        logging:
          level: warning
        """
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// A number as the simulator records it (digits only).
    static func digits(_ number: String) -> String { number.hasPrefix("+") ? String(number.dropFirst()) : number }
}
