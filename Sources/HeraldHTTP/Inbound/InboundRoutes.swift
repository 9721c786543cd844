import HeraldCore
import Hummingbird

/// The inbound (mobile-originated) message API under `/v1/inbound`, authenticated by API key and scoped
/// to the caller's account.
///
/// - `GET /v1/inbound`: list with filters and cursor pagination
/// - `GET /v1/inbound/{id}`: one inbound message
///
/// ```swift
/// let router = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + [InboundRoutes(inbound: inboundService)])
/// ```
public struct InboundRoutes: HeraldRouteGroup {
    public static let basePath = "/v1/inbound"

    public let inbound: InboundMessageService

    public init(inbound: InboundMessageService) {
        self.inbound = inbound
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let inbound = self.inbound
        let numbers = services.messages.dependencies.numbers
        let group = router.group(RouterPath(Self.basePath)).add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))

        group.get { request, context in
            let parameters = try InboundListParameters(
                parameters: request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) }, numbers: numbers)
            let fetched = try await inbound.messages(parameters.query(accountID: context.requireAccount().id))
            return try JSONResponse.encode(InboundListPage(fetched: fetched, limit: parameters.limit))
        }

        group.get("{id}") { _, context in
            let text = context.parameters.get("id") ?? ""
            guard let id = InboundMessageID(text) else { throw HeraldError.notFound("inbound message \(text.prefix(64))") }
            return try JSONResponse.encode(InboundMessageResource(try await inbound.message(id, account: context.requireAccount())))
        }
    }
}
