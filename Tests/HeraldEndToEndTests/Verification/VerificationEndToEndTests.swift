import Foundation
import HeraldSimulator
import Testing

/// A verification over HTTP with the code read where a phone would read it: from the submit_sm the
/// simulated carrier received.
@Suite(.serialized) struct VerificationEndToEndTests {
    /// The first run of 4-10 digits in the text (every template starts with the code).
    static func code(in text: String) -> String? {
        text.split(whereSeparator: { !$0.isNumber }).first { (4...10).contains($0.count) }.map(String.init)
    }

    /// A code of the same length that differs in every digit.
    static func wrongCode(for code: String) -> String {
        String(code.map { Character(String((($0.wholeNumberValue ?? 0) + 1) % 10)) })
    }

    @Test func startReadTheCodeFromTheCarrierCheckItAndAReplayFails() async throws {
        try await RunningGateway.with { gateway in
            let simulator = try #require(gateway.application.simulator)
            let started = try await gateway.api.post("/v1/verifications", json: #"{"to":"+4915123987654","brand":"Acme"}"#)
            #expect(started.status == 201, "\(started.text)")
            let id = try #require(started.object["id"] as? String)
            #expect(started.object["status"] as? String == "pending")
            // The code is in no answer.
            #expect(!started.text.contains("code\":\""))

            var submission: SimulatedSubmission?
            let arrived = await Eventually.holds {
                submission = simulator.recentSubmissions.first { $0.destination == "4915123987654" }
                return submission != nil
            }
            #expect(arrived, "the code SMS never reached the simulated carrier")
            let text = try #require(submission?.text)
            #expect(text.contains("Acme"))
            let code = try #require(Self.code(in: text), "no code in \(text)")
            #expect(code.count == 6)

            // A wrong code first: not valid, still pending.
            let wrong = Self.wrongCode(for: code)
            let miss = try await gateway.api.post("/v1/verifications/\(id)/check", json: #"{"code":"\#(wrong)"}"#)
            #expect(miss.status == 200)
            #expect(miss.object["valid"] as? Bool == false)
            #expect(miss.object["status"] as? String == "pending")

            let hit = try await gateway.api.post("/v1/verifications/\(id)/check", json: #"{"code":"\#(code)"}"#)
            #expect(hit.status == 200, "\(hit.text)")
            #expect(hit.object["valid"] as? Bool == true)
            #expect(hit.object["status"] as? String == "approved")

            // Single use: the approved code cannot be checked again.
            let replay = try await gateway.api.post("/v1/verifications/\(id)/check", json: #"{"code":"\#(code)"}"#)
            #expect(replay.status == 404, "\(replay.text)")
            #expect(replay.object["code"] as? String == "not_found")

            let read = try await gateway.api.get("/v1/verifications/\(id)")
            #expect(read.object["status"] as? String == "approved")
            #expect(!read.text.contains("\"\(code)\""))
        }
    }
}

/// The `verification:` and `fraud_guard:` settings reach the running services.
@Suite(.serialized) struct VerificationConfigurationEndToEndTests {
    @Test func configuredLimitsApplyThroughHTTP() async throws {
        try await RunningGateway.with(configure: { configuration in
            configuration.verification.maximumChecks = 2
            configuration.verification.defaultLifetimeSeconds = 120
            configuration.verification.defaultCodeLength = 8
            configuration.fraudGuard.blockDurationSeconds = 3600
            configuration.fraudGuard.global = nil
        }) { gateway in
            let service = gateway.application.verifications
            #expect(service.policy.maximumChecks == 2)
            #expect(service.policy.defaultLifetime == .seconds(120))
            #expect(service.dependencies.fraudGuard.configuration.blockDuration == .seconds(3600))
            #expect(service.dependencies.fraudGuard.configuration.global == nil)

            let started = try await gateway.api.post("/v1/verifications", json: #"{"to":"+4915123987001"}"#)
            #expect(started.status == 201, "\(started.text)")
            let id = try #require(started.object["id"] as? String)
            let simulator = try #require(gateway.application.simulator)
            var text: String?
            _ = await Eventually.holds {
                text = simulator.recentSubmissions.first { $0.destination == "4915123987001" }?.text
                return text != nil
            }
            let code = try #require(text.flatMap(VerificationEndToEndTests.code(in:)))
            #expect(code.count == 8)
            let wrong = VerificationEndToEndTests.wrongCode(for: code)
            #expect(try await gateway.api.post("/v1/verifications/\(id)/check", json: #"{"code":"\#(wrong)"}"#).object["status"] as? String == "pending")
            let second = try await gateway.api.post("/v1/verifications/\(id)/check", json: #"{"code":"\#(wrong)"}"#)
            #expect(second.object["status"] as? String == "max_attempts_reached", "\(second.text)")
        }
    }
}
