// Numbering module placeholder; replaced by its implementation.
