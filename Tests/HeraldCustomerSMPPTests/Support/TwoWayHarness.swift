import Foundation
import HeraldApp
import HeraldCore
import HeraldSQLite
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real Herald node (HTTP on 127.0.0.1, built-in simulated carrier, customer SMPP listener on a free
/// port) in a temporary directory, with one customer account that has SMPP access and a webhook endpoint.
struct TwoWayHarness: Sendable {
    let app: HeraldApplication
    let directory: URL
    let httpPort: Int
    let smppPort: Int
    let account: Account
    let apiKey: String
    let webhooks: WebhookReceiver
    let systemID = "acme"
    let password = "s3cret"
    private let running: Task<Void, any Error>

    /// Runs `body` against a fresh node; always stops it afterwards.
    static func with(_ body: @Sendable (TwoWayHarness) async throws -> Void) async throws {
        let harness = try await TwoWayHarness()
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    private init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-two-way-\(UUID().uuidString)")
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.http.port = 0
        configuration.customerSMPP.enabled = true
        configuration.customerSMPP.port = 0
        configuration.customerSMPP.multipartTimeoutSeconds = 30
        configuration.simulator.receiptLatencyMilliseconds = 20
        configuration.simulator.responseLatencyMilliseconds = 1
        configuration.logging.level = "warning"
        var logger = Logger(label: "herald.tests.two-way")
        logger.logLevel = ProcessInfo.processInfo.environment["HERALD_TEST_DEBUG"] == "1" ? .debug : .warning
        let app = try await HeraldApplication.make(configuration: configuration, logger: logger)
        self.app = app
        running = Task { try await app.run(handlingSignals: false) }
        guard let http = await app.httpListeningPort(), let smpp = try await app.customerSMPPListeningPort() else {
            running.cancel()
            throw HarnessError("the node did not start listening")
        }
        httpPort = http
        smppPort = smpp
        guard await app.gateway.waitUntilBound(timeout: .seconds(60)) else {
            running.cancel()
            throw HarnessError("the carrier links did not bind")
        }
        webhooks = WebhookReceiver()
        let hookPort = try await webhooks.start()
        let creation = try await app.accounts.createAccount(name: "Acme", webhookURL: "http://127.0.0.1:\(hookPort)/hook", actor: .cli("test"))
        account = creation.account
        apiKey = creation.credential.text
        try await app.smppAccounts.setCredentials(accountID: account.id, systemID: systemID, password: password, actor: .cli("test"))
    }

    func stop() async {
        await app.shutdown()
        _ = try? await running.value
        webhooks.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A started smpplib ESME connected to the listener.
    func esme() async throws -> ESMEProcess {
        let esme = try ESMEProcess(port: smppPort)
        guard await esme.line(startingWith: "CONNECTED") != nil else { throw HarnessError("the ESME did not connect:\n\(esme.transcript)") }
        return esme
    }

    /// The SQLite store, for the audit log.
    var sqlite: SQLiteHeraldStore? { app.store as? SQLiteHeraldStore }

    // MARK: HTTP

    struct HTTPAnswer: Sendable {
        var status: Int
        var body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    /// A request with the account's API key, or with `token` (an operator's, for the admin API).
    func http(_ method: String, _ path: String, json: String? = nil, token: String? = nil) async throws -> HTTPAnswer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(httpPort)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(token ?? apiKey)", forHTTPHeaderField: "Authorization")
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return HTTPAnswer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }

    // MARK: Waiting

    /// Polls `condition` until it holds or 60 s pass (a loaded CI machine may be slow); returns whether it held.
    func eventually(_ timeout: Duration = .seconds(60), _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    func message(_ id: String) async throws -> Message? {
        guard let id = MessageID(id) else { return nil }
        return try await app.store.message(id, accountID: account.id)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
