import HeraldCore
import Numbering

/// Synthetic but realistically shaped routing data: prefixes start with a real calling code, links are
/// shared across countries, some accounts have overrides, a few links are down or throttled.
struct RoutingData: Sendable {
    let rules: [RouteRule]
    let linkIDs: Set<String>
    /// A power of two, so the benchmark loop indexes with a mask.
    let requests: [RouteRequest]
    let statuses: [String: LinkStatus]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let plan = NumberingPlan.shared
        let regions = Array(plan.regionCodes.filter { plan.callingCode(forRegion: $0) != nil }.prefix(200))
        let links = (0..<1000).map { "link-\($0)" }
        linkIDs = Set(links)

        func someLinks() -> [RouteLink] {
            var chosen: [RouteLink] = []
            let count = 2 + Int(random.next() % 3)
            while chosen.count < count {
                let id = links[Int(random.next() % UInt64(links.count))]
                guard !chosen.contains(where: { $0.linkID == id }) else { continue }
                chosen.append(RouteLink(
                    linkID: id, priority: 1 + Int(random.next() % 2), weight: 1 + Int(random.next() % 4), costMicros: Int64(1000 + random.next() % 9000),
                    backup: chosen.count == count - 1 && random.next() % 4 == 0))
            }
            return chosen
        }
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(random.next() % 10)) }) }
        func mode() -> RouteMode { random.next() % 2 == 0 ? .priority : .leastCost }

        var rules: [RouteRule] = [RouteRule(id: "default", match: .default, links: someLinks())]
        for region in regions { rules.append(RouteRule(id: "country-\(region)", match: .country(region), mode: mode(), links: someLinks())) }
        var networks: [(String, String)] = []
        var seenNetworks = Set<String>()
        while networks.count < 500 {
            let mcc = String(200 + random.next() % 550)
            let mnc = random.next() % 3 == 0 ? digits(3) : digits(2)
            guard seenNetworks.insert("\(mcc)-\(mnc)").inserted else { continue }
            networks.append((mcc, mnc))
            rules.append(RouteRule(id: "net-\(mcc)-\(mnc)", match: .network(mcc: mcc, mnc: mnc), mode: mode(), links: someLinks()))
        }
        var prefixes = Set<String>()
        while prefixes.count < 100_000 {
            let region = regions[Int(random.next() % UInt64(regions.count))]
            let prefix = String(plan.callingCode(forRegion: region) ?? 1) + digits(1 + Int(random.next() % 6))
            if prefixes.insert(prefix).inserted {
                rules.append(RouteRule(id: "prefix-\(prefix)", match: .prefix(prefix), mode: mode(), links: someLinks()))
            }
        }
        let accounts = (0..<50).map { _ in AccountID.generate(at: Timestamp(millisecondsSince1970: 1_767_225_600_000), random: BenchmarkRandom(&random)) }
        for (index, account) in accounts.enumerated() {
            rules.append(RouteRule(id: "acct-\(index)-default", accountID: account, match: .default, links: someLinks()))
            for other in 0..<20 {
                let region = regions[Int(random.next() % UInt64(regions.count))]
                let prefix = String(plan.callingCode(forRegion: region) ?? 1) + digits(2)
                rules.append(RouteRule(id: "acct-\(index)-\(other)", accountID: account, match: .prefix(prefix), links: someLinks()))
            }
        }
        self.rules = rules.reduce(into: (seen: Set<String>(), list: [RouteRule]())) { state, rule in
            // Account prefixes are random and may repeat within an account: keep the first.
            let key = "\(rule.accountID?.rawValue ?? "")|\(rule.match.label)"
            if state.seen.insert(key).inserted { state.list.append(rule) }
        }.list

        var requests: [RouteRequest] = []
        let others = AccountID.generate(at: Timestamp(millisecondsSince1970: 1_767_225_600_000), random: BenchmarkRandom(&random))
        for index in 0..<4096 {
            let region = regions[Int(random.next() % UInt64(regions.count))]
            let code = plan.callingCode(forRegion: region) ?? 1
            let network = random.next() % 2 == 0 ? networks[Int(random.next() % UInt64(networks.count))] : nil
            requests.append(RouteRequest(
                accountID: index % 10 == 0 ? accounts[index % accounts.count] : others, e164: "+\(code)\(digits(12 - String(code).count))",
                destination: Destination(regionCode: region, countryCallingCode: code, mcc: network?.0, mnc: network?.1),
                messageID: MessageID.generate(at: Timestamp(millisecondsSince1970: 1_767_225_600_000 + Int64(index)), random: BenchmarkRandom(&random))))
        }
        self.requests = requests
        var statuses: [String: LinkStatus] = [:]
        for (index, link) in links.enumerated() {
            statuses[link] = LinkStatus(isUp: index % 50 != 7, bindsUp: index % 50 != 7 ? 2 : 0, bindsConfigured: 2, isThrottled: index % 40 == 3)
        }
        self.statuses = statuses
    }
}

/// Deterministic random numbers for the benchmark data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A ``RandomSource`` drawing from the benchmark's generator (ids only; not secure).
struct BenchmarkRandom: RandomSource {
    let values: [UInt8]
    init(_ generator: inout SplitMix64) {
        values = (0..<2).flatMap { _ in withUnsafeBytes(of: generator.next()) { Array($0) } }
    }
    func bytes(_ count: Int) -> [UInt8] { Array(values.prefix(count)) + [UInt8](repeating: 0, count: max(0, count - values.count)) }
}
