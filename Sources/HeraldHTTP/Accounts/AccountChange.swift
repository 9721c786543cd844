import HeraldCore

/// `PATCH /v1/account` body.
struct AccountChange: Decodable, Sendable {
    var webhookURL: String?

    enum CodingKeys: String, CodingKey { case webhookURL = "webhook_url" }

    static let shape = JSONShape.object(["webhook_url": .value])

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.webhookURL) else {
            throw HTTPProblem.missingField("webhook_url")
        }
        webhookURL = try container.decodeIfPresent(String.self, forKey: .webhookURL)
    }
}
