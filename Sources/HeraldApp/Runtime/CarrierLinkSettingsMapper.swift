import HeraldCarrierLinks
import HeraldCore
import NIOCore
import SMPP
import SMSText

/// Turns carrier link definitions (stored, or from the configuration file) into the SMPP adapter's settings.
enum CarrierLinkSettingsMapper {
    static func settings(for link: CarrierLinkConfiguration) -> CarrierLinkSettings {
        settings(for: link.definition)
    }

    static func settings(for link: CarrierLinkDefinition) -> CarrierLinkSettings {
        var client = SMPPClient.Configuration(host: link.host, port: link.port, systemID: link.systemID, password: link.password, bindType: bindType(link.bindMode))
        client.systemType = link.systemType
        client.windowSize = link.window
        client.responseTimeout = .milliseconds(Int64(link.responseTimeoutMilliseconds))
        client.throttle.maxRetries = link.throttleRetries
        client.enquireLinkInterval = link.enquireLinkSeconds > 0 ? .seconds(Int64(link.enquireLinkSeconds)) : nil
        // The link's TPS is shared by its binds.
        client.maxTPS = link.tps > 0 ? link.tps / Double(link.binds) : nil
        client.codec = .lenientCredentials
        if link.tls { client.tls = .makeClientConfiguration() }
        let profile = PeerTextProfile(
            defaultAlphabet: alphabet(link.dataCodingZero), acceptedEncodings: encodings(link), nationalLanguages: [], allowsLockingShift: false)
        let encoder = SMSEncoderOptions(profile: profile, concatenation: concatenation(link.concatenation), maxParts: link.maximumParts)
        return CarrierLinkSettings(
            id: link.id, binds: Array(repeating: client, count: link.binds), encoder: encoder,
            receiptKeyStyle: ReceiptKeyStyle(rawValue: link.receiptIDStyle) ?? .auto, requestReceipts: link.bindMode != "transmitter")
    }

    static func bindType(_ mode: String) -> BindType {
        switch mode {
        case "transmitter": return .transmitter
        case "receiver": return .receiver
        default: return .transceiver
        }
    }

    static func alphabet(_ value: String) -> DefaultAlphabet {
        switch value {
        case "gsm7_packed": return .gsm7Packed
        case "ascii": return .ia5
        case "latin1": return .latin1
        default: return .gsm7Unpacked
        }
    }

    static func encodings(_ link: CarrierLinkDefinition) -> Set<TextEncoding> {
        var set: Set<TextEncoding> = [.ucs2]
        switch link.dataCodingZero {
        case "ascii": set.insert(.ia5)
        case "latin1": set.insert(.latin1)
        default: set.insert(.gsm7)
        }
        if link.allowLatin1 { set.insert(.latin1) }
        return set
    }

    static func concatenation(_ value: String) -> ConcatenationMethod {
        switch value {
        case "udh16": return .udh16
        case "sar": return .sar
        case "payload": return .messagePayload
        default: return .udh8
        }
    }
}
