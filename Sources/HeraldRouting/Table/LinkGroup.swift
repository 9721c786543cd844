/// A run of links in a compiled rule that rank equally and have positive weights: the engine orders them
/// by a weighted choice seeded from the message id. Half-open range of positions in the rule's link list.
struct LinkGroup: Sendable {
    let start: Int
    let end: Int
}
