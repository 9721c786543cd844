// SMSText module placeholder; replaced by its implementation.
