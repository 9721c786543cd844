/// The JSON names of ``HeraldCore/SendRequest``'s fields (a test keeps this in step with its `CodingKeys`).
public enum SendRequestFields {
    public static let names = ["to", "from", "body", "validity_seconds", "send_at", "callback_url", "client_reference"]
}
