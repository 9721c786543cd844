import HeraldCore

/// Opening and closing single binds, for the bind-lease coordinator (``CarrierBindOwnership/leased``).
extension SMPPCarrierGateway: CarrierBindControl {
    public func configuredBindCounts() -> [String: Int] {
        links.withLock { $0.byID.mapValues { $0.settings.binds.count } }
    }

    /// True when some link that can transmit has an open bind on this node (with
    /// ``CarrierBindOwnership/allBinds``: whenever such a link is in service).
    public var holdsTransmittingBind: Bool {
        let links = links.withLock { $0.byID.values }
        return links.contains { link in
            link.openIndexes.contains { link.settings.binds[$0].bindType != .receiver }
        }
    }

    public func openBinds(of linkID: String) -> Set<Int> {
        links.withLock { $0.byID[linkID] }?.openIndexes ?? []
    }

    /// Opens the binds at `indexes` that are not open (they connect at once when the gateway runs) and
    /// closes the others, returning once those drained their outstanding submissions and unbound. A bind
    /// still closing (from an earlier call) is not reopened: a later call opens it once it is closed.
    public func setOpenBinds(_ indexes: Set<Int>, of linkID: String) async {
        guard let link = links.withLock({ $0.byID[linkID] }) else { return }
        let closing = link.openIndexes.subtracting(indexes).sorted().compactMap { index in link.closeBind(index).map { (index, $0) } }
        for index in indexes.sorted() { open(index, of: link) }
        guard !closing.isEmpty else { return }
        await withDiscardingTaskGroup { group in
            for (index, client) in closing {
                group.addTask {
                    await client.shutdown()
                    link.finishClosing(index)
                }
            }
        }
    }
}
