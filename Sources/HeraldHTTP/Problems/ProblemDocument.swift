/// The JSON body of an error answer: an RFC 7807 problem document with Herald's extension members.
///
/// ```json
/// {"type": "urn:herald:problem:invalid_destination", "title": "Invalid request", "status": 422,
///  "detail": "'+1' is not a valid international phone number", "code": "invalid_destination",
///  "field": "to", "request_id": "req_01jd…"}
/// ```
public struct ProblemDocument: Sendable, Equatable, Codable {
    /// `urn:herald:problem:<code>`.
    public var type: String
    /// Short summary of the problem type; the same for every occurrence of a code.
    public var title: String
    public var status: Int
    /// What went wrong in this occurrence, for humans.
    public var detail: String
    /// Stable snake_case code; clients branch on this.
    public var code: String
    /// The request field, header or query parameter at fault, when there is one.
    public var field: String?
    /// The request's id (absent in per-item problems of a batch answer).
    public var requestID: String?

    /// The URN prefix of every problem type.
    public static let typePrefix = "urn:herald:problem:"

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, code, field
        case requestID = "request_id"
    }

    public init(title: String, status: Int, detail: String, code: String, field: String?, requestID: String?) {
        self.type = Self.typePrefix + code
        self.title = title
        self.status = status
        self.detail = detail
        self.code = code
        self.field = field
        self.requestID = requestID
    }
}
