import Foundation
import HeraldApp
import HeraldCore
import HeraldSQLite
import Logging
import Testing

/// The whole chain over real sockets: HTTP → SQLite → dispatcher → SMPP → simulator → receipt → status.
@Suite(.serialized) struct MessageLifecycleEndToEndTests {
    @Test func aMessageGoesAcceptedQueuedSubmittedDelivered() async throws {
        try await RunningGateway.with { gateway in
            let id = try await gateway.api.sendMessage(to: "+4915123456789", body: "Hello end to end")
            let message = try await gateway.api.waitForStatus(of: id, in: ["delivered"])
            let history = try #require(message["history"] as? [[String: Any]]).compactMap { $0["status"] as? String }
            #expect(history == ["accepted", "queued", "submitted", "delivered"])
            #expect(message["error"] == nil || message["error"] is NSNull)
            // The simulator really received it over SMPP.
            let submission = try #require(gateway.application.simulator?.recentSubmissions.first { $0.destination == "4915123456789" })
            #expect(submission.text == "Hello end to end")
            #expect(submission.messageID != nil)
        }
    }

    @Test func simulatorDestinationRulesDriveEveryFinalOutcome() async throws {
        try await RunningGateway.with(configure: { configuration in
            configuration.simulator.rules = [
                SimulatorRuleSection(pattern: "+49170*", outcome: "undeliverable"),
                SimulatorRuleSection(pattern: "+49171*", outcome: "expired"),
                SimulatorRuleSection(pattern: "+49172*", outcome: "rejected"),
                SimulatorRuleSection(pattern: "+49173*", outcome: "invalid_destination"),
            ]
        }) { gateway in
            let expectations: [(to: String, status: String)] = [
                ("+491701234567", "undelivered"), ("+491711234567", "expired"), ("+491721234567", "rejected"),
                ("+491731234567", "rejected"), ("+491761234567", "delivered"),
            ]
            var ids: [(String, String, String)] = []
            for expectation in expectations {
                ids.append((try await gateway.api.sendMessage(to: expectation.to), expectation.to, expectation.status))
            }
            for (id, to, status) in ids {
                let message = try await gateway.api.waitForStatus(of: id, in: ["delivered", "undelivered", "expired", "rejected", "failed"])
                #expect(message["status"] as? String == status, "\(to)")
                if status != "delivered" {
                    let error = try #require(message["error"] as? [String: Any], "\(to) has no error")
                    #expect((error["code"] as? String)?.isEmpty == false)
                }
            }
            // The carrier refused +49173… at submit time (ESME_RINVDSTADR): no receipt, no retry on another attempt.
            let refused = try #require(ids.first { $0.1 == "+491731234567" })
            let message = try await gateway.api.get("/v1/messages/\(refused.0)").object
            #expect((message["error"] as? [String: Any])?["code"] as? String == "invalid_destination")
            let history = (message["history"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
            #expect(history == ["accepted", "queued", "rejected"])
            #expect(gateway.application.simulator?.recentSubmissions.filter { $0.destination == "491731234567" }.count == 1)
        }
    }

    @Test func aScheduledMessageWaitsForSendAtThenGoesThroughTheChain() async throws {
        try await RunningGateway.with { gateway in
            let sendAt = Date().addingTimeInterval(3)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let id = try await gateway.api.sendMessage(to: "+4915123400001", extra: #","send_at":"\#(formatter.string(from: sendAt))""#)
            // Stored, not yet due: accepted, and the simulator has seen nothing.
            let first = try #require(try await gateway.api.status(of: id))
            #expect(first == "accepted" || Date() >= sendAt)
            let message = try await gateway.api.waitForStatus(of: id, in: ["delivered"])
            let history = try #require(message["history"] as? [[String: Any]])
            #expect(history.compactMap { $0["status"] as? String } == ["accepted", "queued", "submitted", "delivered"])
            let queuedAt = try #require(history.first { $0["status"] as? String == "queued" }?["at"] as? String)
            let queued = try #require(formatter.date(from: queuedAt))
            // Never before its time (millisecond timestamps: allow the rounding of send_at).
            #expect(queued.timeIntervalSince(sendAt) >= -0.001)
            let submission = try #require(gateway.application.simulator?.recentSubmissions.first { $0.destination == "4915123400001" })
            #expect(submission.messageID != nil)
        }
    }

    @Test func gracefulShutdownWritesTheResultOfEverySubmitInFlight() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-e2e-shutdown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = 20
        let ids: [String] = try await RunningGateway.with(configure: { configuration in
            // The carrier answers each submit_sm after 2 s: the shutdown starts while all are outstanding.
            // Receipts come much later, so the stored state shows the submit results alone.
            configuration.simulator.responseLatencyMilliseconds = 2000
            configuration.simulator.receiptLatencyMilliseconds = 600_000
        }, keepDirectory: directory) { gateway in
            var ids: [String] = []
            for index in 0..<count {
                ids.append(try await gateway.api.sendMessage(to: "+49151234\(String(format: "%05d", 10_000 + index))"))
            }
            let simulator = try #require(gateway.application.simulator)
            let allOutstanding = await Eventually.holds { simulator.statistics.submitted >= count }
            #expect(allOutstanding, "the simulator saw \(simulator.statistics.submitted) of \(count) submit_sm")
            #expect(simulator.statistics.accepted < count, "answers arrived before the shutdown began; the test proves nothing")
            try await gateway.stop()
            return ids
        }
        // After the shutdown, the database holds every result: submitted, with the carrier's message id.
        var logger = Logger(label: "herald.e2e")
        logger.logLevel = .warning
        let store = try SQLiteHeraldStore(path: directory.appendingPathComponent("herald.sqlite").path, logger: logger)
        for text in ids {
            let message = try await MessageID(text).asyncFlatMap { try await store.message($0, accountID: nil) }
            #expect(message?.status == .submitted, "\(text) is \(message.map { "\($0.status)" } ?? "missing")")
            let parts = try await MessageID(text).asyncFlatMap { try await store.parts(of: $0) } ?? []
            #expect(parts.count == 1)
            #expect(parts.allSatisfy { !$0.carrierMessageID.isEmpty })
        }
        try await store.close()
    }
}
