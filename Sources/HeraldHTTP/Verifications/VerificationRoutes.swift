import HeraldCore
import Hummingbird

/// The phone-verification API under `/v1/verifications`, authenticated by API key.
///
/// - `POST /v1/verifications`: start a verification and send its code (201 + `Location`), or — for a number
///   with a pending verification of the same account — send a new code on it (200)
/// - `GET /v1/verifications/{id}`: one verification of the caller's account
/// - `POST /v1/verifications/{id}/check`: check a code (`{"code": "042917"}`); 200 with `valid`
/// - `POST /v1/verifications/{id}/cancel`: cancel a pending verification
///
/// No answer ever contains a code. An unknown id, another account's id and a malformed id all give the
/// same 404; so does checking a verification that is no longer pending.
///
/// ```swift
/// let router = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + [VerificationRoutes(verifications: service)])
/// ```
public struct VerificationRoutes: HeraldRouteGroup {
    public static let basePath = "/v1/verifications"

    public let verifications: VerificationService

    public init(verifications: VerificationService) {
        self.verifications = verifications
    }

    /// The JSON names of ``HeraldCore/VerificationRequest``'s fields.
    public static let startShape = JSONShape.object([
        "to": .value, "channel": .value, "locale": .value, "template": .value, "code_length": .integer, "brand": .value, "app_hash": .value,
        "domain": .value, "callback_url": .value, "lifetime_seconds": .integer, "end_user_ip": .value,
    ])

    /// The body of a check.
    struct CheckBody: Decodable {
        var code: String
    }

    static let checkShape = JSONShape.object(["code": .value])

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let verifications = self.verifications
        let group = router.group(RouterPath(Self.basePath)).add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))

        group.post { request, context in
            let body = try await JSONRequestBody.read(request, limit: limit)
            let start = try JSONRequestBody.decode(VerificationRequest.self, from: body, shape: Self.startShape)
            let outcome = try await Self.answeringFraudBlocks {
                try await verifications.start(start, account: context.requireAccount(), clientAddress: context.clientAddress)
            }
            var headers = HTTPFields()
            headers[.location] = "\(Self.basePath)/\(outcome.verification.id.rawValue)"
            return try JSONResponse.encode(VerificationResource(outcome.verification), status: outcome.isResend ? .ok : .created, headers: headers)
        }

        group.get("{id}") { _, context in
            let id = try Self.id(context)
            let verification = try await verifications.verification(id, account: context.requireAccount())
            return try JSONResponse.encode(VerificationResource(verification))
        }

        group.post("{id}/check") { request, context in
            // The body is read before the id is judged, so a malformed id and an unknown one take the same path.
            let body = try await JSONRequestBody.read(request, limit: limit)
            let check = try JSONRequestBody.decode(CheckBody.self, from: body, shape: Self.checkShape)
            guard let id = VerificationID(context.parameters.get("id") ?? "") else { throw VerificationService.noPendingVerificationError }
            let outcome = try await verifications.check(id, code: check.code, account: context.requireAccount())
            return try JSONResponse.encode(VerificationResource(outcome.verification, valid: outcome.valid))
        }

        group.post("{id}/cancel") { _, context in
            let id = try Self.id(context)
            let verification = try await verifications.cancel(id, account: context.requireAccount())
            return try JSONResponse.encode(VerificationResource(verification))
        }
    }

    /// The path's verification id; a malformed one gets the same answer as an unknown one.
    static func id(_ context: HeraldRequestContext) throws -> VerificationID {
        let text = context.parameters.get("id") ?? ""
        guard let id = VerificationID(text) else { throw HeraldError.notFound("verification \(text.prefix(64))") }
        return id
    }

    /// Runs `body`, turning a fraud-guard refusal into a 422 that also says when to retry (`Retry-After`).
    static func answeringFraudBlocks<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as HeraldError where error.code == "fraud_prefix_blocked" {
            var problem = HTTPProblem(error)
            if let seconds = error.retryAfterSeconds { problem.headers[.retryAfter] = String(seconds) }
            throw problem
        }
    }
}
