import Benchmark
import SMSText

// Encode + segment throughput of SMSText for typical OTP texts and long multipart texts.
// Metrics are per message: short texts run 1 000 messages per measured iteration (scalingFactor .kilo, scaled
// back in the output), long ones one message per iteration, so "throughput" always reads as messages per second.

private let gsmOTP = "Your Example code is 123456. Do not share it."
private let cyrillicOTP = "Ваш код Example: 123456. Никому его не сообщайте."
private let arabicOTP = "رمز Example الخاص بك هو 123456. لا تشاركه مع أحد."
private let emojiOTP = "🔐 Your Example code is 123456 ✅ Do not share it 🙏"
private let longText = String(
    repeating: "Dear customer, your parcel 4711 is out for delivery today between 10:00 and 14:00. ", count: 12)
private let longUnicode = String(repeating: "Уважаемый клиент, ваша посылка 4711 будет доставлена сегодня. 📦 ", count: 8)
private let receiptText =
    "id:1A2B3C4D sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:Your Example code"

private func encodeBenchmark(
    _ name: String, text: String, options: SMSEncoderOptions = SMSEncoderOptions(),
    scalingFactor: BenchmarkScalingFactor = .kilo
) {
    Benchmark(
        name,
        configuration: .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: scalingFactor, maxDuration: .seconds(3))
    ) { benchmark in
        let encoder = SMSEncoder(options)
        for index in benchmark.scaledIterations {
            blackHole(try encoder.encode(text, reference: UInt16(truncatingIfNeeded: index)))
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    encodeBenchmark("Encode OTP GSM7", text: gsmOTP)
    encodeBenchmark("Encode OTP UCS-2 Cyrillic", text: cyrillicOTP)
    encodeBenchmark("Encode OTP UCS-2 Arabic", text: arabicOTP)
    encodeBenchmark("Encode OTP UCS-2 emoji", text: emojiOTP)
    encodeBenchmark("Encode OTP GSM7 packed", text: gsmOTP, options: SMSEncoderOptions(profile: PeerTextProfile(defaultAlphabet: .gsm7Packed)))
    encodeBenchmark("Encode long GSM7 multipart (7 parts)", text: longText, scalingFactor: .one)
    encodeBenchmark("Encode long UCS-2 multipart (8 parts)", text: longUnicode, scalingFactor: .one)

    Benchmark(
        "Count OTP GSM7 (preview)",
        configuration: .init(metrics: [.throughput, .wallClock], scalingFactor: .kilo, maxDuration: .seconds(3))
    ) { benchmark in
        let counter = SMSCounter()
        for _ in benchmark.scaledIterations { blackHole(try counter.count(gsmOTP)) }
    }

    Benchmark(
        "Decode + reassemble long GSM7 multipart",
        configuration: .init(metrics: [.throughput, .wallClock], scalingFactor: .one, maxDuration: .seconds(3))
    ) { benchmark in
        let plan = try SMSEncoder().encode(longText, reference: 9)
        let decoder = SMSDecoder()
        var reassembler = Reassembler()
        for _ in benchmark.scaledIterations {
            for part in plan.parts {
                let decoded = try decoder.decode(
                    userData: part.shortMessage, dataCoding: part.dataCoding, esmClass: part.esmClassFlags)
                blackHole(reassembler.receive(decoded, source: "447700900001", destination: "Example"))
            }
        }
    }

    Benchmark(
        "Parse delivery receipt",
        configuration: .init(metrics: [.throughput, .wallClock], scalingFactor: .one, maxDuration: .seconds(3))
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try DeliveryReceipt.parse(receiptText)) }
    }
}
