import ArgumentParser
import HeraldApp

/// The options `herald audit key` and `herald audit export` share with `herald serve` to find a node's
/// data: its configuration file and data directory.
struct AuditCommandOptions: ParsableArguments {
    @Option(name: .long, help: "YAML configuration file (default: none; HERALD_CONFIG also works).")
    var config: String?

    @Option(name: .long, help: "Data directory holding the database and secrets (default: the configuration's, herald-data).")
    var dataDirectory: String?

    /// The configuration, as `herald serve` would load it with the same options.
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
