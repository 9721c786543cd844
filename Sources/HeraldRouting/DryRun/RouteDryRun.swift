import HeraldCore
import Numbering

/// The answer to "how would Herald route this number?": the parsed number, its network, and the plan
/// with its explanation. Codable for the operator API; ``rendered`` is the text `herald route` prints.
///
/// ```swift
/// let dryRun = try engine.dryRun(number: "+49 151 2345 6789", accountID: account)
/// dryRun.plan.candidates.first?.linkID   // "acme-de"
/// print(dryRun.rendered)
/// ```
public struct RouteDryRun: Sendable, Equatable, Codable {
    /// The number as given.
    public var input: String
    public var e164: String
    public var regionCode: String
    public var countryCallingCode: Int
    /// `mobile`, `fixed_line`, … as Numbering classifies it.
    public var numberType: String
    /// False when the number parsed but is not a valid number of its region (it is routed anyway).
    public var isValidNumber: Bool
    public var mcc: String?
    public var mnc: String?
    public var networkName: String?
    /// `prefix` (range allocation) or `ported` (portability table), when the network is known.
    public var networkSource: String?
    public var accountID: AccountID?
    public var messageID: MessageID?
    /// Where the link health came from: `reported` (live status), `assumed up`, or the simulated states
    /// of a `herald route --down … --throttled …` run.
    public var linkHealth: String
    public var routesVersion: Int64
    public var plan: RoutePlan

    public init(
        input: String, e164: String, regionCode: String, countryCallingCode: Int, numberType: String, isValidNumber: Bool, mcc: String?,
        mnc: String?, networkName: String?, networkSource: String?, accountID: AccountID?, messageID: MessageID?, linkHealth: String,
        routesVersion: Int64, plan: RoutePlan
    ) {
        self.input = input
        self.e164 = e164
        self.regionCode = regionCode
        self.countryCallingCode = countryCallingCode
        self.numberType = numberType
        self.isValidNumber = isValidNumber
        self.mcc = mcc
        self.mnc = mnc
        self.networkName = networkName
        self.networkSource = networkSource
        self.accountID = accountID
        self.messageID = messageID
        self.linkHealth = linkHealth
        self.routesVersion = routesVersion
        self.plan = plan
    }

    /// Parses and resolves `number`, then explains how `table` routes it.
    static func run(
        table: RouteTable, number: String, defaultRegion: String?, accountID: AccountID?, messageID: MessageID?,
        linkStatuses: [String: LinkStatus]?, numbering: NumberingPlan, networks: NetworkResolver
    ) throws(NumberParseError) -> RouteDryRun {
        let parsed = try numbering.parse(number, defaultRegion: defaultRegion)
        let network = networks.network(for: parsed)
        let destination = Destination(
            regionCode: parsed.regionCode, countryCallingCode: parsed.countryCallingCode, mcc: network?.mcc, mnc: network?.mnc,
            numberType: parsed.type.rawValue)
        let statuses = linkStatuses ?? Dictionary(
            table.compiled.flatMap { $0.links.map { ($0.linkID, LinkStatus(isUp: true, bindsUp: 1, bindsConfigured: 1)) } },
            uniquingKeysWith: { first, _ in first })
        let plan = table.explain(
            e164: parsed.e164, destination: destination, accountID: accountID, key: messageID?.rawValue ?? parsed.e164,
            keyLabel: messageID.map { "message \($0.rawValue)" } ?? "the destination number", linkStatuses: statuses)
        return RouteDryRun(
            input: number, e164: parsed.e164, regionCode: parsed.regionCode, countryCallingCode: parsed.countryCallingCode,
            numberType: parsed.type.rawValue, isValidNumber: parsed.isValid, mcc: network?.mcc, mnc: network?.mnc,
            networkName: networks.networkName(for: parsed), networkSource: network?.source.rawValue, accountID: accountID,
            messageID: messageID, linkHealth: linkStatuses == nil ? "assumed up" : "reported", routesVersion: table.version, plan: plan)
    }

    /// The dry run as text, for a terminal.
    public var rendered: String {
        var lines: [String] = []
        let network = mcc.flatMap { mcc in mnc.map { "\(mcc)-\($0)" } }
        lines.append("number:   \(e164) (\(regionCode), +\(countryCallingCode), \(numberType)\(isValidNumber ? "" : ", not a valid number of its region"))")
        var networkLine = "network:  \(network ?? "unknown")"
        if let networkName { networkLine += " \(networkName)" }
        if let networkSource { networkLine += " (\(networkSource == "ported" ? "portability table" : "number range"))" }
        lines.append(networkLine)
        lines.append("account:  \(accountID?.rawValue ?? "none (global rules only)")")
        lines.append("links:    \(linkHealth)")
        lines.append("rule:     \(plan.matchedRule)")
        lines.append("order:    \(plan.candidates.isEmpty ? "no route" : plan.candidates.map(\.linkID).joined(separator: " > "))")
        lines.append("")
        lines.append("explanation:")
        lines += plan.explanation.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
