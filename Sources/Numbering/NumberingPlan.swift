/// The world's telephone numbering plans: parses, normalises and classifies phone numbers.
///
/// The plan is immutable, `Sendable` and cheap to share; load it once (``shared`` decodes the
/// metadata compiled into the module on first use, in a few milliseconds) and call it from any
/// thread.
///
/// ```swift
/// let plan = NumberingPlan.shared
/// let number = try plan.parse("+1 (212) 555-0123")
/// number.e164        // "+12125550123"
/// number.regionCode  // "US"
///
/// let national = try plan.parse("0151 23456789", defaultRegion: "DE")
/// national.e164      // "+4915123456789"
/// national.type      // .mobile
/// ```
///
/// The metadata and the parsing rules follow Google's libphonenumber (see docs/numbering.md);
/// Herald is stricter about the characters it accepts (no letters, no extensions).
public final class NumberingPlan: Sendable {
    let metadata: NumberingMetadata

    /// The plan built from the metadata compiled into this module.
    ///
    /// The embedded table is generated and checked at build time (the test suite decodes it), so
    /// a failure to decode it is a packaging defect, not an input error.
    public static let shared: NumberingPlan = {
        do {
            return try loadEmbedded()
        } catch {
            fatalError("The numbering metadata compiled into Herald is corrupt: \(error)")
        }
    }()

    /// Decodes the metadata compiled into the module into a new plan. ``shared`` does this once;
    /// call it only when a separate instance is needed.
    public static func loadEmbedded() throws(NumberingMetadataError) -> NumberingPlan {
        NumberingPlan(metadata: try NumberingMetadata.embedded())
    }

    /// Builds a plan from a metadata table in the text format written by
    /// `scripts/numbering/generate_metadata.py` (to use newer metadata without rebuilding).
    public convenience init(metadataTable: String) throws(NumberingMetadataError) {
        self.init(metadata: try NumberingMetadata.decode(text: metadataTable))
    }

    init(metadata: NumberingMetadata) {
        self.metadata = metadata
    }

    /// Where the metadata came from, e.g. "phonenumbers 9.0.43 (libphonenumber metadata, Apache-2.0)".
    public var metadataSource: String { metadata.source }

    /// All geographic region codes (ISO 3166-1 alpha-2), sorted.
    public var regionCodes: [String] { metadata.regionIndex.keys.sorted() }

    /// All assigned country calling codes, sorted, including non-geographic ones such as 800.
    public var callingCodes: [Int] {
        (1..<1000).filter { metadata.isAssigned(callingCode: $0) }
    }

    /// The calling code of a region ("DE" → 49), or nil for an unknown region code.
    public func callingCode(forRegion regionCode: String) -> Int? {
        region(named: regionCode)?.callingCode
    }

    /// The regions that share a calling code, main region first: 7 → ["RU", "KZ"],
    /// 800 → ["001"]; empty for an unassigned code.
    public func regionCodes(forCallingCode callingCode: Int) -> [String] {
        guard callingCode > 0, callingCode < 1000 else { return [] }
        return metadata.regionsByCallingCode[callingCode].map { metadata.regions[$0].regionCode }
    }

    /// The main region of a calling code (1 → "US", 44 → "GB", 800 → "001"), nil when unassigned.
    public func mainRegionCode(forCallingCode callingCode: Int) -> String? {
        metadata.mainRegion(forCallingCode: callingCode)?.regionCode
    }

    /// Whether a calling code is assigned (for example 49 and 882 are, 999 is not).
    public func isAssigned(callingCode: Int) -> Bool {
        metadata.isAssigned(callingCode: callingCode)
    }

    /// The trunk prefix of a region as written in national format ("DE" → "0", "RU" → "8"),
    /// nil when the region has none (e.g. "IT", "ES").
    public func nationalPrefix(forRegion regionCode: String) -> String? {
        region(named: regionCode)?.nationalPrefix
    }

    func region(named regionCode: String) -> RegionMetadata? {
        if let index = metadata.regionIndex[regionCode] { return metadata.regions[index] }
        let upper = regionCode.uppercased()
        guard upper != regionCode, let index = metadata.regionIndex[upper] else { return nil }
        return metadata.regions[index]
    }
}
