import HeraldCore
import Hummingbird

/// `202 Accepted` with the proposal: the change waits for a second operator's approval.
enum ProposalAnswer {
    static func accepted(_ proposal: Proposal) throws -> Response {
        try JSONResponse.encode(ProposalResource(proposal), status: .accepted)
    }
}
