import Foundation
import HeraldCore
import Hummingbird

/// Numbers and short codes assigned to accounts, for operators; the same ``NumberAssignmentService``
/// methods as `herald number`, audited with the operator as actor. Mobile-originated messages sent to an
/// assigned number reach its account.
///
/// - `GET /v1/admin/accounts/{id}/numbers` (viewer): the account's numbers, by number
/// - `POST /v1/admin/accounts/{id}/numbers` (support): `{"number": "+4915123456789"}` or a short code `"72345"`
/// - `DELETE /v1/admin/accounts/{id}/numbers/{number}` (support): `{number}` as assigned (`+4915…`, `%2B4915…`,
///   `4915…` or the short code)
/// - `GET /v1/admin/numbers` (viewer): every assignment, by number (`?limit=`, `?starting_after=` a number of
///   the previous page); `?number=` finds the one holding a number, written as assigned or as a carrier
///   writes it (`4915…`)
public struct AdminNumberRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    struct AssignBody: Decodable {
        var number: String

        static let shape = JSONShape.object(["number": .value])
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let numbers = admin.numbers
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        @Sendable func existingAccount(_ context: HeraldRequestContext) async throws -> AccountID {
            let id: AccountID = try AdminRequest.identifier(context, "id", "account")
            let account = try await admin.administration.account(id)
            return account.id
        }

        routes.get("accounts/{id}/numbers", .viewAdministration) { request, context in
            _ = try AdminRequest.query(request, allowed: [])
            let assigned = try await numbers.numbers(of: try await existingAccount(context))
            return try JSONResponse.encode(ListAnswer(data: assigned.map(AssignedNumberResource.init)))
        }

        routes.post("accounts/{id}/numbers", .supportAccounts) { request, context in
            let id = try await existingAccount(context)
            let body = try JSONRequestBody.decode(AssignBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: AssignBody.shape)
            let assignment = try await numbers.assign(body.number, to: id, actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(AssignedNumberResource(assignment), status: .created)
        }

        routes.delete("accounts/{id}/numbers/{number}", .supportAccounts) { _, context in
            let id = try await existingAccount(context)
            let raw = context.parameters.get("number") ?? ""
            let number = raw.removingPercentEncoding ?? raw
            guard number.count <= 32 else { throw HeraldError.notFound("number \(number.prefix(32)) of account \(id)") }
            try await numbers.unassign(number, from: id, actor: try AdminRequest.actor(context))
            return Response(status: .noContent)
        }

        routes.get("numbers", .viewAdministration) { request, _ in
            let query = try AdminRequest.query(request, allowed: ["number", "limit", "starting_after"])
            let count = try AdminRequest.limit(query)
            if let text = query["number"] {
                guard !AssignedNumber.key(for: text).isEmpty, text.count <= 32 else {
                    throw HTTPProblem.invalidParameter("number", "'number' must be a phone number (+4915…, 4915…) or a short code")
                }
                let owner = try await numbers.owner(of: text)
                return try JSONResponse.encode(ListAnswer(data: owner.map { [AssignedNumberResource($0)] } ?? []))
            }
            var assigned = try await numbers.numbers(of: nil)
            if let after = query["starting_after"] { assigned = assigned.filter { $0.number > after } }
            return try JSONResponse.encode(ListAnswer(data: assigned.prefix(count).map(AssignedNumberResource.init)))
        }
    }
}
