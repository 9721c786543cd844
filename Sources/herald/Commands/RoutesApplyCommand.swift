import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore
import HeraldRouting

/// `herald routes apply FILE`: proposes replacing the route rules with a routes file's, through the same
/// service as the admin API (checked against the links in service; `cli:<os user>` is the proposer).
struct RoutesApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Propose the rules of a routes file (YAML or JSON) as the new route set.",
        discussion: """
            Nothing changes until an admin approves the proposal (POST /v1/admin/proposals/{id}/approve); the \
            running gateway then picks the rules up. Check the file first with `herald route NUMBER --routes FILE`.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The routes file (YAML or JSON, see docs/routing.md).")
    var file: String

    @Option(name: .long, help: "Refuse the proposal if the stored routes version is no longer this one.")
    var expectedVersion: Int64?

    @Option(name: .long, help: "Why (shown to the approver).")
    var note: String?

    func run() async throws {
        let routes: RoutesFile
        do {
            routes = try RoutesFile.load(path: file)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let proposal = try await database.withAdministration { offline in
            try await offline.proposals.proposeRoutes(routes.rules, expectedVersion: expectedVersion, note: note, by: offline.actor)
        }
        StandardOutput.line("proposed \(routes.rules.count) route rule(s) as \(proposal.id) (digest \(proposal.digest)), pending until \(proposal.expiresAt.iso8601)")
        StandardOutput.line("an admin approves it with: POST /v1/admin/proposals/\(proposal.id)/approve")
    }
}
