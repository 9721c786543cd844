/// The kind tag for message identifiers (`msg_…`).
public enum MessageKind: IdentifierKind { public static let prefix = "msg" }
public typealias MessageID = Identifier<MessageKind>

/// One SMS (of one or more parts) that an account asked Herald to send.
public struct Message: Sendable, Equatable, Codable {
    public var id: MessageID
    public var accountID: AccountID
    /// Destination in E.164 (`+4915123456789`).
    public var to: String
    /// Sender ID: alphanumeric (≤ 11) or a number.
    public var from: String
    /// The text, while it is kept: `nil` once erased by retention, and always `nil` for verification codes.
    public var body: String?
    public var bodyPolicy: BodyPolicy
    public var status: MessageStatus
    public var clientReference: String?
    public var callbackURL: String?
    /// Herald gives up (status `expired`) if the message is not delivered by then.
    public var validUntil: Timestamp
    /// Not sent before this time (scheduled send); equals `createdAt` when not scheduled.
    public var sendAt: Timestamp
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var destination: Destination
    /// Encoding chosen at acceptance (`gsm7`, `ucs2`) and the number of SMS parts.
    public var encoding: String
    public var partCount: Int
    /// How the message entered Herald.
    public var channel: Channel
    /// The verification this message carries a code for, if any.
    public var verificationID: String?
    /// The carrier link that accepted the message (after submission).
    public var linkID: String?
    /// Concatenation reference used for every submission attempt, so retried parts reassemble.
    public var concatenationReference: Int
    /// Submission attempts so far, and when the next may happen.
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var error: MessageError?
    public var history: [StatusChange]
    /// The node that accepted the message (ephemeral bodies live only in its memory).
    public var originNode: String
    /// Optimistic-concurrency version, incremented by the store on every update.
    public var version: Int
    /// The delivery receipts asked for over SMPP (`registered_delivery`); `nil` when none (always for HTTP).
    public var receiptRequest: ReceiptRequest?

    public enum Channel: String, Sendable, Codable, Equatable {
        case http
        case smpp
        case verification
    }

    public init(
        id: MessageID, accountID: AccountID, to: String, from: String, body: String?, bodyPolicy: BodyPolicy,
        status: MessageStatus, clientReference: String?, callbackURL: String?, validUntil: Timestamp, sendAt: Timestamp,
        createdAt: Timestamp, destination: Destination, encoding: String, partCount: Int, channel: Channel,
        verificationID: String? = nil, concatenationReference: Int, history: [StatusChange], originNode: String
    ) {
        self.id = id
        self.accountID = accountID
        self.to = to
        self.from = from
        self.body = body
        self.bodyPolicy = bodyPolicy
        self.status = status
        self.clientReference = clientReference
        self.callbackURL = callbackURL
        self.validUntil = validUntil
        self.sendAt = sendAt
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.destination = destination
        self.encoding = encoding
        self.partCount = partCount
        self.channel = channel
        self.verificationID = verificationID
        self.linkID = nil
        self.concatenationReference = concatenationReference
        self.attempts = 0
        self.nextAttemptAt = sendAt
        self.error = nil
        self.history = history
        self.originNode = originNode
        self.version = 0
    }

    /// Moves to `status` at `time`, recording the change. Returns `false` (and changes nothing) when
    /// the message is already final, so a late or duplicate event can never reopen it.
    @discardableResult
    public mutating func transition(to status: MessageStatus, at time: Timestamp, detail: String? = nil) -> Bool {
        guard !self.status.isFinal, status != self.status else { return false }
        self.status = status
        self.updatedAt = time
        history.append(StatusChange(status: status, at: time, detail: detail))
        return true
    }
}

/// What Herald keeps of a message body.
public enum BodyPolicy: String, Sendable, Codable, Equatable {
    /// Kept until the retention period ends, then erased.
    case retained
    /// Never written to storage (verification codes): held in the accepting node's memory until submitted.
    case ephemeral
    /// Was retained, has been erased.
    case erased
}

/// One timestamped status change.
public struct StatusChange: Sendable, Equatable, Codable {
    public var status: MessageStatus
    public var at: Timestamp
    public var detail: String?

    public init(status: MessageStatus, at: Timestamp, detail: String? = nil) {
        self.status = status
        self.at = at
        self.detail = detail
    }
}

/// Why a message did not reach `delivered`: a stable code and a description.
public struct MessageError: Sendable, Equatable, Codable {
    public var code: String
    public var description: String

    public init(code: String, description: String) {
        self.code = code
        self.description = description
    }
}

/// What Herald resolved about the destination number at acceptance.
public struct Destination: Sendable, Equatable, Codable {
    /// ISO 3166-1 alpha-2 region, or `001` for non-geographic numbers.
    public var regionCode: String
    public var countryCallingCode: Int
    /// Mobile network of original allocation (or ported-to), when known.
    public var mcc: String?
    public var mnc: String?
    public var numberType: String?

    public init(regionCode: String, countryCallingCode: Int, mcc: String? = nil, mnc: String? = nil, numberType: String? = nil) {
        self.regionCode = regionCode
        self.countryCallingCode = countryCallingCode
        self.mcc = mcc
        self.mnc = mnc
        self.numberType = numberType
    }
}
