import HeraldCore
import HeraldTestSupport

/// Builders for the contract suite: deterministic ids, times on a fixed epoch.
struct Fixtures: Sendable {
    /// 2026-01-01T00:00:00Z.
    let start = Timestamp(millisecondsSince1970: 1_767_225_600_000)
    let random: SequenceRandomSource

    init(seed: UInt64 = 0x5EED) {
        random = SequenceRandomSource(seed: seed)
    }

    func at(seconds: Int64 = 0, milliseconds: Int64 = 0) -> Timestamp {
        start.adding(milliseconds: seconds * 1000 + milliseconds)
    }

    func account(_ name: String = "Acme", webhookURL: String? = "https://hooks.example.com/herald") -> Account {
        Account(
            id: AccountID.generate(at: start, random: random), name: name, webhookSecret: "whsec_\(name.lowercased())", webhookURL: webhookURL,
            limits: AccountLimits(messagesPerSecond: 10, messageBurst: 20), countryPermissions: CountryPermissions(mode: .allowListed, regions: ["DE", "GB"]),
            createdAt: start)
    }

    func apiKey(of account: Account, name: String = "default", at time: Timestamp? = nil) -> APIKey {
        let time = time ?? start
        return APIKey(id: APIKeyID.generate(at: time, random: random), accountID: account.id, name: name, secretHash: "hash-\(name)", createdAt: time)
    }

    /// A message accepted at `time` (its id sorts by that time), queued and due at once unless told otherwise.
    func message(
        of account: Account, at time: Timestamp? = nil, status: MessageStatus = .queued, to: String = "+4915123456789",
        body: String? = "Hello from Herald", bodyPolicy: BodyPolicy = .retained, clientReference: String? = nil,
        validity: Duration = .seconds(3600), originNode: String = "node-a", partCount: Int = 1
    ) -> Message {
        let time = time ?? start
        var history = [StatusChange(status: .accepted, at: time)]
        if status != .accepted { history.append(StatusChange(status: status, at: time, detail: "fixture")) }
        return Message(
            id: MessageID.generate(at: time, random: random), accountID: account.id, to: to, from: "Herald", body: body, bodyPolicy: bodyPolicy,
            status: status, clientReference: clientReference, callbackURL: account.webhookURL, validUntil: time.adding(validity), sendAt: time,
            createdAt: time, destination: Destination(regionCode: "DE", countryCallingCode: 49, mcc: "262", mnc: "01", numberType: "mobile"),
            encoding: "gsm7", partCount: partCount, channel: .http, concatenationReference: 42, history: history, originNode: originNode)
    }

    func part(of message: Message, sequence: Int = 1, link: String = "sim", key: String, at time: Timestamp? = nil) -> MessagePart {
        MessagePart(messageID: message.id, sequence: sequence, linkID: link, carrierMessageID: key.uppercased(), lookupKey: key, submittedAt: time ?? start)
    }

    func receipt(link: String = "sim", keys: [String], state: PartState = .delivered, error: String? = nil, at time: Timestamp? = nil) -> ReceiptRecord {
        ReceiptRecord(
            linkID: link, carrierMessageID: keys.first?.uppercased() ?? "", lookupKeys: keys, state: state, errorCode: error, doneAt: nil,
            receivedAt: time ?? start)
    }

    func webhook(of account: Account, type: String = "message.submitted", at time: Timestamp? = nil) -> WebhookDelivery {
        let time = time ?? start
        return WebhookDelivery(
            id: WebhookDeliveryID.generate(at: time, random: random), accountID: account.id, url: account.webhookURL ?? "https://example.com/hook",
            eventType: type, payload: #"{"type":"\#(type)"}"#, createdAt: time)
    }

    func audit(_ action: String, target: String = "test", at time: Timestamp? = nil) -> AuditEvent {
        AuditEvent(at: time ?? start, actor: .system("tests"), action: action, target: target, details: ["k": "v"], sensitive: ["to": "+4915123456789"])
    }

    /// `message` as submitted at `time` with the given parts, ready for ``MessageStore/saveMessageUpdates(_:)``.
    func submitted(_ message: Message, parts: [MessagePart], at time: Timestamp? = nil, webhooks: [WebhookDelivery] = [], audit: [AuditEvent] = []) -> MessageUpdate {
        var message = message
        message.linkID = parts.first?.linkID
        message.transition(to: .submitted, at: time ?? start, detail: "\(parts.count) part(s)")
        return MessageUpdate(message: message, newParts: parts, effects: SideEffects(webhooks: webhooks, audit: audit))
    }
}
