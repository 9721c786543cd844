/// Where a message is in its life. Every change is timestamped in ``Message/history``.
///
/// ```
/// accepted ─▶ queued ─▶ submitted ─▶ delivered | undelivered | expired
///    │           │  └──────────────▶ rejected | failed | expired
///    └───────────┴─▶ rejected | expired | failed
/// ```
public enum MessageStatus: String, Sendable, Codable, CaseIterable, Equatable {
    /// Durably stored; not yet due (scheduled) or not yet handed to the dispatcher.
    case accepted
    /// Due and waiting for a carrier bind.
    case queued
    /// Every part was accepted by a carrier (submit_sm_resp OK); waiting for receipts.
    case submitted
    /// The carrier reported every part delivered to the handset.
    case delivered
    /// The carrier reported a part undeliverable (final).
    case undelivered
    /// Validity passed before delivery, or the carrier reported expiry.
    case expired
    /// Refused: by Herald's policy before sending, or permanently by the carrier.
    case rejected
    /// Herald could not send it (no route, retries exhausted, body unavailable).
    case failed

    public var isFinal: Bool {
        switch self {
        case .accepted, .queued, .submitted: return false
        case .delivered, .undelivered, .expired, .rejected, .failed: return true
        }
    }
}
