import Foundation
import NIOCore
import Synchronization
import Testing
@testable import SMPP

/// Interop on 127.0.0.1 with independent SMPP implementations:
/// our client ↔ the `smpp34` server, the `smpp34` client ↔ our server, `smpplib` ↔ our server.
@Suite("Python interop (smpp34, smpplib)", .serialized)
struct PythonInteropTests {
    @Test func ourClientAgainstSmpp34Server() async throws {
        guard ExternalTool.pythonHasModules(["smpp34"]) else {
            try ExternalTool.skip("python3 with the smpp34 package is not available")
            return
        }
        let peer = try LineProcess.python(script: "smpp34_server.py", ["--deliver", "mo from smpp34"])
        defer { peer.terminate() }
        guard let ready = await peer.line(startingWith: "READY"), let port = Int(ready.split(separator: " ")[1]) else {
            Issue.record("smpp34 server did not start: \(peer.stderr)")
            return
        }
        var configuration = clientConfiguration(port: port)
        configuration.systemID = "herald"
        try await withClient(configuration) { client in
            let received = Task { () -> String? in
                for await message in client.inbound {
                    guard case .deliverSM(let sm) = message.request else { continue }
                    message.respond(.ok)
                    return String(decoding: sm.shortMessage, as: UTF8.self)
                }
                return nil
            }
            #expect(await peer.line(startingWith: "BOUND") == "BOUND herald True")
            for i in 0..<5 {
                let response = try await client.submit(makeSubmit("to smpp34 \(i)", to: "4477009001\(i)"))
                #expect(response.messageID == "PY\(i + 1)")
            }
            let submitLine = await peer.line(startingWith: "SUBMIT")
            #expect(submitLine == "SUBMIT 44770090010 " + Array("to smpp34 0".utf8).map { String(format: "%02x", $0) }.joined())
            #expect(await received.value == "mo from smpp34")
            #expect(await peer.line(startingWith: "DELIVER_RESP") == "DELIVER_RESP 0")
            // The smpp34 server's enquire_link / responses keep flowing with a window of several.
            let burst = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<50 { group.addTask { try await client.submit(makeSubmit("burst \(i)")).messageID } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(burst.count == 50)
        }
        #expect(await peer.line(startingWith: "UNBOUND") == "UNBOUND")
        peer.closeInput()
        await peer.waitForExit()
    }

    @Test func smpp34ClientAgainstOurServer() async throws {
        guard ExternalTool.pythonHasModules(["smpp34"]) else {
            try ExternalTool.skip("python3 with the smpp34 package is not available")
            return
        }
        let handler = PushingHandler(push: "receipt for py34")
        try await withServer(handler: handler) { server, port in
            let peer = try LineProcess.python(script: "smpp34_client.py", ["\(port)", "--count", "3", "--expect-deliver"])
            defer { peer.terminate() }
            #expect(await peer.line(startingWith: "BOUND") == "BOUND", "transcript: \(peer.transcript.withLock { $0 }) stderr: \(peer.stderr)")
            for i in 1...3 {
                #expect(await peer.nextLine() == String(format: "SUBMIT_RESP 0 M%08X", i))
            }
            #expect(await peer.line(startingWith: "DELIVER") == "DELIVER receipt for py34 4 4")  // text, esm_class 4
            #expect(await peer.line(startingWith: "DONE") == "DONE", "stderr: \(peer.stderr)")
            #expect(await peer.waitForExit() == 0, "stderr: \(peer.stderr)")
            #expect(await eventually { handler.recorder.state.withLock { $0.closed.count } == 1 })
            #expect(handler.pushResults.withLock { $0 } == [.ok])
            #expect(server.sessions.isEmpty)
        }
        let texts = handler.recorder.state.withLock { $0.submits.map { String(decoding: $0.shortMessage, as: UTF8.self) } }
        #expect(texts == ["interop 0", "interop 1", "interop 2"])
    }

    @Test func smpp34ClientWithWrongPasswordIsRefused() async throws {
        guard ExternalTool.pythonHasModules(["smpp34"]) else {
            try ExternalTool.skip("python3 with the smpp34 package is not available")
            return
        }
        let handler = RecordingServerHandler()
        try await withServer(handler: handler) { server, port in
            let peer = try LineProcess.python(script: "smpp34_client.py", ["\(port)", "--password", "wrong", "--connect-timeout-ms", "3000"])
            defer { peer.terminate() }
            // smpp34 1.5.0 does not surface an error bind_resp (with or without body) and reports
            // "bind timed out" instead; what matters here is that the bind was refused.
            let line = await peer.line(startingWith: "BIND_FAILED")
            #expect(line != nil, "stderr: \(peer.stderr)")
            #expect(handler.state.withLock { $0.attempts.map(\.systemID) } == ["py34"])
            #expect(handler.state.withLock { $0.bound.isEmpty })
            #expect(server.sessions.isEmpty)
        }
    }

    @Test func smpplibClientAgainstOurServer() async throws {
        guard ExternalTool.pythonHasModules(["smpplib"]) else {
            try ExternalTool.skip("python3 with the smpplib package is not available")
            return
        }
        let handler = PushingHandler(push: "receipt for smpplib")
        try await withServer(handler: handler) { _, port in
            let peer = try LineProcess.python(script: "smpplib_client.py", ["\(port)", "--expect-deliver"])
            defer { peer.terminate() }
            #expect(await peer.line(startingWith: "BOUND") == "BOUND", "transcript: \(peer.transcript.withLock { $0 }) stderr: \(peer.stderr)")
            #expect(await peer.line(startingWith: "SUBMIT_RESP") == "SUBMIT_RESP 0 M00000001")
            #expect(await peer.line(startingWith: "QUERY_RESP") == "QUERY_RESP M00000001 2")
            #expect(await peer.line(startingWith: "DELIVER") == "DELIVER receipt for smpplib 1")
            #expect(await peer.line(startingWith: "ENQUIRE_LINK_OK") == "ENQUIRE_LINK_OK")
            #expect(await peer.line(startingWith: "DONE") == "DONE", "stderr: \(peer.stderr)")
            #expect(await peer.waitForExit() == 0, "stderr: \(peer.stderr)")
            #expect(handler.pushResults.withLock { $0 } == [.ok])
        }
        let submits = handler.recorder.state.withLock { $0.submits }
        #expect(submits.count == 1)
        #expect(submits.first?.destination == SMPPAddress(ton: .international, npi: .unknown, address: "15550002"))
        #expect(submits.first?.registeredDelivery == .receiptOnFinal)
    }

    @Test func smpplibClientWithWrongPasswordIsRefused() async throws {
        guard ExternalTool.pythonHasModules(["smpplib"]) else {
            try ExternalTool.skip("python3 with the smpplib package is not available")
            return
        }
        try await withServer(handler: RecordingServerHandler()) { _, port in
            let peer = try LineProcess.python(script: "smpplib_client.py", ["\(port)", "--password", "wrong"])
            defer { peer.terminate() }
            #expect(await peer.line(startingWith: "BIND_FAILED") == "BIND_FAILED 14", "stderr: \(peer.stderr)")
        }
    }
}

/// Records like RecordingServerHandler and, after the session's submits, pushes one deliver_sm
/// (text + " " + number of submits seen so far).
final class PushingHandler: SMPPServerHandler {
    let recorder = RecordingServerHandler()
    let push: String
    let pushResults = Mutex<[CommandStatus]>([])
    private let pushed = Mutex(false)

    init(push: String) {
        self.push = push
    }

    func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
        await recorder.authenticate(attempt)
    }

    func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse {
        let response = try await recorder.handle(request, from: session)
        let count = recorder.state.withLock { $0.submits.count }
        let expected = session.systemID == "pylib" ? 1 : 3
        if case .submitSM = request, count == expected, pushed.withLock({ done in defer { done = true }; return !done }) {
            let text = "\(push) \(session.systemID == "pylib" ? 1 : 4)"
            Task {
                // Give the peer time to read the submit response first.
                try? await Task.sleep(for: .milliseconds(100))
                do {
                    _ = try await session.deliver(DeliverSM(source: .international("15550002"), destination: .international("15550001"),
                                                            esmClass: .deliveryReceipt, shortMessage: Array(text.utf8)))
                    pushResults.withLock { $0.append(.ok) }
                } catch let error as SMPPError {
                    pushResults.withLock { $0.append(error.commandStatus ?? .unknownError) }
                }
            }
        }
        return response
    }

    func sessionBound(_ session: SMPPServerSession) async { await recorder.sessionBound(session) }
    func sessionClosed(_ session: SMPPServerSession) async { await recorder.sessionClosed(session) }
}
