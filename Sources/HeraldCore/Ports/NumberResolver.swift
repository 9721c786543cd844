/// Port: parses and validates a phone number and resolves its country and network.
///
/// Implemented by an adapter over the `Numbering` library.
public protocol NumberResolver: Sendable {
    /// Throws `HeraldError` (category `invalidInput`, code `invalid_destination`) when `input` is not a
    /// valid number.
    func resolve(_ input: String, defaultRegion: String?) throws -> ResolvedNumber
}

/// A valid number and what Herald knows about it.
public struct ResolvedNumber: Sendable, Equatable {
    public var e164: String
    public var regionCode: String
    public var countryCallingCode: Int
    /// `mobile`, `fixed_line`, `fixed_line_or_mobile`, `voip`, `toll_free`, `premium_rate`, … or `unknown`.
    public var numberType: String
    public var mcc: String?
    public var mnc: String?
    public var networkName: String?

    public init(
        e164: String, regionCode: String, countryCallingCode: Int, numberType: String = "unknown",
        mcc: String? = nil, mnc: String? = nil, networkName: String? = nil
    ) {
        self.e164 = e164
        self.regionCode = regionCode
        self.countryCallingCode = countryCallingCode
        self.numberType = numberType
        self.mcc = mcc
        self.mnc = mnc
        self.networkName = networkName
    }

    public var destination: Destination {
        Destination(regionCode: regionCode, countryCallingCode: countryCallingCode, mcc: mcc, mnc: mnc, numberType: numberType)
    }
}
