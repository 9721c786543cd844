import Foundation

/// What a proposal would change, with the state it was prepared against (so an approval after that
/// state changed is refused as stale instead of silently overwriting it).
public enum ProposalChange: Sendable, Equatable {
    /// Replace every route rule (``RouteStore/replaceRoutes(_:expectedVersion:at:audit:)``).
    case replaceRoutes(RoutesReplacement)
    /// Add a carrier link; the running gateway binds it once approved.
    case addCarrierLink(CarrierLinkDefinition)
    /// Change a carrier link's settings; the gateway rebinds it once approved.
    case changeCarrierLink(CarrierLinkUpdate)
    /// Remove a carrier link; the gateway unbinds it once approved.
    case removeCarrierLink(CarrierLinkRemoval)
    /// Raise an account's limits (decreases apply at once and need no proposal).
    case raiseAccountLimits(AccountLimitsRaise)
    /// Raise an account's window or TPS on the customer SMPP listener (decreases apply at once).
    case raiseSMPPThroughput(SMPPThroughputRaise)
    /// Change how long message data is kept.
    case changeRetention(RetentionChange)
    /// Export an account's messages of a period as JSON Lines, downloadable once after approval.
    case exportMessages(MessageExportRequest)
    /// Disclose the sealed values of a range of audit entries to the auditor who asked, downloadable once
    /// after approval.
    case discloseSealedValues(SealedValueDisclosureRequest)

    /// Stable name of the kind of change, e.g. `routes.replace`.
    public var kind: String {
        switch self {
        case .replaceRoutes: "routes.replace"
        case .addCarrierLink: "carrier_link.add"
        case .changeCarrierLink: "carrier_link.change"
        case .removeCarrierLink: "carrier_link.remove"
        case .raiseAccountLimits: "account.limits_raise"
        case .raiseSMPPThroughput: "smpp_account.throughput_raise"
        case .changeRetention: "retention.change"
        case .exportMessages: "messages.export"
        case .discloseSealedValues: "audit.sealed_values_disclose"
        }
    }

    /// Every kind, for documentation and filters.
    public static let kinds = [
        "routes.replace", "carrier_link.add", "carrier_link.change", "carrier_link.remove", "account.limits_raise", "smpp_account.throughput_raise",
        "retention.change", "messages.export", "audit.sealed_values_disclose",
    ]

    /// What the change acts on, e.g. `routes`, `carrier_link:acme`, `account:acc_…`, `smpp_account:acc_…`, `retention`. Approving a
    /// change supersedes the other pending proposals with the same target (exports and disclosures excepted).
    public var target: String {
        switch self {
        case .replaceRoutes: "routes"
        case .addCarrierLink(let definition): "carrier_link:\(definition.id)"
        case .changeCarrierLink(let update): "carrier_link:\(update.definition.id)"
        case .removeCarrierLink(let removal): "carrier_link:\(removal.linkID)"
        case .raiseAccountLimits(let raise): "account:\(raise.accountID.rawValue)"
        case .raiseSMPPThroughput(let raise): "smpp_account:\(raise.accountID.rawValue)"
        case .changeRetention: "retention"
        case .exportMessages(let request): "messages:\(request.accountID.rawValue)"
        case .discloseSealedValues(let request): "audit_log:\(request.firstIndex)-\(request.endIndex)"
        }
    }

    /// Whether approving this change makes other pending proposals with the same target stale.
    public var supersedesSameTarget: Bool {
        switch self {
        case .exportMessages, .discloseSealedValues: false
        default: true
        }
    }

    /// The change with secrets (carrier link passwords) replaced by a marker: what operators are shown.
    public var redacted: ProposalChange {
        switch self {
        case .addCarrierLink(let definition):
            return .addCarrierLink(definition.redacted)
        case .changeCarrierLink(var update):
            update.definition = update.definition.redacted
            return .changeCarrierLink(update)
        default:
            return self
        }
    }

    /// Canonical JSON (sorted keys) of ``redacted``: the text the digest is computed over.
    public var digestText: String {
        (try? HeraldJSON.text(redacted)) ?? kind
    }

    /// `sha256:` and the lower-case hex SHA-256 of ``digestText``.
    public var digest: String { "sha256:" + SecretHashing.sha256Hex(digestText) }
}

extension ProposalChange: Codable {
    enum CodingKeys: String, CodingKey { case kind, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "routes.replace": self = .replaceRoutes(try container.decode(RoutesReplacement.self, forKey: .data))
        case "carrier_link.add": self = .addCarrierLink(try container.decode(CarrierLinkDefinition.self, forKey: .data))
        case "carrier_link.change": self = .changeCarrierLink(try container.decode(CarrierLinkUpdate.self, forKey: .data))
        case "carrier_link.remove": self = .removeCarrierLink(try container.decode(CarrierLinkRemoval.self, forKey: .data))
        case "account.limits_raise": self = .raiseAccountLimits(try container.decode(AccountLimitsRaise.self, forKey: .data))
        case "smpp_account.throughput_raise": self = .raiseSMPPThroughput(try container.decode(SMPPThroughputRaise.self, forKey: .data))
        case "retention.change": self = .changeRetention(try container.decode(RetentionChange.self, forKey: .data))
        case "messages.export": self = .exportMessages(try container.decode(MessageExportRequest.self, forKey: .data))
        case "audit.sealed_values_disclose": self = .discloseSealedValues(try container.decode(SealedValueDisclosureRequest.self, forKey: .data))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown proposal kind '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .replaceRoutes(let value): try container.encode(value, forKey: .data)
        case .addCarrierLink(let value): try container.encode(value, forKey: .data)
        case .changeCarrierLink(let value): try container.encode(value, forKey: .data)
        case .removeCarrierLink(let value): try container.encode(value, forKey: .data)
        case .raiseAccountLimits(let value): try container.encode(value, forKey: .data)
        case .raiseSMPPThroughput(let value): try container.encode(value, forKey: .data)
        case .changeRetention(let value): try container.encode(value, forKey: .data)
        case .exportMessages(let value): try container.encode(value, forKey: .data)
        case .discloseSealedValues(let value): try container.encode(value, forKey: .data)
        }
    }
}
