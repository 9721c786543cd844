import HeraldCore
import Logging
import Numbering

/// Loads the `portability_file` of the configuration at start; a bad file stops the start with every bad
/// line named (a half-loaded table would route ported numbers to the wrong network).
enum PortabilityFileLoader {
    static func load(_ path: String?, logger: Logger) throws -> InMemoryPortabilityTable? {
        guard let path else { return nil }
        do {
            let table = try InMemoryPortabilityTable(contentsOfFile: path)
            logger.info("number portability table loaded", metadata: ["file": "\(path)", "numbers": "\(table.count)"])
            return table
        } catch {
            throw ConfigurationError("'portability_file' \(path): \(error.description)")
        }
    }
}
