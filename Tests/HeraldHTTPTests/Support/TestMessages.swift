import HeraldCore

/// Messages built directly (no service) for pure tests.
enum TestMessages {
    static func message(id: String, account: AccountID, at time: Timestamp = Timestamp(millisecondsSince1970: 1_767_225_600_000)) -> Message {
        Message(
            id: MessageID(unchecked: id), accountID: account, to: "+4915123456789", from: "Herald", body: "hello", bodyPolicy: .retained,
            status: .queued, clientReference: nil, callbackURL: nil, validUntil: time.adding(seconds: 3600), sendAt: time, createdAt: time,
            destination: Destination(regionCode: "DE", countryCallingCode: 49), encoding: "gsm7", partCount: 1, channel: .http,
            concatenationReference: 1, history: [StatusChange(status: .queued, at: time)], originNode: "test")
    }
}
