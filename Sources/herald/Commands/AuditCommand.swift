import ArgumentParser

/// `herald audit …`: work with Herald's tamper-evident audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the tamper-evident audit log (offline verification of exported bundles).",
        subcommands: [AuditVerifyCommand.self]
    )
}
