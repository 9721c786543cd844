import ArgumentParser
import HeraldApp
import HeraldCore

/// `herald operator revoke`: disables an operator (revoking its tokens) or revokes one token.
struct OperatorRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Disable an operator (revoking its tokens), or revoke one token (otk_…).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "An operator id (op_…) to disable, or a token id (otk_…) to revoke.")
    var id: String

    func run() async throws {
        if let tokenID = OperatorTokenID(id) {
            try await database.withAdministration { offline in try await offline.operators.revokeToken(tokenID, actor: offline.actor) }
            StandardOutput.line("revoked token \(tokenID)")
        } else if let operatorID = OperatorID(id) {
            _ = try await database.withAdministration { offline in try await offline.operators.disable(operatorID, actor: offline.actor) }
            StandardOutput.line("disabled operator \(operatorID) and revoked its tokens")
        } else {
            throw ValidationError("'\(id)' is neither an operator id (op_…) nor a token id (otk_…)")
        }
    }
}
