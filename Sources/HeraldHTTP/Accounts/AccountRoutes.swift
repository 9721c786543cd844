import HeraldCore
import Hummingbird

/// The caller's own account under `/v1/account`, authenticated by API key:
///
/// - `GET /v1/account`: id, name, status, limits, default webhook URL and the webhook signing secret
/// - `PATCH /v1/account`: `{"webhook_url": "https://…" | null}` sets or clears the default webhook URL
public struct AccountRoutes: HeraldRouteGroup {
    public static let path = "/v1/account"

    public init() {}

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let accounts = services.accounts
        let limit = services.configuration.maximumBodySize
        let group = router.group(RouterPath(Self.path)).add(middleware: APIKeyAuthenticationMiddleware(accounts: accounts))
        group.get { _, context in
            try JSONResponse.encode(AccountResource(try context.requireAccount()))
        }
        group.patch { request, context in
            let body = try await JSONRequestBody.read(request, limit: limit)
            let change = try JSONRequestBody.decode(AccountChange.self, from: body, shape: AccountChange.shape)
            let account = try context.requireAccount()
            let updated = try await accounts.setWebhookURL(change.webhookURL, accountID: account.id, actor: .account(account.id))
            return try JSONResponse.encode(AccountResource(updated))
        }
    }
}
