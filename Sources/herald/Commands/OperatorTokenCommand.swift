import ArgumentParser
import HeraldApp
import HeraldCore

/// `herald operator token`: issues another token to an operator, printed once.
struct OperatorTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Issue another token to an operator (shown once).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The operator id (op_…).")
    var id: String

    @Option(name: .long, help: "Days until the token expires (1-366).")
    var expiresInDays: Int = 90

    func run() async throws {
        guard let operatorID = OperatorID(id) else { throw ValidationError("'\(id)' is not an operator id (op_…)") }
        let lifetime = try OperatorCommand.lifetime(days: expiresInDays)
        let (token, credential) = try await database.withAdministration { offline in
            try await offline.operators.issueToken(to: operatorID, lifetime: lifetime, actor: offline.actor)
        }
        StandardOutput.line("issued token \(token.id) to \(operatorID); it expires \(token.expiresAt.iso8601):")
        StandardOutput.line(credential.text)
    }
}
