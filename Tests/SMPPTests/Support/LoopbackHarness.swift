import Foundation
import Logging
import NIOCore
import Synchronization
import Testing
@testable import SMPP

/// A configurable in-process SMSC handler that records what it sees.
final class RecordingServerHandler: SMPPServerHandler {
    struct State {
        var submits: [SubmitSM] = []
        var bound: [SMPPServerSession] = []
        var closed: [SMPPServerSession] = []
        var attempts: [SMPPBindAttempt] = []
        var nextID = 0
    }
    let state = Mutex(State())
    let password: String
    let limits: SMPPSessionLimits?
    let submitStatus: CommandStatus

    init(password: String = "secret", limits: SMPPSessionLimits? = nil, submitStatus: CommandStatus = .ok) {
        self.password = password
        self.limits = limits
        self.submitStatus = submitStatus
    }

    func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
        state.withLock { $0.attempts.append(attempt) }
        return attempt.password == password ? .accept(limits) : .reject(.invalidPassword)
    }

    func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse {
        switch request {
        case .submitSM(let sm):
            guard submitStatus.isOK else { return .error(submitStatus) }
            let id = state.withLock { state -> Int in
                state.submits.append(sm)
                state.nextID += 1
                return state.nextID
            }
            return .submitSM(SubmitSMResponse(messageID: String(format: "M%08X", id)))
        case .querySM(let q):
            return .querySM(QuerySMResponse(messageID: q.messageID, messageState: .delivered))
        case .dataSM:
            return .dataSM(DataSMResponse(messageID: "D1"))
        case .cancelSM:
            return .cancelSM
        case .replaceSM:
            return .error(.replaceFailed)
        case .submitMulti(let m):
            return .submitMulti(SubmitMultiResponse(messageID: "MM", unsuccessful: m.destinations.dropFirst().compactMap {
                if case .address(let a) = $0 { return UnsuccessfulDelivery(destination: a, errorStatus: .invalidDestinationAddress) }
                return nil
            }))
        }
    }

    func sessionBound(_ session: SMPPServerSession) async {
        state.withLock { $0.bound.append(session) }
    }

    func sessionClosed(_ session: SMPPServerSession) async {
        state.withLock { $0.closed.append(session) }
    }
}

let quietLogger = Logger(label: "smpp.test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Polls `condition` until true or `timeout` (generous: tests run on a loaded 2-core machine).
func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Runs a server on 127.0.0.1:0 for the duration of `body`.
@discardableResult
func withServer<T: Sendable>(
    handler: some SMPPServerHandler,
    configure: (inout SMPPServer.Configuration) -> Void = { _ in },
    _ body: @Sendable (SMPPServer, Int) async throws -> T
) async throws -> T {
    var configuration = SMPPServer.Configuration(host: "127.0.0.1", port: 0, systemID: "TestSMSC")
    configure(&configuration)
    let server = SMPPServer(configuration: configuration, handler: handler, logger: quietLogger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await server.run()
            return nil
        }
        let port = try await server.listeningAddress().port ?? 0
        let result = try await body(server, port)
        await server.shutdown()
        for try await _ in group {}
        return result
    }
}

func clientConfiguration(port: Int, password: String = "secret", bindType: BindType = .transceiver) -> SMPPClient.Configuration {
    var configuration = SMPPClient.Configuration(host: "127.0.0.1", port: port, systemID: "herald", password: password, bindType: bindType)
    configuration.reconnect = ReconnectPolicy(initialDelay: .milliseconds(50), maxDelay: .milliseconds(500))
    configuration.responseTimeout = .seconds(30)
    return configuration
}

/// Runs a client (its run() loop) for the duration of `body`, then shuts it down.
@discardableResult
func withClient<T: Sendable>(
    _ configuration: SMPPClient.Configuration,
    waitForBind: Bool = true,
    _ body: @Sendable (SMPPClient) async throws -> T
) async throws -> T {
    let client = SMPPClient(configuration: configuration, logger: quietLogger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await client.run()
            return nil
        }
        if waitForBind {
            try await withTimeout(.seconds(30)) { try await client.waitUntilBound() }
        }
        let result = try await body(client)
        await client.shutdown()
        for try await _ in group {}
        return result
    }
}

struct TimeoutError: Error {}

func withTimeout<T: Sendable>(_ duration: Duration, _ body: @Sendable @escaping () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw TimeoutError()
        }
        let result = try await group.next()!
        group.cancelAll()
        return result
    }
}

func makeSubmit(_ text: String, to: String = "15550002") -> SubmitSM {
    SubmitSM(source: .international("15550001"), destination: .international(to), shortMessage: Array(text.utf8))
}
