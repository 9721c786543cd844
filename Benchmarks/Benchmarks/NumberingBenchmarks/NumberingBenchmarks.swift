import Benchmark
import Numbering

/// A mixed sample: international and national input, shared calling codes, invalid numbers and
/// inputs that fail to parse, in roughly the proportions a gateway sees.
let sample: [(String, String?)] = [
    ("+49 151 2345 6789", nil), ("+4915123456789", nil), ("0151 23456789", "DE"), ("+1 (212) 555-0123", nil),
    ("+14165550123", nil), ("+12684641234", nil), ("212.555.0123", "US"), ("011 44 20 7946 0958", "US"),
    ("+447400123456", nil), ("07400 123456", "GB"), ("+441481256789", nil), ("+33612345678", nil),
    ("06 12 34 56 78", "FR"), ("+390669821234", nil), ("+393351234567", nil), ("011 15 2345-6789", "AR"),
    ("+5491123456789", nil), ("+525512345678", nil), ("+79123456789", nil), ("+77012345678", nil),
    ("8 912 345 67 89", "RU"), ("+919876543210", nil), ("098765 43210", "IN"), ("+8613800138000", nil),
    ("+5511912345678", nil), ("+2348031234567", nil), ("0803 123 4567", "NG"), ("+61412345678", nil),
    ("+81 90 1234 5678", nil), ("+80012345678", nil), ("+882 3421 1234", nil), ("+4915", nil),
    ("+49 151 2345678901234567", nil), ("+999 1234 5678", nil), ("0151 2345678x", "DE"), ("+6431234567", nil),
]

let benchmarks: @Sendable () -> Void = {
    let plan = NumberingPlan.shared
    _ = try? plan.parse("+4915123456789")  // decode the metadata before measuring

    Benchmark(
        "Parse+validate (mixed sample)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            let (input, region) = sample[iteration % sample.count]
            blackHole(try? plan.parse(input, defaultRegion: region))
        }
    }

    Benchmark(
        "Parse+validate (E.164 mobile)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? plan.parse("+4915123456789"))
        }
    }

    // 100,000 random prefixes of 2 to 9 digits, looked up with random 12-digit numbers.
    var random = SplitMix64(seed: 7)
    var entries: [(String, Int)] = []
    var seen = Set<String>()
    while entries.count < 100_000 {
        let length = 2 + Int(random.next() % 8)
        let prefix = String((0..<length).map { _ in Character(String(random.next() % 10)) })
        if seen.insert(prefix).inserted { entries.append((prefix, entries.count)) }
    }
    let queries = (0..<4096).map { _ in String((0..<12).map { _ in Character(String(random.next() % 10)) }) }
    let table = try! DigitPrefixTable(entries)

    Benchmark(
        "DigitPrefixTable longestMatch (100k prefixes)",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .mega)
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(table.longestMatch(queries[iteration & 4095])?.value)
        }
    }

    Benchmark(
        "DigitPrefixTable build (100k prefixes)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! DigitPrefixTable(entries).count)
        }
    }

    Benchmark(
        "NumberingPlan.loadEmbedded (metadata decode)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! NumberingPlan.loadEmbedded())
        }
    }

    let resolver = NetworkResolver()
    let numbers = sample.compactMap { try? plan.parse($0.0, defaultRegion: $0.1) }
    Benchmark(
        "NetworkResolver network(for:)",
        configuration: .init(metrics: [.throughput, .wallClock], scalingFactor: .kilo)
    ) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(resolver.network(for: numbers[iteration % numbers.count]))
        }
    }
}

/// Deterministic random numbers for the benchmark data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
