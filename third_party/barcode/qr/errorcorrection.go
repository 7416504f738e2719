package qr

import (
	"sync"

	"github.com/boombuler/barcode/utils"
)

type errorCorrection struct {
	rs *utils.ReedSolomonEncoder
}

// ec is made on first use (handbill's patch: upstream made it, a Galois
// field of 256 elements, at package initialisation).
var ec = sync.OnceValue(newErrorCorrection)

func newErrorCorrection() *errorCorrection {
	fld := utils.NewGaloisField(285, 256, 0)
	return &errorCorrection{utils.NewReedSolomonEncoder(fld)}
}

func (ec *errorCorrection) calcECC(data []byte, eccCount byte) []byte {
	dataInts := make([]int, len(data))
	for i := 0; i < len(data); i++ {
		dataInts[i] = int(data[i])
	}
	res := ec.rs.Encode(dataInts, int(eccCount))
	result := make([]byte, len(res))
	for i := 0; i < len(res); i++ {
		result[i] = byte(res[i])
	}
	return result
}
