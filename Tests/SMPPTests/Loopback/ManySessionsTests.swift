import Synchronization
import Testing
@testable import SMPP

/// One SMSC serving many bound sessions at the same time: each ESME's submits reach the handler
/// tagged with its own session, and deliver_sm pushed by system id reaches only that ESME.
@Suite("Server with many concurrent sessions")
struct ManySessionsTests {
    static let sessionCount = 12
    static let submitsPerSession = 25

    @Test func manyBoundSessionsSubmitAndReceiveIndependently() async throws {
        let handler = RecordingServerHandler()
        let bindTypes: [BindType] = [.transmitter, .receiver, .transceiver]
        try await withServer(handler: handler) { server, port in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<Self.sessionCount {
                    let bindType = bindTypes[index % bindTypes.count]
                    var configuration = clientConfiguration(port: port, bindType: bindType)
                    configuration.systemID = "esme\(index)"
                    group.addTask {
                        try await withClient(configuration) { client in
                            // Everyone is bound before anyone submits or receives.
                            #expect(await eventually { server.sessions.count == Self.sessionCount })
                            if bindType != .receiver {
                                try await withThrowingTaskGroup(of: Void.self) { submits in
                                    for n in 0..<Self.submitsPerSession {
                                        submits.addTask { _ = try await client.submit(makeSubmit("esme\(index) #\(n)")) }
                                    }
                                    try await submits.waitForAll()
                                }
                            }
                            if bindType != .transmitter {
                                var inbound = client.inbound.makeAsyncIterator()
                                let pushed = Task {
                                    try await server.deliver(DeliverSM(shortMessage: Array("for esme\(index)".utf8)), toSystemID: "esme\(index)")
                                }
                                let message = try #require(await inbound.next())
                                guard case .deliverSM(let sm) = message.request else {
                                    Issue.record("esme\(index) got \(message.request) instead of deliver_sm")
                                    return
                                }
                                #expect(String(decoding: sm.shortMessage, as: UTF8.self) == "for esme\(index)")
                                message.respond(.ok)
                                _ = try await pushed.value  // throws unless the ESME answered ESME_ROK
                            }
                            // Stay bound until every session is done, so the count above stays true for all.
                            #expect(await eventually { handler.state.withLock { $0.submits.count } == Self.expectedSubmits })
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await eventually { handler.state.withLock { $0.closed.count } == Self.sessionCount })
            #expect(server.sessions.isEmpty)
        }

        let submits = handler.state.withLock { $0.submits.map { String(decoding: $0.shortMessage, as: UTF8.self) } }
        #expect(submits.count == Self.expectedSubmits)
        let senders = Set(submits.map { $0.split(separator: " ")[0] })
        let expectedSenders = Set((0..<Self.sessionCount).filter { bindTypes[$0 % bindTypes.count] != .receiver }.map { "esme\($0)"[...] })
        #expect(senders == expectedSenders)
        let boundIDs = handler.state.withLock { Set($0.bound.map(\.systemID)) }
        #expect(boundIDs == Set((0..<Self.sessionCount).map { "esme\($0)" }))
    }

    static var expectedSubmits: Int {
        // Every third session (index 1, 4, …) is a receiver and submits nothing.
        (0..<sessionCount).filter { $0 % 3 != 1 }.count * submitsPerSession
    }
}
