import HeraldCore
import Hummingbird

/// The carrier links, for operators (`/v1/admin/carrier-links`). Every change is a proposal (202) a second
/// operator must approve; once approved the running gateway binds, rebinds or unbinds the link without
/// touching the others' traffic.
///
/// - `GET /v1/admin/carrier-links`, `GET /v1/admin/carrier-links/{id}` (viewer): settings (password
///   hidden), revision, origin and live health
/// - `POST /v1/admin/carrier-links` (admin): propose a new link — the configuration file's keys and `note`
/// - `PUT /v1/admin/carrier-links/{id}` (admin): propose new settings (keys left out keep their values)
/// - `DELETE /v1/admin/carrier-links/{id}` (admin): propose removing it (refused while a route rule names it)
public struct AdminCarrierLinkRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/carrier-links"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .viewAdministration) { request, _ in
            _ = try AdminRequest.query(request, allowed: [])
            let statuses = admin.linkStatuses()
            let stored = try await admin.store.carrierLinks().active.map { CarrierLinkResource($0, status: statuses[$0.id]) }
            let builtIn = admin.builtInLinks.map { CarrierLinkResource(builtIn: $0, status: statuses[$0.id]) }
            return try JSONResponse.encode(ListAnswer(data: builtIn + stored))
        }

        routes.get("{id}", .viewAdministration) { _, context in
            let id = context.parameters.get("id") ?? ""
            let statuses = admin.linkStatuses()
            if let builtIn = admin.builtInLinks.first(where: { $0.id == id }) {
                return try JSONResponse.encode(CarrierLinkResource(builtIn: builtIn, status: statuses[id]))
            }
            guard let record = try await admin.store.carrierLinks().record(id), record.isActive else {
                throw HeraldError.notFound("carrier link '\(id.prefix(64))'")
            }
            return try JSONResponse.encode(CarrierLinkResource(record, status: statuses[id]))
        }

        routes.post("", .changeSettings) { request, context in
            let body = try JSONRequestBody.decode(CarrierLinkBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: CarrierLinkBody.shape)
            let proposal = try await admin.proposals.proposeCarrierLinkAddition(try body.newDefinition(), note: body.note, by: try AdminRequest.actor(context))
            return try ProposalAnswer.accepted(proposal)
        }

        routes.put("{id}", .changeSettings) { request, context in
            let id = context.parameters.get("id") ?? ""
            let body = try JSONRequestBody.decode(CarrierLinkBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: CarrierLinkBody.shape)
            if let bodyID = body.id, bodyID != id {
                throw HeraldError.invalid("invalid_carrier_link", "a link's id cannot change ('\(bodyID.prefix(64))' in the body, '\(id.prefix(64))' in the path)", field: "id")
            }
            guard let record = try await admin.store.carrierLinks().record(id), record.isActive else {
                // Built-in links and unknown ones: the proposal service explains which.
                let proposal = try await admin.proposals.proposeCarrierLinkChange(
                    body.applied(to: CarrierLinkDefinition(id: id, host: "", port: 0, systemID: "", password: "")), note: body.note,
                    by: try AdminRequest.actor(context))
                return try ProposalAnswer.accepted(proposal)
            }
            let proposal = try await admin.proposals.proposeCarrierLinkChange(
                body.applied(to: record.definition), note: body.note, by: try AdminRequest.actor(context))
            return try ProposalAnswer.accepted(proposal)
        }

        routes.delete("{id}", .changeSettings) { request, context in
            let id = context.parameters.get("id") ?? ""
            let body = try await AdminRequest.optionalBody(AdminNoteBody.self, request, limit: limit, shape: AdminNoteBody.noteShape, empty: AdminNoteBody())
            let proposal = try await admin.proposals.proposeCarrierLinkRemoval(id, note: body.note, by: try AdminRequest.actor(context))
            return try ProposalAnswer.accepted(proposal)
        }
    }
}
