import ArgumentParser
import HeraldApp
import HeraldCore

/// `herald operator create`: a new operator and its first token, printed once.
struct OperatorCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an operator and print its first token (shown once).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "The operator's name.")
    var name: String

    @Option(name: .long, help: "viewer, support, admin or auditor.")
    var role: String

    @Option(name: .long, help: "Days until the token expires (1-366).")
    var expiresInDays: Int = 90

    func run() async throws {
        guard let role = OperatorRole(rawValue: role) else { throw ValidationError("--role must be viewer, support, admin or auditor") }
        let lifetime = try OperatorCommand.lifetime(days: expiresInDays)
        let creation = try await database.withAdministration { offline in
            try await offline.operators.createOperator(name: name, role: role, tokenLifetime: lifetime, actor: offline.actor)
        }
        StandardOutput.line("created operator \(creation.operator.id) (\(role.rawValue)); its token expires \(creation.token.expiresAt.iso8601):")
        StandardOutput.line(creation.credential.text)
    }
}
