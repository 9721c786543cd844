// MerkleLog module placeholder; replaced by its implementation.
