import ArgumentParser

/// `herald audit …`: work with Herald's tamper-evident audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the tamper-evident audit log: export a bundle, print the verifier key, verify a bundle offline.",
        subcommands: [AuditExportCommand.self, AuditKeyCommand.self, AuditVerifyCommand.self]
    )
}
