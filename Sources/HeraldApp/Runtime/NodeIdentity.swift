import Foundation

/// The name of this node: configured, or `node-<hostname>`.
enum NodeIdentity {
    static func resolve(configured: String?) -> String {
        if let configured { return configured }
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "local"
        let cleaned = host.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return "node-" + (cleaned.isEmpty ? "local" : String(cleaned.prefix(48)))
    }
}
