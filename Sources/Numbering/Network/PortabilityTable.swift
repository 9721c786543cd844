/// A source of number-portability data: which network serves a number that moved away from
/// the network its range was allocated to.
///
/// ``NetworkResolver`` asks the table first and falls back to the prefix data. Lookups happen
/// on the message path, so implementations must answer from memory (load or cache the data
/// up front); ``InMemoryPortabilityTable`` reads operator CSV files.
public protocol PortabilityTable: Sendable {
    /// The network now serving the number with this E.164 form ("+4915123456789"), or nil when
    /// the table has no entry for it. The returned ``MobileNetwork/source`` is ignored (the
    /// resolver reports ``MobileNetwork/Source/ported``).
    func network(forE164 e164: String) -> MobileNetwork?
}
