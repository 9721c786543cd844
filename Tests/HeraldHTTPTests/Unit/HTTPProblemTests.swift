import Foundation
import HeraldCore
@testable import HeraldHTTP
import Hummingbird
import Testing

@Suite struct HTTPProblemTests {
    @Test(arguments: [
        (HeraldError.Category.invalidInput, 422), (.unauthenticated, 401), (.forbidden, 403), (.notFound, 404), (.conflict, 409),
        (.rateLimited, 429), (.policyBlocked, 422), (.unavailable, 503), (.internal, 500),
    ])
    func mapsEveryCategoryToItsStatus(category: HeraldError.Category, status: Int) {
        let problem = HTTPProblem(HeraldError(category, code: "some_code", "message"))
        #expect(problem.status.code == status)
    }

    @Test func unauthenticatedCarriesChallengesForBearerAndBasic() {
        let problem = HTTPProblem(AccountService.authenticationFailure)
        let challenges = problem.headers[values: .wwwAuthenticate]
        #expect(challenges.count == 2)
        #expect(challenges.first?.hasPrefix("Bearer") == true)
        #expect(challenges.last?.hasPrefix("Basic") == true)
    }

    @Test func rateLimitsAndOutagesSayWhenToRetry() {
        let limited = HTTPProblem(HeraldError(.rateLimited, code: "rate_limited", "slow down", retryAfterSeconds: 7))
        #expect(limited.headers[.retryAfter] == "7")
        let down = HTTPProblem(HeraldError(.unavailable, code: "storage_failure", "disk I/O error at /var/lib/herald"), configuration: HTTPConfiguration(defaultRetryAfterSeconds: 3))
        #expect(down.headers[.retryAfter] == "3")
        #expect(down.code == "service_unavailable")
        #expect(!down.detail.contains("disk"))
    }

    @Test func internalErrorsRevealNothing() {
        let problem = HTTPProblem(HeraldError(.internal, code: "sqlite_corrupt", "database disk image is malformed at /var/lib/herald.db"))
        #expect(problem.code == "internal_error")
        #expect(!problem.detail.contains("sqlite"))
        #expect(problem.field == nil)
    }

    @Test func documentFollowsRFC7807WithHeraldMembers() throws {
        let problem = HTTPProblem(HeraldError.invalid("invalid_destination", "'12' is not a valid phone number", field: "to"))
        let data = try JSONEncoder().encode(problem.document(requestID: "req_1"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["type"] as? String == "urn:herald:problem:invalid_destination")
        #expect(object["title"] as? String == "Invalid request")
        #expect(object["status"] as? Int == 422)
        #expect(object["code"] as? String == "invalid_destination")
        #expect(object["field"] as? String == "to")
        #expect(object["request_id"] as? String == "req_1")
        #expect(object["detail"] as? String == "'12' is not a valid phone number")
    }

    @Test func renderedAsProblemJSON() {
        let response = HTTPProblem.routeNotFound.response(requestID: "req_2")
        #expect(response.status == .notFound)
        #expect(response.headers[.contentType] == "application/problem+json")
    }
}
