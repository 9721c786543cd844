import ArgumentParser
import Foundation
import HeraldApp
import Logging

/// `herald serve`: runs a gateway node. With no configuration at all it listens on 127.0.0.1:8080, keeps
/// its state in `./herald-data` (SQLite) and sends through the built-in simulated carrier.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway (HTTP API, dispatcher, carrier links) until SIGTERM or SIGINT.")

    @Option(name: .long, help: "YAML configuration file (default: none; HERALD_CONFIG also works).")
    var config: String?

    @Option(name: .long, help: "HTTP port (overrides the file and HERALD_HTTP_PORT; 0 picks a free port).")
    var port: Int?

    @Option(name: .long, help: "Data directory for SQLite, secrets and the initial API key.")
    var dataDirectory: String?

    func run() async throws {
        var configuration: HeraldConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: config)
            if let port { configuration.http.port = port }
            if let dataDirectory { configuration.dataDirectory = dataDirectory }
            try configuration.validate()
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
        let registry = ProcessBootstrap.run(logging: configuration.logging)
        let logger = Logger(label: "herald")
        let application = try await HeraldApplication.make(configuration: configuration, logger: logger, metrics: registry)
        async let running: Void = application.run()
        if let port = await application.httpListeningPort() {
            Self.announce(application, port: port, smppPort: try? await application.customerSMPPListeningPort())
        }
        try await running
    }

    /// What a new user needs to get going, printed once on standard output.
    static func announce(_ application: HeraldApplication, port: Int, smppPort: Int?) {
        var lines = [
            "Herald \(HeraldVersion.current) node \(application.nodeID) is running.",
            "  HTTP API:      http://\(application.configuration.http.host):\(port)",
            "  carrier links: \(application.linkIDs.joined(separator: ", "))" + (application.simulator != nil ? " (built-in simulator)" : ""),
        ]
        if let smppPort {
            lines.append("  customer SMPP: \(application.configuration.customerSMPP.host):\(smppPort) (see docs/customer-smpp.md)")
        }
        if let created = application.initialAccount {
            lines += [
                "  First start: created account \(created.accountID) with this API key (shown once; also in \(created.path)):",
                "    \(created.apiKey)",
                "  Try:",
                "    curl -s -u \(created.apiKey): http://\(application.configuration.http.host):\(port)/v1/messages \\",
                "      -H 'Content-Type: application/json' -d '{\"to\": \"+4915123456789\", \"body\": \"Hello from Herald\"}'",
            ]
        }
        if let created = application.initialOperator {
            lines += [
                "  First start: created operator \(created.operatorID) (admin) with this token (shown once; also in \(created.path)):",
                "    \(created.token)",
                "  Admin API: curl -s -H 'Authorization: Bearer \(created.token)' http://\(application.configuration.http.host):\(port)/v1/admin/operators",
                "  The two-person rule needs a second admin: create one, then delete \(created.path) (see docs/oversight.md).",
            ]
        }
        StandardOutput.line(lines.joined(separator: "\n"))
    }
}
