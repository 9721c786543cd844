import Foundation
import HeraldCore
import Hummingbird

/// The account's view of the fraud guard, authenticated by API key.
///
/// - `GET /v1/fraud/blocks`: number ranges currently closed to the account's verifications
/// - `GET /v1/fraud/safe-list`: the account's safe list
/// - `POST /v1/fraud/safe-list`: add a number (`+4915123456789`) or range (`+4915123*`) — `{"value", "note"}`
/// - `DELETE /v1/fraud/safe-list/{value}`: remove one (percent-encode the `+`: `%2B4915123*`)
public struct FraudRoutes: HeraldRouteGroup {
    public static let basePath = "/v1/fraud"

    public let fraudGuard: FraudGuard

    public init(fraudGuard: FraudGuard) {
        self.fraudGuard = fraudGuard
    }

    struct EntryBody: Decodable {
        var value: String
        var note: String?
    }

    static let entryShape = JSONShape.object(["value": .value, "note": .value])

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let fraud = fraudGuard
        let group = router.group(RouterPath(Self.basePath)).add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))

        group.get("blocks") { _, context in
            let blocks = try await fraud.activeBlocks(accountID: context.requireAccount().id)
            return try JSONResponse.encode(ListAnswer(data: blocks.map(FraudBlockResource.init)))
        }

        group.get("safe-list") { _, context in
            let entries = try await fraud.safeList(accountID: context.requireAccount().id)
            return try JSONResponse.encode(ListAnswer(data: entries.map(SafeListEntryResource.init)))
        }

        group.post("safe-list") { request, context in
            let body = try await JSONRequestBody.read(request, limit: limit)
            let entry = try JSONRequestBody.decode(EntryBody.self, from: body, shape: Self.entryShape)
            let account = try context.requireAccount()
            let stored = try await fraud.addToSafeList(accountID: account.id, value: entry.value, note: entry.note, actor: .account(account.id))
            return try JSONResponse.encode(SafeListEntryResource(stored), status: .created)
        }

        group.delete("safe-list/{value}") { _, context in
            let raw = context.parameters.get("value") ?? ""
            let value = raw.removingPercentEncoding ?? raw
            let account = try context.requireAccount()
            try await fraud.removeFromSafeList(accountID: account.id, value: value, actor: .account(account.id))
            return Response(status: .noContent)
        }
    }
}
