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

    /// Opens the database, runs `body`, closes it; domain errors become exit code 2 with their message.
    static func withAdministration<T>(_ options: DatabaseOptions, _ body: (OfflineAdministration) async throws -> T) async throws -> T {
        let configuration = try options.configuration()
        var logger = Logger(label: "herald.cli")
        logger.logLevel = .warning
        let offline = try await OfflineAdministration.open(configuration: configuration, logger: logger)
        do {
            let result = try await body(offline)
            await offline.close()
            return result
        } catch let error as HeraldError {
            await offline.close()
            FileHandle.standardError.write(Data("error: \(error.code): \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch {
            await offline.close()
            throw error
        }
    }

    static func lifetime(days: Int) throws -> Duration {
        guard (1...366).contains(days) else { throw ValidationError("--expires-in-days must be 1-366") }
        return .seconds(Int64(days) * 86_400)
    }
}
