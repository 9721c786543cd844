import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore

/// `herald operator list`: operators and their tokens (never the token text).
struct OperatorListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List operators and their tokens.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let now = Timestamp(Date())
        let lines = try await database.withAdministration { offline -> [String] in
            var lines: [String] = []
            for op in try await offline.operators.operators() {
                lines.append("\(op.id)  \(op.role.rawValue)  \(op.status.rawValue)  \(op.name)  (created \(op.createdAt.iso8601) by \(op.createdBy))")
                for token in try await offline.operators.tokens(of: op.id) {
                    let state = token.revokedAt.map { "revoked \($0.iso8601)" } ?? (token.isValid(at: now) ? "valid until \(token.expiresAt.iso8601)" : "expired")
                    lines.append("    token \(token.id)  \(state)")
                }
            }
            return lines
        }
        StandardOutput.line(lines.isEmpty ? "no operators" : lines.joined(separator: "\n"))
    }
}
