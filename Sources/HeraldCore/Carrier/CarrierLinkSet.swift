/// Every stored carrier link (active and removed) with the version of the set, which grows by one with
/// every change so nodes can poll for changes cheaply.
public struct CarrierLinkSet: Sendable, Equatable {
    public var version: Int64
    public var records: [CarrierLinkRecord]

    public init(version: Int64, records: [CarrierLinkRecord]) {
        self.version = version
        self.records = records
    }

    /// The links in service, in id order.
    public var active: [CarrierLinkRecord] { records.filter(\.isActive).sorted { $0.id < $1.id } }

    public func record(_ id: String) -> CarrierLinkRecord? { records.first { $0.id == id } }
}
