/// One (receipt, link, lookup key) candidate, sent to SQLite as JSON to match a batch of receipts in one query.
struct ReceiptProbe: Encodable, Sendable {
    /// Index of the receipt in the batch.
    var r: Int
    var l: String
    var k: String
}
