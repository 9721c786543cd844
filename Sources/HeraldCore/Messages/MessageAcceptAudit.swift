/// The audit event recording that Herald accepted a message from a customer (`message.accept`).
///
/// The destination and the text are sensitive: they become sealed fields of the audit entry (`to`,
/// `body`), committed to by a salted hash and erased later — the text together with the message body
/// (retention), the number after the audit log's own retention. A message carrying a verification code
/// is never recorded with its text: the code must not be stored or audited anywhere.
///
/// ```swift
/// let audit = messages.map(MessageAcceptAudit.event)
/// ```
public enum MessageAcceptAudit {
    /// The audit action.
    public static let action = "message.accept"

    public static func event(for message: Message) -> AuditEvent {
        var sensitive = ["to": message.to]
        if let body = message.body, message.bodyPolicy == .retained, message.channel != .verification, message.verificationID == nil {
            sensitive["body"] = body
        }
        return AuditEvent(
            at: message.createdAt, actor: .account(message.accountID), action: action, target: message.id.rawValue,
            details: [
                "account": message.accountID.rawValue, "channel": message.channel.rawValue, "region": message.destination.regionCode,
                "parts": String(message.partCount), "encoding": message.encoding, "sender": message.from,
            ],
            sensitive: sensitive)
    }
}
