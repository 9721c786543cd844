import NIOCore
import Synchronization
import Testing
@testable import SMPP

@Suite("Client ↔ server over loopback")
struct ClientServerTests {
    @Test func bindSubmitAndEveryRequestType() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { server, port in
            try await withClient(clientConfiguration(port: port)) { client in
                let response = try await client.submit(makeSubmit("hello"))
                #expect(response.messageID == "M00000001")
                let query = try await client.query(QuerySM(messageID: "M00000001", source: .international("15550001")))
                #expect(query.messageState == .delivered)
                #expect(try await client.dataSM(DataSM(source: .international("1"), destination: .international("2"))).messageID == "D1")
                try await client.cancel(CancelSM(messageID: "M00000001"))
                let multi = try await client.submitMulti(SubmitMulti(source: .international("1"),
                    destinations: [.address(.international("2")), .address(.international("3"))], shortMessage: [0x41]))
                #expect(multi.unsuccessful.map(\.destination.address) == ["3"])
                await #expect {
                    try await client.replace(ReplaceSM(messageID: "x"))
                } throws: { error in
                    (error as? SMPPError)?.code == .rejected && (error as? SMPPError)?.commandStatus == .replaceFailed
                }
                #expect(server.sessions.count == 1)
                #expect(server.sessions.first?.systemID == "herald")
            }
            #expect(await eventually { handler.state.withLock { $0.closed.count } == 1 })
        }
        #expect(handler.state.withLock { $0.submits.map { String(decoding: $0.shortMessage, as: UTF8.self) } } == ["hello"])
        #expect(handler.state.withLock { $0.attempts.first?.remoteAddress?.ipAddress } == "127.0.0.1")
    }

    @Test func manyConcurrentSubmitsThroughTheWindow() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { _, port in
            var configuration = clientConfiguration(port: port)
            configuration.windowSize = 8
            try await withClient(configuration) { client in
                let ids = try await withThrowingTaskGroup(of: String.self) { group in
                    for i in 0..<300 {
                        group.addTask { try await client.submit(makeSubmit("m\(i)")).messageID }
                    }
                    return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                }
                #expect(ids.count == 300)
            }
        }
        #expect(handler.state.withLock { $0.submits.count } == 300)
    }

    @Test func rejectedBindIsReportedAndRetried() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { _, port in
            try await withClient(clientConfiguration(port: port, password: "wrong"), waitForBind: false) { client in
                let sawFailure = await eventually {
                    if case .reconnecting(_, _, let error) = client.state {
                        return error?.code == .bindFailed && error?.commandStatus == .invalidPassword
                    }
                    return false
                }
                #expect(sawFailure)
                await #expect {
                    _ = try await client.submit(makeSubmit("x"))
                } throws: { ($0 as? SMPPError)?.code == .notBound }
                // It keeps retrying with backoff.
                #expect(await eventually { handler.state.withLock { $0.attempts.count } >= 2 })
            }
        }
    }

    @Test func serverPushesDeliverSMAndClientAnswersAfterStoring() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { server, port in
            try await withClient(clientConfiguration(port: port, bindType: .receiver)) { client in
                let stored = Mutex<[String]>([])
                let consumer = Task {
                    for await message in client.inbound {
                        guard case .deliverSM(let sm) = message.request else { continue }
                        let text = String(decoding: sm.shortMessage, as: UTF8.self)
                        stored.withLock { $0.append(text) }  // "store durably", then answer
                        message.respond(text == "reject me" ? .receiverTemporaryAppError : .ok)
                    }
                }
                var receipt = DeliverSM(source: .international("15550002"), destination: .international("15550001"),
                                        esmClass: .deliveryReceipt, shortMessage: Array("id:M1 stat:DELIVRD".utf8))
                receipt.tlvs.receiptedMessageID = "M1"
                receipt.tlvs.messageState = .delivered
                _ = try await server.deliver(receipt, toSystemID: "herald")
                #expect(stored.withLock { $0 } == ["id:M1 stat:DELIVRD"])

                await #expect {
                    try await server.deliver(DeliverSM(shortMessage: Array("reject me".utf8)), toSystemID: "herald")
                } throws: { ($0 as? SMPPError)?.commandStatus == .receiverTemporaryAppError }

                await #expect {
                    try await server.deliver(DeliverSM(), toSystemID: "nobody")
                } throws: { ($0 as? SMPPError)?.code == .sessionNotFound }

                // A receiver bind cannot submit: refused locally, nothing sent.
                await #expect {
                    _ = try await client.submit(makeSubmit("x"))
                } throws: { ($0 as? SMPPError)?.code == .invalidState }
                consumer.cancel()
            }
        }
    }

    @Test func unansweredDeliverGetsTheTimeoutStatus() async throws {
        try await withServer(handler: RecordingServerHandler()) { server, port in
            var configuration = clientConfiguration(port: port, bindType: .transceiver)
            configuration.inboundResponseTimeout = .milliseconds(300)
            try await withClient(configuration) { client in
                let keep = Mutex<[SMPPInboundMessage]>([])
                let consumer = Task {
                    for await message in client.inbound { keep.withLock { $0.append(message) } }  // never answers
                }
                await #expect {
                    try await server.deliver(DeliverSM(), toSystemID: "herald")
                } throws: { ($0 as? SMPPError)?.commandStatus == .receiverTemporaryAppError }
                #expect(keep.withLock { $0.first?.respond(.ok) } == false)
                consumer.cancel()
            }
        }
    }

    @Test func serverThrottlesAndClientBacksOffUntilAllSucceed() async throws {
        let handler = RecordingServerHandler(limits: SMPPSessionLimits(maxInFlight: 100, maxTPS: 20))
        try await withServer(handler: handler) { _, port in
            var configuration = clientConfiguration(port: port)
            configuration.windowSize = 10
            configuration.throttle = ThrottlePolicy(initialDelay: .milliseconds(50), maxDelay: .milliseconds(400), maxRetries: 50)
            try await withClient(configuration) { client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<60 {
                        group.addTask { _ = try await client.submit(makeSubmit("t\(i)")) }
                    }
                    try await group.waitForAll()
                }
            }
        }
        #expect(handler.state.withLock { $0.submits.count } == 60)
    }

    @Test func submitErrorStatusIsTypedRejection() async throws {
        try await withServer(handler: RecordingServerHandler(submitStatus: .invalidDestinationAddress)) { _, port in
            try await withClient(clientConfiguration(port: port)) { client in
                await #expect {
                    _ = try await client.submit(makeSubmit("x"))
                } throws: { error in
                    let e = error as? SMPPError
                    return e?.code == .rejected && e?.commandStatus == .invalidDestinationAddress && e?.wasNotSent == false
                }
            }
        }
    }

    @Test func clientReconnectsAfterTheServerDropsTheSession() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { server, port in
            try await withClient(clientConfiguration(port: port)) { client in
                let states = client.stateChanges()
                let firstSession = try #require(server.sessions.first)
                firstSession.close()
                let rebound = try await withTimeout(.seconds(60)) {
                    var sawReconnecting = false
                    for await state in states {
                        if case .reconnecting = state { sawReconnecting = true }
                        if case .bound = state, sawReconnecting { return true }
                    }
                    return false
                }
                #expect(rebound)
                #expect(try await client.submit(makeSubmit("after reconnect")).messageID.isEmpty == false)
                #expect(server.sessions.first?.id != firstSession.id)
            }
        }
        #expect(handler.state.withLock { $0.bound.count } == 2)
    }

    @Test func serverShutdownUnbindsClients() async throws {
        let handler = RecordingServerHandler()
        let server = SMPPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: handler, logger: quietLogger)
        let client = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let port = try await server.listeningAddress().port!
            let client = SMPPClient(configuration: clientConfiguration(port: port), logger: quietLogger)
            group.addTask { try await client.run() }
            try await withTimeout(.seconds(30)) { try await client.waitUntilBound() }
            await server.shutdown()
            // The server unbound the session: the client notices and starts reconnecting.
            #expect(await eventually {
                if case .reconnecting = client.state { return true }
                return false
            })
            await client.shutdown()
            try await group.waitForAll()
            return client
        }
        if case .stopped = client.state {} else { Issue.record("client should be stopped, is \(client.state)") }
        #expect(handler.state.withLock { $0.closed.count } == 1)
    }

    @Test func cancellingRunUnbindsGracefully() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { server, port in
            let client = SMPPClient(configuration: clientConfiguration(port: port), logger: quietLogger)
            let run = Task { try await client.run() }
            try await withTimeout(.seconds(30)) { try await client.waitUntilBound() }
            run.cancel()
            try await run.value
            if case .stopped = client.state {} else { Issue.record("expected stopped, got \(client.state)") }
            #expect(await eventually { server.sessions.isEmpty })
            #expect(await eventually { handler.state.withLock { $0.closed.count } == 1 })
        }
    }
}

@Suite("Server connection limit")
struct ServerConnectionLimitTests {
    @Test func connectionsBeyondTheLimitAreClosed() async throws {
        let handler = RecordingServerHandler()
        try await withServer(handler: handler, configure: { $0.maxConnections = 1 }) { server, port in
            try await withClient(clientConfiguration(port: port)) { first in
                #expect(first.state.isBound)
                try await withClient(clientConfiguration(port: port), waitForBind: false) { second in
                    let refused = await eventually {
                        if case .reconnecting = second.state { return true }
                        return false
                    }
                    #expect(refused)
                    #expect(!second.state.isBound)
                }
                #expect(server.sessions.count == 1)
            }
        }
    }
}
