import HeraldCore

/// The answer to creating an operator: the operator and its first token, whose text is shown only here.
public struct OperatorCreatedResource: Sendable, Encodable {
    public var `operator`: OperatorResource
    public var token: OperatorTokenResource

    public init(_ creation: OperatorService.Creation) {
        self.operator = OperatorResource(creation.operator)
        self.token = OperatorTokenResource(creation.token, text: creation.credential.text)
    }
}
