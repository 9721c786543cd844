/// The normalised state of a message as reported by a delivery receipt (`stat:` text or `message_state` TLV).
public enum DeliveryState: String, Sendable, Hashable, CaseIterable, Codable {
    /// In transit (intermediate).
    case enroute = "ENROUTE"
    /// Delivered to the handset (final, success).
    case delivered = "DELIVRD"
    /// Validity period expired (final).
    case expired = "EXPIRED"
    /// Deleted (final).
    case deleted = "DELETED"
    /// Undeliverable (final).
    case undeliverable = "UNDELIV"
    /// Accepted, e.g. read on the subscriber's behalf by customer service (final).
    case accepted = "ACCEPTD"
    /// Unknown (treated as final: carriers send it as their last word on a message).
    case unknown = "UNKNOWN"
    /// Rejected (final).
    case rejected = "REJECTD"

    /// The 7-letter `stat:` value of SMPP 3.4 appendix B.
    public var statusText: String { rawValue }

    /// The `message_state` TLV value (SMPP 3.4 5.2.28): 1 ENROUTE … 8 REJECTED.
    public var messageStateValue: UInt8 {
        switch self {
        case .enroute: return 1
        case .delivered: return 2
        case .expired: return 3
        case .deleted: return 4
        case .undeliverable: return 5
        case .accepted: return 6
        case .unknown: return 7
        case .rejected: return 8
        }
    }

    /// Whether no further receipt is expected for the message.
    public var isFinal: Bool { self != .enroute }

    /// Whether the message reached the handset.
    public var isSuccess: Bool { self == .delivered }

    /// Reads a `message_state` TLV value (1...8); other values (SMPP 5.0 SCHEDULED 0, SKIPPED 9) give `nil`.
    public init?(messageState: UInt8) {
        guard let state = Self.allCases.first(where: { $0.messageStateValue == messageState }) else { return nil }
        self = state
    }

    /// Reads a `stat:` value tolerantly: any case, long spellings (`DELIVERED`, `UNDELIVERABLE`, `REJECTED`…),
    /// separators ignored, and a few carrier synonyms (`FAILED` → undeliverable, `BUFFERED` → enroute).
    public init?(statusText: some StringProtocol) {
        let letters = String(statusText.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        switch letters {
        case "DELIVRD", "DELIVERED", "DELIVER", "DELIVRED", "DELIVERD": self = .delivered
        case "EXPIRED", "EXPIRD": self = .expired
        case "DELETED", "DELETD": self = .deleted
        case "UNDELIV", "UNDELIVERABLE", "UNDELIVERED", "UNDELIVRD", "FAILED", "FAIL": self = .undeliverable
        case "ACCEPTD", "ACCEPTED": self = .accepted
        case "UNKNOWN", "UNKNOWNN", "UNKNWN": self = .unknown
        case "REJECTD", "REJECTED", "REJECT": self = .rejected
        case "ENROUTE", "BUFFERED", "BUFFRED": self = .enroute
        default: return nil
        }
    }
}
