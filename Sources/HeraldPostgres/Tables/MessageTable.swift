import Foundation
import HeraldCore
import PostgresNIO

/// Column mapping of ``Message`` to the `messages` table.
enum MessageTable {
    /// Every column a ``Message`` is read from, in ``decode(_:)`` order.
    static let columns = """
        id, account_id, to_number, sender, body, body_policy, status, client_reference, callback_url, valid_until, send_at, \
        created_at, updated_at, region_code, country_calling_code, mcc, mnc, number_type, encoding, part_count, channel, \
        verification_id, link_id, concatenation_reference, attempts, next_attempt_at, error_code, error_description, history, \
        origin_node, version, receipt_request
        """

    static let insert = "INSERT INTO messages (\(columns)) VALUES (\(Array(repeating: "?", count: 32).joined(separator: ", ")))"

    /// Writes everything that can change, when the stored version is the one read; increments the version and
    /// clears the lease. An erased body stays erased whatever the writer held in memory.
    static let updateIfVersion = """
        UPDATE messages SET
            body = CASE WHEN body_policy = 'erased' THEN NULL ELSE ? END,
            body_policy = CASE WHEN body_policy = 'erased' THEN 'erased' ELSE ? END,
            status = ?, client_reference = ?, callback_url = ?, valid_until = ?, send_at = ?, updated_at = ?, region_code = ?,
            country_calling_code = ?, mcc = ?, mnc = ?, number_type = ?, encoding = ?, part_count = ?, channel = ?, verification_id = ?,
            link_id = ?, concatenation_reference = ?, attempts = ?, next_attempt_at = ?, error_code = ?, error_description = ?,
            history = ?, version = version + 1, lease_owner = NULL, lease_until = NULL
        WHERE id = ? AND version = ?
        """

    /// Only retained bodies are ever written; ephemeral bodies (verification codes) never reach storage.
    static func storedBody(_ message: Message) -> String? {
        message.bodyPolicy == .retained ? message.body : nil
    }

    static func insertArguments(_ m: Message) throws -> [any PostgresBindable] {
        [
            m.id.rawValue, m.accountID.rawValue, m.to, m.from, storedBody(m), m.bodyPolicy.rawValue, m.status.rawValue, m.clientReference,
            m.callbackURL, m.validUntil.millisecondsSince1970, m.sendAt.millisecondsSince1970, m.createdAt.millisecondsSince1970,
            m.updatedAt.millisecondsSince1970, m.destination.regionCode, m.destination.countryCallingCode, m.destination.mcc, m.destination.mnc,
            m.destination.numberType, m.encoding, m.partCount, m.channel.rawValue, m.verificationID, m.linkID, m.concatenationReference,
            m.attempts, m.nextAttemptAt.millisecondsSince1970, m.error?.code, m.error?.description, try history(m.history), m.originNode,
            m.version, m.receiptRequest?.rawValue,
        ]
    }

    static func updateArguments(_ m: Message) throws -> [any PostgresBindable] {
        [
            storedBody(m), m.bodyPolicy.rawValue, m.status.rawValue, m.clientReference, m.callbackURL, m.validUntil.millisecondsSince1970,
            m.sendAt.millisecondsSince1970, m.updatedAt.millisecondsSince1970, m.destination.regionCode, m.destination.countryCallingCode,
            m.destination.mcc, m.destination.mnc, m.destination.numberType, m.encoding, m.partCount, m.channel.rawValue, m.verificationID,
            m.linkID, m.concatenationReference, m.attempts, m.nextAttemptAt.millisecondsSince1970, m.error?.code, m.error?.description,
            try history(m.history), m.id.rawValue, m.version,
        ]
    }

    /// Decodes the ``columns`` starting at `index`.
    static func decode(_ row: PostgresRow) throws -> Message {
        var r = PostgresRowReader(row)
        let id = MessageID(unchecked: try r.next(String.self))
        let accountID = AccountID(unchecked: try r.next(String.self))
        let to: String = try r.next()
        let from: String = try r.next()
        let body: String? = try r.next()
        let bodyPolicy = try r.enumeration(BodyPolicy.self, "body policy")
        let status = try r.enumeration(MessageStatus.self, "message status")
        let clientReference: String? = try r.next()
        let callbackURL: String? = try r.next()
        let validUntil = try r.timestamp()
        let sendAt = try r.timestamp()
        let createdAt = try r.timestamp()
        let updatedAt = try r.timestamp()
        let destination = Destination(
            regionCode: try r.next(), countryCallingCode: try r.int(), mcc: try r.next(), mnc: try r.next(), numberType: try r.next())
        let encoding: String = try r.next()
        let partCount = try r.int()
        let channel = try r.enumeration(Message.Channel.self, "message channel")
        let verificationID: String? = try r.next()
        let linkID: String? = try r.next()
        let concatenationReference = try r.int()
        let attempts = try r.int()
        let nextAttemptAt = try r.timestamp()
        let errorCode: String? = try r.next()
        let errorDescription: String? = try r.next()
        let history = try decodeHistory(try r.next(String.self))
        let originNode: String = try r.next()
        let version = try r.int()
        let receiptRequest: String? = try r.next()

        var message = Message(
            id: id, accountID: accountID, to: to, from: from, body: body, bodyPolicy: bodyPolicy, status: status,
            clientReference: clientReference, callbackURL: callbackURL, validUntil: validUntil, sendAt: sendAt, createdAt: createdAt,
            destination: destination, encoding: encoding, partCount: partCount, channel: channel, verificationID: verificationID,
            concatenationReference: concatenationReference, history: history, originNode: originNode)
        message.updatedAt = updatedAt
        message.linkID = linkID
        message.attempts = attempts
        message.nextAttemptAt = nextAttemptAt
        message.error = errorCode.map { MessageError(code: $0, description: errorDescription ?? "") }
        message.version = version
        message.receiptRequest = try receiptRequest.map { text in
            guard let value = ReceiptRequest(rawValue: text) else { throw PostgresStoreError.corrupt("receipt request", text) }
            return value
        }
        return message
    }

    static func history(_ changes: [StatusChange]) throws -> String {
        try JSONText.encode(changes.map(StoredStatusChange.init))
    }

    static func decodeHistory(_ text: String) throws -> [StatusChange] {
        let stored: [StoredStatusChange]
        do {
            stored = try HeraldJSON.decoder().decode([StoredStatusChange].self, from: Data(text.utf8))
        } catch {
            throw PostgresStoreError.corrupt("status history", String(text.prefix(80)))
        }
        return try stored.map { try $0.statusChange() }
    }
}
