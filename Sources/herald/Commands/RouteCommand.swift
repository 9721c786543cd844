import ArgumentParser
import Foundation
import HeraldCore
import HeraldRouting

/// `herald route <number>`: explains how a routes file would route a number (a dry run; nothing is sent).
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Explain how Herald would route a number: matched rule, link order and why.",
        discussion: """
            Parses the number, resolves its mobile network (MCC/MNC) and walks the route rules of the \
            routes file (YAML or JSON, see docs/routing.md). Links are assumed up unless --down or \
            --throttled say otherwise. With --portability, ported numbers resolve to the network they \
            moved to (the CSV format of docs/numbering.md).

            Example: herald route +4915123456789 --routes routes.yaml --account acc_01kdvdna00aafgy4tqcx94f573
            """
    )

    @Argument(help: "The phone number, in international format or national with --region.")
    var number: String

    @Option(name: .long, help: "Routes file (YAML or JSON).")
    var routes: String = "routes.yaml"

    @Option(name: .long, help: "Route as this account's message (its own rules first).")
    var account: String?

    @Option(name: .long, help: "Region for a number in national format, e.g. DE.")
    var region: String?

    @Option(name: .long, help: "Seed the weighted choice as for this message id (msg_…).")
    var messageID: String?

    @Option(name: .long, help: "Configured link ids to check the rules against (comma-separated); default: the file's 'links' list.")
    var links: String?

    @Option(name: .long, help: "Links to treat as down (comma-separated).")
    var down: String?

    @Option(name: .long, help: "Links to treat as throttled (comma-separated).")
    var throttled: String?

    @Option(name: .long, help: "Number-portability CSV (e164,mcc,mnc[,name]) consulted before the prefix data, like 'portability_file'.")
    var portability: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let check = RouteCheck(
            number: number, routesPath: routes, accountID: account, region: region, messageID: messageID,
            links: links.map(Self.list), down: down.map(Self.list) ?? [], throttled: throttled.map(Self.list) ?? [], portabilityPath: portability)
        let dryRun: RouteDryRun
        do {
            dryRun = try check.run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        print(json ? try HeraldJSON.text(dryRun) : dryRun.rendered)
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    }
}
