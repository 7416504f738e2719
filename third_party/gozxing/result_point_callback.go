package gozxing

type ResultPointCallback func(ResultPoint)
