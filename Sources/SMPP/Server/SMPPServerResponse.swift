/// The server handler's answer to an ``SMPPServerRequest``.
///
/// Return the case matching the request (`.submitSM` for a submit_sm, ...) to answer ESME_ROK
/// with that body, or `.error(status)` to answer with an error status and no body. A case that
/// does not match the request is answered ESME_RSYSERR.
public enum SMPPServerResponse: Sendable, Hashable {
    case submitSM(SubmitSMResponse)
    case dataSM(DataSMResponse)
    case submitMulti(SubmitMultiResponse)
    case querySM(QuerySMResponse)
    case cancelSM
    case replaceSM
    case error(CommandStatus)

    /// The status and body to send for `request`, or nil if this response does not fit it.
    func wire(for request: SMPPServerRequest) -> (status: CommandStatus, body: PDU.Body?)? {
        switch (self, request) {
        case (.error(let status), _): return (status.isOK ? .systemError : status, nil)
        case (.submitSM(let r), .submitSM): return (.ok, .submitSMResponse(r))
        case (.dataSM(let r), .dataSM): return (.ok, .dataSMResponse(r))
        case (.submitMulti(let r), .submitMulti): return (.ok, .submitMultiResponse(r))
        case (.querySM(let r), .querySM): return (.ok, .querySMResponse(r))
        case (.cancelSM, .cancelSM): return (.ok, .cancelSMResponse)
        case (.replaceSM, .replaceSM): return (.ok, .replaceSMResponse)
        default: return nil
        }
    }
}
