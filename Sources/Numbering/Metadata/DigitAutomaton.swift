/// A deterministic automaton over decimal digits, generated from libphonenumber's number-type
/// patterns (one automaton per region covers all of its number types at once).
///
/// Running it costs one table lookup per digit. The state reached after the last digit carries
/// the set of descriptions whose pattern matches the whole input.
struct DigitAutomaton: Sendable {
    /// Marks a missing transition (no pattern can match any longer).
    static let dead: UInt16 = .max

    /// `transitions[state * 10 + digit]` is the next state or ``dead``; state 0 is the start.
    let transitions: [UInt16]
    /// The descriptions accepted in each state.
    let accept: [UInt16]

    var stateCount: Int { accept.count }

    /// The descriptions whose full-match pattern accepts `digits` (values 0...9).
    func run(_ digits: [UInt8]) -> NumberDescriptions {
        var state = 0
        for digit in digits {
            let next = transitions[state &* 10 &+ Int(digit)]
            if next == Self.dead { return [] }
            state = Int(next)
        }
        return NumberDescriptions(rawValue: accept[state])
    }
}
