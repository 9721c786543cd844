import HeraldCore

/// The kind tag of generated request ids (`req_…`).
public enum RequestKind: IdentifierKind { public static let prefix = "req" }
public typealias RequestID = Identifier<RequestKind>
