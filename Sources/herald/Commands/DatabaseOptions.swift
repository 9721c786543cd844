import ArgumentParser
import HeraldApp

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
}
