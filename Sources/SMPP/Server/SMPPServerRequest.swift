/// A request an ESME sent to the server, handed to ``SMPPServerHandler/handle(_:from:)``.
public enum SMPPServerRequest: Sendable, Hashable {
    case submitSM(SubmitSM)
    case dataSM(DataSM)
    case submitMulti(SubmitMulti)
    case querySM(QuerySM)
    case cancelSM(CancelSM)
    case replaceSM(ReplaceSM)

    init?(_ body: PDU.Body) {
        switch body {
        case .submitSM(let r): self = .submitSM(r)
        case .dataSM(let r): self = .dataSM(r)
        case .submitMulti(let r): self = .submitMulti(r)
        case .querySM(let r): self = .querySM(r)
        case .cancelSM(let r): self = .cancelSM(r)
        case .replaceSM(let r): self = .replaceSM(r)
        default: return nil
        }
    }

    public var commandID: CommandID {
        switch self {
        case .submitSM: .submitSM
        case .dataSM: .dataSM
        case .submitMulti: .submitMulti
        case .querySM: .querySM
        case .cancelSM: .cancelSM
        case .replaceSM: .replaceSM
        }
    }
}
