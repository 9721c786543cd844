import ArgumentParser

/// `herald routes …`: load route rules into the database.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Load route rules into the database (as a proposal a second operator approves).",
        subcommands: [RoutesApplyCommand.self]
    )
}
