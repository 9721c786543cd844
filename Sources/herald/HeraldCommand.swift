import ArgumentParser

/// The `herald` executable: every way to run Herald is a subcommand of this one tool.
@main
struct HeraldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Herald: an A2P messaging and phone-verification gateway.",
        version: HeraldVersion.current,
        subcommands: [
            AuditCommand.self,
            BenchCommand.self,
            NumberCommand.self,
            OperatorCommand.self,
            RouteCommand.self,
            RoutesCommand.self,
            ServeCommand.self,
            SimulatorCommand.self,
            SMPPAccountCommand.self,
        ]
    )
}
