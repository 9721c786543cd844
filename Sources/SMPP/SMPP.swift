// SMPP module placeholder; replaced by its implementation.
