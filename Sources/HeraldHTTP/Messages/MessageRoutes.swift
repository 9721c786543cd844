import HeraldCore
import Hummingbird

/// The message API under `/v1/messages`, authenticated by API key. Handlers only read the request,
/// call ``HeraldCore/MessageService`` and shape the answer.
///
/// - `POST /v1/messages`: send one message (202 + `Location`; `Idempotency-Key` supported)
/// - `POST /v1/messages/batch`: send up to 100 (202; per-item results; valid items stored atomically)
/// - `POST /v1/messages/preview`: encoding and part count of a body
/// - `GET /v1/messages`: list with filters and cursor pagination
/// - `GET /v1/messages/{id}`: one message of the caller's account
public struct MessageRoutes: HeraldRouteGroup {
    public static let basePath = "/v1/messages"

    public init() {}

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let messages = services.messages
        let group = router.group(RouterPath(Self.basePath)).add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))

        group.post { request, context in
            let body = try await JSONRequestBody.read(request, limit: limit)
            let send = try JSONRequestBody.decode(SendRequest.self, from: body, shape: .sendRequest)
            let outcome = try await messages.send(
                send, account: context.requireAccount(), clientAddress: context.clientAddress,
                idempotency: IdempotencyFingerprint.context(for: request, body: body))
            return SendAnswer.response(outcome, locationPrefix: Self.basePath)
        }

        group.post("batch") { request, context in
            let body = try await JSONRequestBody.read(request, limit: limit)
            let batch = try JSONRequestBody.decode(BatchSendBody.self, from: body, shape: BatchSendBody.shape)
            let configuration = services.configuration
            let (outcome, _) = try await messages.sendBatch(
                batch.messages, account: context.requireAccount(), clientAddress: context.clientAddress,
                idempotency: IdempotencyFingerprint.context(for: request, body: body),
                render: { results in try HeraldJSON.text(BatchAnswer(results: results, configuration: configuration)) })
            return SendAnswer.response(outcome, locationPrefix: nil)
        }

        group.post("preview") { request, _ in
            let body = try await JSONRequestBody.read(request, limit: limit)
            let preview = try JSONRequestBody.decode(MessagePreview.Body.self, from: body, shape: MessagePreview.Body.shape)
            let analysis = try messages.dependencies.text.analyze(preview.body)
            return try JSONResponse.encode(MessagePreview.Answer(body: preview.body, analysis: analysis))
        }

        group.get { request, context in
            let parameters = try MessageListParameters(
                parameters: request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) },
                numbers: messages.dependencies.numbers)
            let fetched = try await messages.messages(parameters.query(accountID: context.requireAccount().id))
            return try JSONResponse.encode(MessageListPage(fetched: fetched, limit: parameters.limit))
        }

        group.get("{id}") { _, context in
            // A malformed id cannot name a message: same answer as an unknown one (and as another account's).
            let text = context.parameters.get("id") ?? ""
            guard let id = MessageID(text) else { throw HeraldError.notFound("message \(text.prefix(64))") }
            let message = try await messages.message(id, account: context.requireAccount())
            return try JSONResponse.encode(MessageResource(message))
        }
    }
}
