import HeraldCore
import Numbering

/// A dry run of a routes file for one number: the function behind `herald route`.
///
/// ```swift
/// let check = RouteCheck(number: "+4915123456789", routesPath: "routes.yaml", down: ["acme-de"])
/// print(try check.run().rendered)
/// ```
public struct RouteCheck: Sendable, Equatable {
    public var number: String
    public var routesPath: String
    /// Account id text (`acc_…`), or nil for global rules only.
    public var accountID: String?
    /// Region for numbers in national format.
    public var region: String?
    /// Message id text (`msg_…`) seeding the weighted choice, or nil to use the number.
    public var messageID: String?
    /// Configured link ids to check the rules against; nil uses the file's `links` list (or checks nothing).
    public var links: [String]?
    /// Links to treat as down, and as throttled; every other link the rules name is treated as up.
    public var down: [String]
    public var throttled: [String]
    /// A number-portability CSV (`e164,mcc,mnc[,name]`) consulted before the prefix data, as
    /// `portability_file` is by `herald serve`.
    public var portabilityPath: String?

    public init(
        number: String, routesPath: String, accountID: String? = nil, region: String? = nil, messageID: String? = nil, links: [String]? = nil,
        down: [String] = [], throttled: [String] = [], portabilityPath: String? = nil
    ) {
        self.number = number
        self.routesPath = routesPath
        self.accountID = accountID
        self.region = region
        self.messageID = messageID
        self.links = links
        self.down = down
        self.throttled = throttled
        self.portabilityPath = portabilityPath
    }

    /// Loads the routes file, compiles it and explains the route of ``number``.
    ///
    /// - Throws: ``RouteCheckError`` naming what is wrong: the file, the rules, an id, or the number.
    public func run() throws(RouteCheckError) -> RouteDryRun {
        let account: AccountID?
        if let accountID {
            guard let parsed = AccountID(accountID) else {
                throw RouteCheckError(code: "invalid_account", message: "\"\(accountID)\" is not an account id (acc_ followed by 26 characters)")
            }
            account = parsed
        } else {
            account = nil
        }
        let message: MessageID?
        if let messageID {
            guard let parsed = MessageID(messageID) else {
                throw RouteCheckError(code: "invalid_message_id", message: "\"\(messageID)\" is not a message id (msg_ followed by 26 characters)")
            }
            message = parsed
        } else {
            message = nil
        }
        var networks = NetworkResolver()
        if let portabilityPath {
            do {
                networks = NetworkResolver(portability: try InMemoryPortabilityTable(contentsOfFile: portabilityPath))
            } catch {
                throw RouteCheckError(code: "invalid_portability_file", message: "\(portabilityPath): \(error.description)")
            }
        }
        let file: RoutesFile
        do {
            file = try RoutesFile.load(path: routesPath)
        } catch {
            throw RouteCheckError(code: error.code, message: error.message)
        }
        let table: RouteTable
        do {
            table = try RouteTable(rules: file.rules, linkIDs: (links ?? file.links).map(Set.init))
        } catch {
            throw RouteCheckError(code: error.code, message: error.issues.map(\.description).joined(separator: "\n"))
        }
        let named = Set(table.compiled.flatMap { $0.links.map(\.linkID) })
        for link in down + throttled where !named.contains(link) {
            throw RouteCheckError(code: "unknown_link", message: "link \"\(link)\" is not used by any rule of \(routesPath)")
        }
        var statuses: [String: LinkStatus] = [:]
        for link in named {
            statuses[link] = LinkStatus(
                isUp: !down.contains(link), bindsUp: down.contains(link) ? 0 : 1, bindsConfigured: 1, isThrottled: throttled.contains(link))
        }
        do {
            var dryRun = try RouteDryRun.run(
                table: table, number: number, defaultRegion: region, accountID: account, messageID: message, linkStatuses: statuses,
                numbering: .shared, networks: networks)
            var health = ["assumed up (no live status)"]
            if !down.isEmpty { health.append("down: \(down.joined(separator: ", "))") }
            if !throttled.isEmpty { health.append("throttled: \(throttled.joined(separator: ", "))") }
            dryRun.linkHealth = health.joined(separator: "; except ")
            return dryRun
        } catch {
            throw RouteCheckError(code: error.code, message: "\"\(number)\": \(error.message)")
        }
    }
}
