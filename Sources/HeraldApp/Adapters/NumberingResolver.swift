import HeraldCore
import Numbering

/// The core's number port over the Numbering library: parse, validate, type, and the network of
/// original allocation (or a ported-to network from the portability table).
public struct NumberingResolver: NumberResolver {
    public let plan: NumberingPlan
    public let networks: NetworkResolver

    public init(plan: NumberingPlan = .shared, networks: NetworkResolver = NetworkResolver()) {
        self.plan = plan
        self.networks = networks
    }

    public func resolve(_ input: String, defaultRegion: String?) throws -> ResolvedNumber {
        let number: PhoneNumber
        do {
            number = try plan.parse(input, defaultRegion: defaultRegion)
        } catch {
            throw HeraldError.invalid("invalid_destination", "'\(input.prefix(40))' is not a valid phone number: \(error.message)", field: "to")
        }
        guard number.isValid else {
            throw HeraldError.invalid(
                "invalid_destination", "\(number.e164) is not a valid number in \(number.regionCode) (wrong length or unassigned range)", field: "to")
        }
        let network = networks.network(for: number)
        return ResolvedNumber(
            e164: number.e164, regionCode: number.regionCode, countryCallingCode: number.countryCallingCode, numberType: number.type.rawValue,
            mcc: network?.mcc, mnc: network?.mnc, networkName: network?.name)
    }
}
