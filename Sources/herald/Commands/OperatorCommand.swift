import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import Logging

/// `herald operator …`: manage operators straight on the database (as `cli:<os user>`, audited).
struct OperatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Manage operators (admin API users) on the database: create, list, revoke, issue tokens.",
        discussion: "Acts on the database directly, as cli:<os user>; every change is written to the audit log. See docs/oversight.md.",
        subcommands: [OperatorCreateCommand.self, OperatorListCommand.self, OperatorRevokeCommand.self, OperatorTokenCommand.self]
    )

    static func lifetime(days: Int) throws -> Duration {
        guard (1...366).contains(days) else { throw ValidationError("--expires-in-days must be 1-366") }
        return .seconds(Int64(days) * 86_400)
    }
}
