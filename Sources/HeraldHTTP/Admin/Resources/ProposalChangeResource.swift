import HeraldCore

/// The JSON shape of what a proposal changes, by kind (carrier link passwords redacted):
///
/// - `routes.replace`: `{"base_version", "rules": [routes-file rules]}`
/// - `carrier_link.add`: `{"link": {definition}}`; `carrier_link.change`: `{"link", "base_revision"}`;
///   `carrier_link.remove`: `{"link_id", "base_revision"}`
/// - `account.limits_raise`: `{"account_id", "from": {limits}, "to": {limits}}`
/// - `smpp_account.throughput_raise`: `{"account_id", "from": {"window", "tps"}, "to": {"window", "tps"}}`
/// - `retention.change`: `{"from", "to", "base_revision"}`
/// - `messages.export`: `{"account_id", "from", "to"}`
/// - `audit.sealed_values_disclose`: `{"first_index", "end_index"}` (entries, `end_index` exclusive)
public struct ProposalChangeResource: Sendable, Encodable {
    public let change: ProposalChange

    public init(_ change: ProposalChange) {
        self.change = change.redacted
    }

    enum Keys: String, CodingKey {
        case rules, link, from, to
        case baseVersion = "base_version"
        case baseRevision = "base_revision"
        case linkID = "link_id"
        case accountID = "account_id"
        case firstIndex = "first_index"
        case endIndex = "end_index"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch change {
        case .replaceRoutes(let replacement):
            try c.encode(replacement.baseVersion, forKey: .baseVersion)
            try c.encode(replacement.rules, forKey: .rules)
        case .addCarrierLink(let definition):
            try c.encode(definition, forKey: .link)
        case .changeCarrierLink(let update):
            try c.encode(update.definition, forKey: .link)
            try c.encode(update.baseRevision, forKey: .baseRevision)
        case .removeCarrierLink(let removal):
            try c.encode(removal.linkID, forKey: .linkID)
            try c.encode(removal.baseRevision, forKey: .baseRevision)
        case .raiseAccountLimits(let raise):
            try c.encode(raise.accountID.rawValue, forKey: .accountID)
            try c.encode(AccountLimitsResource(raise.from), forKey: .from)
            try c.encode(AccountLimitsResource(raise.to), forKey: .to)
        case .raiseSMPPThroughput(let raise):
            try c.encode(raise.accountID.rawValue, forKey: .accountID)
            try c.encode(raise.from, forKey: .from)
            try c.encode(raise.to, forKey: .to)
        case .changeRetention(let change):
            try c.encode(change.from, forKey: .from)
            try c.encode(change.to, forKey: .to)
            try c.encode(change.baseRevision, forKey: .baseRevision)
        case .exportMessages(let request):
            try c.encode(request.accountID.rawValue, forKey: .accountID)
            try c.encode(request.from, forKey: .from)
            try c.encode(request.to, forKey: .to)
        case .discloseSealedValues(let request):
            try c.encode(request.firstIndex, forKey: .firstIndex)
            try c.encode(request.endIndex, forKey: .endIndex)
        }
    }
}
