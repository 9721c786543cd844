import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import Logging

/// Options shared by the commands that change the database (`herald smpp-account …`, `herald number …`).
struct AdministrationOptions: ParsableArguments {
    @Option(name: .long, help: "YAML configuration file naming the database (default: none; HERALD_CONFIG also works).")
    var config: String?

    @Option(name: .long, help: "Data directory (overrides the file), for the default SQLite database.")
    var dataDirectory: String?

    /// Runs `body` with the administration services; Herald errors print as `error: …` with exit status 1.
    func run(_ body: (AdministrationContext) async throws -> Void) async throws {
        var configuration: HeraldConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: config)
            if let dataDirectory { configuration.dataDirectory = dataDirectory }
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
        var logger = Logger(label: "herald.admin")
        logger.logLevel = .warning
        let context = try await AdministrationContext.open(configuration: configuration, logger: logger)
        do {
            try await body(context)
            await context.close()
        } catch let error as HeraldError {
            await context.close()
            FileHandle.standardError.write(Data("error: \(error.message) (\(error.code))\n".utf8))
            throw ExitCode(1)
        } catch {
            await context.close()
            throw error
        }
    }

    static func accountID(_ text: String) throws -> AccountID {
        guard let id = AccountID(text) else { throw ValidationError("'\(text)' is not an account id (acc_…)") }
        return id
    }
}
