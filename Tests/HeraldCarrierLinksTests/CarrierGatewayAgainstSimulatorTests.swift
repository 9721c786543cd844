import HeraldCarrierLinks
import HeraldCore
import HeraldSimulator
import Logging
import NIOCore
import SMPP
import Testing

/// The SMPP carrier adapter bound to the real simulator on 127.0.0.1.
@Suite(.timeLimit(.minutes(2)))
struct CarrierGatewayAgainstSimulatorTests {
    struct Harness {
        let simulator: CarrierSimulator
        let gateway: SMPPCarrierGateway
    }

    /// Starts a simulator and a gateway with one link bound to it, runs `body`, then stops both.
    func withHarness(
        simulator configuration: SimulatorConfiguration = SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(10)),
        receiptKeyStyle: ReceiptKeyStyle = .auto, responseTimeout: TimeAmount = .seconds(10),
        _ body: (Harness) async throws -> Void
    ) async throws {
        let simulator = CarrierSimulator(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await simulator.run() }
            let port = try await simulator.listeningPort()
            var bind = SMPPClient.Configuration(host: "127.0.0.1", port: port, systemID: "herald", password: "pw")
            bind.responseTimeout = responseTimeout
            bind.throttle = ThrottlePolicy(initialDelay: .milliseconds(10), maxDelay: .milliseconds(50), maxRetries: 1)
            bind.reconnect = ReconnectPolicy(initialDelay: .milliseconds(50), maxDelay: .milliseconds(200))
            let gateway = SMPPCarrierGateway(
                links: [CarrierLinkSettings(id: "sim", binds: [bind, bind], receiptKeyStyle: receiptKeyStyle)], logger: Logger(label: "test"))
            group.addTask { try await gateway.run() }
            #expect(await gateway.waitUntilBound(timeout: .seconds(20)))
            try await body(Harness(simulator: simulator, gateway: gateway))
            await gateway.shutdown()
            await simulator.shutdown()
            try await group.waitForAll()
        }
    }

    func message(_ body: String, to: String = "+4915123456789", reference: Int = 7) -> OutboundMessage {
        OutboundMessage(
            messageID: MessageID(unchecked: "msg_test"), to: to, from: "Herald", body: body,
            validUntil: Timestamp(millisecondsSince1970: 4_102_444_800_000), concatenationReference: reference)
    }

    /// Collects receipts until `count` arrived.
    func receipts(_ gateway: SMPPCarrierGateway, count: Int) async -> [CarrierReceipt] {
        var collected: [CarrierReceipt] = []
        for await event in gateway.events() {
            if case .receipt(let receipt) = event {
                receipt.acknowledge(true)
                collected.append(receipt)
                if collected.count == count { break }
            }
        }
        return collected
    }

    @Test func singlePartIsAcceptedAndItsReceiptMatchesTheStoredKey() async throws {
        try await withHarness { harness in
            let result = await harness.gateway.submit(message("Your code is 123456"), via: "sim")
            guard case .accepted(let parts) = result else { Issue.record("not accepted: \(result)"); return }
            #expect(parts.count == 1)
            let receipts = await receipts(harness.gateway, count: 1)
            #expect(receipts[0].state == .delivered)
            #expect(receipts[0].lookupKeys.contains(parts[0].lookupKey))
            #expect(harness.simulator.recentSubmissions.last?.text == "Your code is 123456")
        }
    }

    @Test func multipartTextIsSplitInOrderAndEveryPartGetsAReceipt() async throws {
        try await withHarness { harness in
            let long = String(repeating: "Long message text. ", count: 20)  // 380 GSM characters: 3 parts
            let result = await harness.gateway.submit(message(long), via: "sim")
            guard case .accepted(let parts) = result else { Issue.record("not accepted: \(result)"); return }
            #expect(parts.map(\.sequence) == [1, 2, 3])
            let receipts = await receipts(harness.gateway, count: 3)
            let keys = Set(receipts.flatMap(\.lookupKeys))
            #expect(parts.allSatisfy { keys.contains($0.lookupKey) })
            let texts = harness.simulator.recentSubmissions.suffix(3).compactMap(\.text)
            #expect(texts.joined() == long)
            #expect(harness.simulator.recentSubmissions.suffix(3).allSatisfy { $0.esmClass & 0x40 != 0 })
        }
    }

    @Test(arguments: [(SimulatorConfiguration.MessageIDFormat.hex, ReceiptKeyStyle.auto), (.decimal, .auto), (.hex, .hexToDecimal), (.decimal, .decimalToHex)])
    func receiptsQuotingTheIdInTheOtherBaseStillMatch(format: SimulatorConfiguration.MessageIDFormat, style: ReceiptKeyStyle) async throws {
        var configuration = SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(5))
        configuration.messageIDFormat = format
        configuration.receiptIDsInOtherBase = true
        try await withHarness(simulator: configuration, receiptKeyStyle: style) { harness in
            guard case .accepted(let parts) = await harness.gateway.submit(message("id check"), via: "sim") else {
                Issue.record("not accepted")
                return
            }
            let receipt = await receipts(harness.gateway, count: 1)[0]
            #expect(receipt.lookupKeys.contains(parts[0].lookupKey), "stored \(parts[0].lookupKey), receipt keys \(receipt.lookupKeys)")
        }
    }

    @Test func failuresAreClassifiedForTheDispatcher() async throws {
        var configuration = SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(5))
        configuration.rules = [
            SimulatorRule(pattern: "+999*", outcome: .invalidDestination),
            SimulatorRule(pattern: "+888*", outcome: .throttled),
            SimulatorRule(pattern: "+777*", outcome: .systemError),
            SimulatorRule(pattern: "+666*", outcome: .noResponse),
        ]
        // Long enough that a loaded machine answers every other case in time; the no-response case waits it out.
        try await withHarness(simulator: configuration, responseTimeout: .seconds(3)) { harness in
            func failure(_ to: String) async -> SubmitFailure? {
                if case .failed(let failure) = await harness.gateway.submit(message("x", to: to), via: "sim") { return failure }
                return nil
            }
            #expect(await failure("+99912345678")?.disposition == .permanent)
            #expect(await failure("+88812345678")?.disposition == .retryLater)
            #expect(await failure("+77712345678")?.disposition == .tryOtherLink)
            let timeout = await failure("+66612345678")
            #expect(timeout?.disposition == .tryOtherLink)
            #expect(timeout?.ambiguous == true)
            #expect(await failure("+99912345678")?.code == "invalid_destination")
            let unknown = await harness.gateway.submit(message("x"), via: "nowhere")
            guard case .failed(let failure) = unknown else { Issue.record("unknown link accepted"); return }
            #expect(failure.code == "unknown_link")
            #expect(harness.gateway.linkStatuses()["sim"]?.isUp == true)
        }
    }

    @Test func mobileOriginatedMultipartMessageIsReassembled() async throws {
        try await withHarness { harness in
            let text = String(repeating: "Reply from the handset. ", count: 12)
            try harness.simulator.injectMobileOriginated(from: "+447700900123", to: "+15550001", text: text, systemID: "herald")
            for await event in harness.gateway.events() {
                guard case .inbound(let inbound) = event else { continue }
                inbound.acknowledge(true)
                #expect(inbound.body == text)
                #expect(inbound.from.hasSuffix("447700900123"))
                #expect(inbound.linkID == "sim")
                break
            }
        }
    }

    @Test func absoluteValidityIsWrittenInUTC() {
        #expect(SMPPCarrierGatewayTestAccess.absoluteTime(Timestamp(millisecondsSince1970: 1_767_225_600_000)) == "260101000000000+")
    }
}
