import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import Logging

/// Where a command finds the database: the same configuration `herald serve` uses.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "YAML configuration file (default: none; HERALD_CONFIG also works).")
    var config: String?

    @Option(name: .long, help: "Data directory holding the SQLite database (overrides the configuration).")
    var dataDirectory: String?

    func configuration() throws -> HeraldConfiguration {
        do {
            var configuration = try ConfigurationLoader.load(path: config)
            if let dataDirectory { configuration.dataDirectory = dataDirectory }
            try configuration.validate()
            return configuration
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
    }

    /// Opens the database with the administration services, runs `body`, closes it. A refused change (a
    /// ``HeraldError``) prints `error: <code>: <message>` and exits with status 1.
    func withAdministration<T>(_ body: (OfflineAdministration) async throws -> T) async throws -> T {
        var logger = Logger(label: "herald.cli")
        logger.logLevel = .warning
        let offline = try await OfflineAdministration.open(configuration: try configuration(), logger: logger)
        do {
            let result = try await body(offline)
            await offline.close()
            return result
        } catch let error as HeraldError {
            await offline.close()
            FileHandle.standardError.write(Data("error: \(error.code): \(error.message)\n".utf8))
            throw ExitCode(1)
        } catch {
            await offline.close()
            throw error
        }
    }
}
