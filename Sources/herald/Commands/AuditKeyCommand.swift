import ArgumentParser
import HeraldApp

/// `herald audit key`: prints the audit log's verifier (public) key, the form `herald audit verify --key` takes.
struct AuditKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the audit log's verifier key (give it to auditors, out of band).",
        discussion: """
            The key is read from the node's secrets file (<data_directory>/secrets.json, or \
            HERALD_SECRETS_FILE), which is created as on a first start when missing. Its name is the \
            log's origin. Auditors pass it to `herald audit verify --key`.
            """
    )

    @OptionGroup var options: AuditCommandOptions

    func run() throws {
        let configuration = try options.configuration()
        let identity: String
        do {
            identity = try AuditLogOpener.identity(configuration).verifierKey
        } catch {
            AuditCommandFailure.exit("herald audit key", "\(error)")
        }
        StandardOutput.line(identity)
    }
}
