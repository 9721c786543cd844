import HeraldCore
import HeraldRouting
import HeraldTestSupport

/// Shared builders for the routing tests.
enum Fixtures {
    static let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)
    static let random = SequenceRandomSource(seed: 42)
    static let accountA = AccountID.generate(at: now, random: random)
    static let accountB = AccountID.generate(at: now, random: random)

    /// A German mobile number on T-Mobile (262-01) unless told otherwise.
    static func request(
        _ e164: String = "+4915112345678", region: String = "DE", mcc: String? = "262", mnc: String? = "01", account: AccountID = accountB,
        message: MessageID? = nil
    ) -> RouteRequest {
        RouteRequest(
            accountID: account, e164: e164, destination: Destination(regionCode: region, countryCallingCode: 49, mcc: mcc, mnc: mnc),
            messageID: message)
    }

    static func messageID(_ n: Int) -> MessageID {
        MessageID.generate(at: now.adding(milliseconds: Int64(n)), random: SequenceRandomSource(seed: UInt64(n) &+ 1))
    }

    static func up(_ links: String...) -> [String: LinkStatus] {
        Dictionary(uniqueKeysWithValues: links.map { ($0, LinkStatus(isUp: true, bindsUp: 1, bindsConfigured: 1)) })
    }

    static func rule(
        _ id: String, _ match: RouteMatch, account: AccountID? = nil, mode: RouteMode = .priority, _ links: [RouteLink]
    ) -> RouteRule {
        RouteRule(id: id, accountID: account, match: match, mode: mode, links: links)
    }

    static func link(_ id: String, priority: Int = 1, weight: Int = 1, cost: Int64 = 0, backup: Bool = false) -> RouteLink {
        RouteLink(linkID: id, priority: priority, weight: weight, costMicros: cost, backup: backup)
    }

    static let allLinks: Set<String> = ["a", "b", "c", "d", "e", "f", "g", "h"]
    static let allUp = Dictionary(uniqueKeysWithValues: allLinks.map { ($0, LinkStatus(isUp: true, bindsUp: 1, bindsConfigured: 1)) })
}

extension RoutePlan {
    var links: [String] { candidates.map(\.linkID) }
}
