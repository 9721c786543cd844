import HeraldCustomerSMPP
import SMSText

/// Turns the configuration file's `customer_smpp:` section into the listener's settings.
enum CustomerSMPPSettingsMapper {
    static func settings(for section: CustomerSMPPSection) -> CustomerSMPPConfiguration {
        var settings = CustomerSMPPConfiguration(host: section.host, port: section.port)
        settings.systemID = section.systemID
        settings.dataCodingZero = CarrierLinkSettingsMapper.alphabet(section.dataCodingZero)
        settings.maximumConnections = section.maximumConnections
        settings.multipartTimeout = .seconds(section.multipartTimeoutSeconds)
        settings.deliveryHold = .seconds(Int64(section.deliveryHoldHours) * 3600)
        settings.maximumDeliveryAttempts = section.maximumDeliveryAttempts
        return settings
    }
}
