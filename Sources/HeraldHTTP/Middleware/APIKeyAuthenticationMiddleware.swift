import Foundation
import HeraldCore
import Hummingbird
import Logging

/// Authenticates the caller by API key and puts the account into the context; refuses with 401
/// `invalid_api_key` (one answer for missing, malformed, unknown and revoked keys).
///
/// Accepted forms:
/// - `Authorization: Bearer hk_…`
/// - `Authorization: Basic base64("hk_…:")`, i.e. the key as user name (`curl -u hk_…:`).
///
/// ```swift
/// router.group("/v1/messages").add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))
/// ```
public struct APIKeyAuthenticationMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    let accounts: AccountService

    public init(accounts: AccountService) {
        self.accounts = accounts
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let presented = Self.presentedKey(authorization: request.headers[.authorization]) else {
            throw AccountService.authenticationFailure
        }
        var context = context
        let account = try await accounts.authenticate(presentedKey: presented)
        context.account = account
        context.caller.set(.account(account.id))
        context.logger[metadataKey: "account"] = .string(account.id.rawValue)
        return try await next(request, context)
    }

    /// The key text in an `Authorization` header value, or `nil` when the header is absent or not in an
    /// accepted form. Whether the key is valid is the account service's decision.
    public static func presentedKey(authorization: String?) -> String? {
        guard let authorization else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let credentials = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0].lowercased() {
        case "bearer":
            return credentials.isEmpty ? nil : credentials
        case "basic":
            guard let data = Data(base64Encoded: credentials), let text = String(data: data, encoding: .utf8) else { return nil }
            // user-id ":" password (RFC 7617); the key is the user id, the password is ignored.
            let user = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return user.isEmpty ? nil : user
        default:
            return nil
        }
    }
}
