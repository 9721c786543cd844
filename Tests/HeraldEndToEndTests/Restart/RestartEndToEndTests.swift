import Foundation
import HeraldSQLite
import Logging
import Testing

/// The `herald` executable is killed (SIGKILL) while messages are in flight and started again on the same
/// data directory: every accepted message still reaches a final state and every pending webhook is still
/// delivered. The carrier is a standalone `herald simulator` process, so the receipts it holds for the
/// dead gateway survive and are delivered once the restarted gateway binds again.
@Suite(.serialized) struct RestartEndToEndTests {
    static let messageCount = 300
    static let finalStatuses = "delivered,undelivered,expired,rejected,failed"

    @Test func aKilledGatewayRestartsAndEveryAcceptedMessageAndWebhookArrives() async throws {
        guard let herald = HeraldExecutable.locate() else {
            Issue.record("the herald executable was not found next to the test bundle; build it with `swift build` (swift test does)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let children = ChildProcesses()
        defer {
            children.killAll()
            try? FileManager.default.removeItem(at: directory)
        }
        try await WebhookReceiver.with { receiver, receiverURL in
            // The receiver is down during the first run: every webhook stays pending in the outbox.
            receiver.refuse(with: 503)

            let simulator = try children.start(
                name: "simulator", executable: herald,
                arguments: ["simulator", "--port", "0", "--account", "herald:simulate", "--response-latency", "2", "--receipt-latency", "200"],
                logDirectory: directory)
            guard let listening = await simulator.waitForLine(containing: "listening on"),
                  let simulatorPort = listening.split(separator: ":").last.flatMap({ Int($0) }) else {
                Issue.record("the simulator did not start:\n\(simulator.logTail())")
                return
            }
            let configuration = directory.appendingPathComponent("herald.yaml")
            try Self.configuration(simulatorPort: simulatorPort).write(to: configuration, atomically: true, encoding: .utf8)
            let data = directory.appendingPathComponent("data").path

            // First run.
            let first = try children.start(
                name: "gateway-1", executable: herald, arguments: ["serve", "--config", configuration.path, "--port", "0", "--data-directory", data],
                logDirectory: directory)
            let api = try await Self.connect(to: first, dataDirectory: data)
            #expect(try await api.patch("/v1/account", json: #"{"webhook_url":"\#(receiverURL)/hooks"}"#).status == 200)
            let ids = try await Self.sendAll(Self.messageCount, through: api)
            #expect(ids.count == Self.messageCount)

            // Kill it once some messages are through but not all: at 25 submissions per second the link
            // needs 12 s for all of them, however slowly the sends above went on a loaded machine.
            let someDone = await Eventually.holds(timeout: .seconds(120)) { try await Self.count(api, statuses: "delivered", atLeast: 20) }
            #expect(someDone, "no message was delivered in the first run:\n\(first.logTail())")
            first.end(with: SIGKILL)
            let waitingAtKill = try await Self.countAfterKill(dataDirectory: data)
            #expect(waitingAtKill > 0, "every message was final before the kill; the test proves nothing")
            #expect(!receiver.requests.isEmpty, "the refused webhooks were never attempted")

            // Second run on the same data directory, with the receiver answering again.
            receiver.refuse(with: nil)
            let second = try children.start(
                name: "gateway-2", executable: herald, arguments: ["serve", "--config", configuration.path, "--port", "0", "--data-directory", data],
                logDirectory: directory)
            let restarted = try await Self.connect(to: second, dataDirectory: data)
            let allFinal = await Eventually.holds(timeout: .seconds(180), every: .milliseconds(500)) {
                try await Self.count(restarted, statuses: Self.finalStatuses, atLeast: Self.messageCount)
            }
            #expect(allFinal, "not every message reached a final state after the restart:\n\(second.logTail())")
            let delivered = try await Self.ids(restarted, statuses: "delivered")
            #expect(delivered == Set(ids), "\(Set(ids).subtracting(delivered).count) accepted messages were not delivered")

            // Every message's delivered webhook arrives, including those pending when the first run died.
            let webhooksDone = await Eventually.holds(timeout: .seconds(180), every: .milliseconds(500)) {
                Set(receiver.requests.filter { $0.type == "message.delivered" && $0.headers["herald-signature"] != nil }.compactMap(\.messageID))
                    .isSuperset(of: ids)
            }
            let webhooked = Set(receiver.requests.filter { $0.type == "message.delivered" }.compactMap(\.messageID))
            #expect(webhooksDone, "\(Set(ids).subtracting(webhooked).count) message.delivered webhooks never arrived")
            print("restart test: \(ids.count) messages; \(waitingAtKill) were not yet final when the gateway was killed")

            #expect(await second.stop() == 0, "the gateway did not shut down cleanly:\n\(second.logTail())")
            await simulator.stop()
        }
    }

    static func configuration(simulatorPort: Int) -> String {
        """
        simulator:
          enabled: false
        carriers:
          - id: standalone
            host: 127.0.0.1
            port: \(simulatorPort)
            system_id: herald
            password: simulate
            binds: 2
            window: 16
            tps: 25
        webhooks:
          initial_delay_seconds: 1
          max_delay_seconds: 2
          max_attempts: 100
        logging:
          level: warning
        """
    }

    /// Waits for the gateway's announcement and returns a client with the initial API key.
    static func connect(to gateway: ChildProcess, dataDirectory: String) async throws -> APIClient {
        guard let line = await gateway.waitForLine(containing: "HTTP API:"),
              let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw EndToEndError("the gateway did not start:\n\(gateway.logTail())")
        }
        let key = try String(contentsOfFile: dataDirectory + "/initial-api-key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let api = APIClient(baseURL: "http://127.0.0.1:\(port)", apiKey: key)
        let ready = await Eventually.holds(timeout: .seconds(60)) { try await api.get("/readyz").status == 200 }
        guard ready else { throw EndToEndError("the gateway never became ready:\n\(gateway.logTail())") }
        return api
    }

    /// Sends `count` messages in batches of 50; items refused by the account's rate limit are sent again.
    static func sendAll(_ count: Int, through api: APIClient) async throws -> [String] {
        var ids: [String] = []
        var next = 0
        while ids.count < count {
            let numbers = (0..<min(50, count - ids.count)).map { offset in "+49151\(String(format: "%08d", 20_000_000 + next + offset))" }
            let items = numbers.map { #"{"to":"\#($0)","body":"restart test"}"# }.joined(separator: ",")
            let answer = try await api.post("/v1/messages/batch", json: #"{"messages":[\#(items)]}"#)
            if answer.status == 429 {
                // The account's rate limit (100/s, burst 200): wait as told.
                try await Task.sleep(for: .seconds(Int(answer.header("Retry-After") ?? "1") ?? 1))
                continue
            }
            guard answer.status == 202 else {
                throw EndToEndError("batch answered \(answer.status): \(answer.text)")
            }
            let data = answer.object["data"] as? [[String: Any]] ?? []
            var accepted = 0
            for item in data {
                if let message = item["message"] as? [String: Any], let id = message["id"] as? String {
                    ids.append(id)
                    accepted += 1
                }
            }
            next += accepted
            if accepted < numbers.count { try await Task.sleep(for: .milliseconds(500)) }
        }
        return ids
    }

    /// Ids of the account's messages with these statuses (every page).
    static func ids(_ api: APIClient, statuses: String) async throws -> Set<String> {
        var ids: Set<String> = []
        var cursor: String?
        repeat {
            let page = try await api.get("/v1/messages?status=\(statuses)&limit=100" + (cursor.map { "&starting_after=\($0)" } ?? ""))
            guard page.status == 200 else { throw EndToEndError("listing answered \(page.status): \(page.text)") }
            for message in page.object["data"] as? [[String: Any]] ?? [] {
                if let id = message["id"] as? String { ids.insert(id) }
            }
            cursor = page.object["next_cursor"] as? String
        } while cursor != nil
        return ids
    }

    static func count(_ api: APIClient, statuses: String, atLeast minimum: Int) async throws -> Bool {
        try await ids(api, statuses: statuses).count >= minimum
    }

    /// How many messages were not final when the gateway died, read from the database it left behind.
    static func countAfterKill(dataDirectory: String) async throws -> Int {
        var logger = Logger(label: "herald.e2e.restart")
        logger.logLevel = .warning
        let store = try SQLiteHeraldStore(path: dataDirectory + "/herald.sqlite", logger: logger)
        let counts = try await store.messageCountsByStatus()
        try await store.close()
        return counts.filter { !$0.key.isFinal }.values.reduce(0, +)
    }
}
