import Foundation
import HeraldCore
@testable import HeraldHTTP
import HeraldTestSupport
import Hummingbird
import Testing

@Suite struct AuthorizationHeaderTests {
    @Test func bearerTokenIsTheKey() {
        #expect(APIKeyAuthenticationMiddleware.presentedKey(authorization: "Bearer hk_abc_def") == "hk_abc_def")
        #expect(APIKeyAuthenticationMiddleware.presentedKey(authorization: "bearer   hk_abc_def ") == "hk_abc_def")
    }

    @Test func basicUserNameIsTheKeyAndThePasswordIsIgnored() {
        let encoded = Data("hk_abc_def:".utf8).base64EncodedString()
        #expect(APIKeyAuthenticationMiddleware.presentedKey(authorization: "Basic \(encoded)") == "hk_abc_def")
        let withPassword = Data("hk_abc_def:ignored".utf8).base64EncodedString()
        #expect(APIKeyAuthenticationMiddleware.presentedKey(authorization: "Basic \(withPassword)") == "hk_abc_def")
    }

    @Test(arguments: [nil, "", "Bearer", "Bearer ", "Token hk_abc", "Basic !!!", "Basic \(Data(":pw".utf8).base64EncodedString())"])
    func malformedHeadersPresentNoKey(header: String?) {
        #expect(APIKeyAuthenticationMiddleware.presentedKey(authorization: header) == nil)
    }
}

@Suite struct RequestIDTests {
    let middleware = RequestIDMiddleware(random: SequenceRandomSource(), clock: ManualClock())

    @Test func acceptsSafeCallerIDs() {
        #expect(middleware.accepted("abc-123_x.y:z") == "abc-123_x.y:z")
    }

    @Test(arguments: ["", "has space", "new\nline", "ünïcode", String(repeating: "a", count: 129)])
    func replacesUnsafeCallerIDs(candidate: String) {
        #expect(middleware.accepted(candidate) == nil)
    }
}

@Suite struct AccessLogRedactionTests {
    @Test func redactsSegmentsThatLookLikePhoneNumbers() {
        #expect(AccessLogMiddleware.redactedPath("/v1/messages/+4915123456789") == "/v1/messages/{redacted}")
        #expect(AccessLogMiddleware.redactedPath("/v1/messages/%2B49%20151%2023456") == "/v1/messages/{redacted}")
        #expect(AccessLogMiddleware.redactedPath("/v1/numbers/0151-2345-6789") == "/v1/numbers/{redacted}")
    }

    @Test func keepsRoutesAndHeraldIDs() {
        #expect(AccessLogMiddleware.redactedPath("/v1/messages/msg_01jd8z0000000000000000000") == "/v1/messages/msg_01jd8z0000000000000000000")
        #expect(AccessLogMiddleware.redactedPath("/healthz") == "/healthz")
    }
}

@Suite struct IdempotencyFingerprintTests {
    @Test func dependsOnMethodPathAndEveryBodyByte() {
        let base = IdempotencyFingerprint.fingerprint(method: "POST", path: "/v1/messages", body: Array(#"{"a":1}"#.utf8))
        #expect(base.count == 64)
        #expect(base == IdempotencyFingerprint.fingerprint(method: "POST", path: "/v1/messages", body: Array(#"{"a":1}"#.utf8)))
        #expect(base != IdempotencyFingerprint.fingerprint(method: "POST", path: "/v1/messages/batch", body: Array(#"{"a":1}"#.utf8)))
        #expect(base != IdempotencyFingerprint.fingerprint(method: "PUT", path: "/v1/messages", body: Array(#"{"a":1}"#.utf8)))
        #expect(base != IdempotencyFingerprint.fingerprint(method: "POST", path: "/v1/messages", body: Array(#"{"a": 1}"#.utf8)))
    }
}

@Suite struct MethodNotAllowedTests {
    func middleware() -> MethodNotAllowedMiddleware {
        let router = Router(context: HeraldRequestContext.self)
        router.post("/v1/messages") { _, _ in "" }
        router.get("/v1/messages") { _, _ in "" }
        router.post("/v1/messages/preview") { _, _ in "" }
        router.get("/v1/messages/{id}") { _, _ in "" }
        return MethodNotAllowedMiddleware(routes: router.routes)
    }

    @Test func listsTheMethodsOfTheMatchingRoute() {
        #expect(middleware().allowedMethods(forPath: "/v1/messages") == ["GET", "POST"])
        #expect(middleware().allowedMethods(forPath: "/v1/messages/msg_x") == ["GET"])
    }

    @Test func literalSegmentsWinOverCapturesAsInTheRouter() {
        #expect(middleware().allowedMethods(forPath: "/v1/messages/preview") == ["POST"])
    }

    @Test func unknownPathsHaveNoMethods() {
        #expect(middleware().allowedMethods(forPath: "/v2/messages").isEmpty)
        #expect(middleware().allowedMethods(forPath: "/v1/messages/a/b").isEmpty)
    }
}
