import Hummingbird

/// Header names Herald uses that HTTPTypes does not predefine.
///
/// `HTTPFields.Element` is HTTPTypes' `HTTPField`, reached through Hummingbird's re-export.
extension HTTPFields.Element.Name {
    /// Echoed (or generated) request id.
    static let xRequestID = Self("X-Request-Id")!
    /// Client-chosen key making a POST safe to retry.
    static let idempotencyKey = Self("Idempotency-Key")!
    /// `true` on an answer replayed from an earlier request with the same `Idempotency-Key`.
    static let idempotentReplayed = Self("Idempotent-Replayed")!
    /// The tree size of the audit checkpoint in the body.
    static let heraldAuditTreeSize = Self("Herald-Audit-Tree-Size")!
}
