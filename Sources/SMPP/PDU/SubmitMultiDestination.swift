/// One destination of a submit_multi: an SME address (dest_flag 1) or a distribution list (dest_flag 2).
public enum SubmitMultiDestination: Hashable, Sendable {
    case address(SMPPAddress)
    case distributionList(String)
}
