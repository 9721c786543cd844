import Foundation

/// One `herald serve` process of the cluster: its node id, the process, and a client of its HTTP API.
struct ClusterNode: Sendable {
    let id: String
    let process: ChildProcess
    let api: APIClient
    let dataDirectory: String

    /// Starts `herald serve` with the shared configuration file and secrets file, a data directory and node
    /// id of its own, and a free HTTP port; waits until it listens. `apiKey` is unknown before the first
    /// node created the account (pass `nil` and read ``initialAPIKey()``).
    static func start(
        _ id: String, herald: URL, configuration: URL, secretsFile: URL, directory: URL, apiKey: String?, children: ChildProcesses
    ) async throws -> ClusterNode {
        let data = directory.appendingPathComponent(id).path
        let process = try children.start(
            name: id, executable: herald, arguments: ["serve", "--config", configuration.path, "--port", "0", "--data-directory", data],
            environment: ["HERALD_NODE_ID": id, "HERALD_SECRETS_FILE": secretsFile.path], logDirectory: directory)
        guard let line = await process.waitForLine(containing: "HTTP API:"),
              let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw EndToEndError("\(id) did not start:\n\(process.logTail())")
        }
        return ClusterNode(id: id, process: process, api: APIClient(baseURL: "http://127.0.0.1:\(port)", apiKey: apiKey), dataDirectory: data)
    }

    /// The same node with another API key.
    func with(apiKey: String) -> ClusterNode {
        ClusterNode(id: id, process: process, api: APIClient(baseURL: api.baseURL, apiKey: apiKey), dataDirectory: dataDirectory)
    }

    /// The first account's key, written by the node that created it.
    func initialAPIKey() throws -> String {
        try String(contentsOfFile: dataDirectory + "/initial-api-key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first admin's token, written by the node that created it.
    func initialOperatorToken() throws -> String {
        try String(contentsOfFile: dataDirectory + "/initial-operator-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until `/readyz` answers 200 (the store answers and the carrier link is bound).
    func waitUntilReady() async throws {
        let ready = await Eventually.holds(timeout: .seconds(90), every: .milliseconds(200)) { try await api.get("/readyz").status == 200 }
        guard ready else { throw EndToEndError("\(id) never became ready:\n\(process.logTail())") }
    }

    /// The node's `herald_dispatch_outcomes_total{outcome="accepted"}`: messages it submitted and the carrier accepted.
    func submittedCount() async throws -> Int {
        let text = try await api.get("/metrics").text
        let line = text.split(separator: "\n").first { $0.hasPrefix("herald_dispatch_outcomes_total") && $0.contains(#"outcome="accepted""#) }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }.map { Int($0) } ?? 0
    }
}
