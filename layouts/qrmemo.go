package layouts

import (
	"sync"

	"github.com/boombuler/barcode/qr"
)

// qrMemo remembers the module matrix of each address encoded, for the
// process: a batch prints the same hotline's address on thousands of
// posters, and encoding (with its mask search) costs more than the rest of
// the page. The matrices are shared and never modified.
var qrMemo = struct {
	sync.Mutex
	m map[string][][]bool
}{m: map[string][][]bool{}}

// maxQRMemo bounds qrMemo (a few hundred bytes an entry): past it the
// memo starts again.
const maxQRMemo = 4096

// qrModules returns the QR code of s (error correction M) as rows of
// modules, dark true.
func qrModules(s string) ([][]bool, error) {
	qrMemo.Lock()
	mods, ok := qrMemo.m[s]
	qrMemo.Unlock()
	if ok {
		return mods, nil
	}
	code, err := qr.Encode(s, qr.M, qr.Auto)
	if err != nil {
		return nil, err
	}
	n := code.Bounds().Dx()
	mods = make([][]bool, n)
	for y := range n {
		mods[y] = make([]bool, n)
		for x := range n {
			cr, _, _, _ := code.At(x, y).RGBA()
			mods[y][x] = cr < 0x8000
		}
	}
	qrMemo.Lock()
	if len(qrMemo.m) >= maxQRMemo {
		clear(qrMemo.m)
	}
	qrMemo.m[s] = mods
	qrMemo.Unlock()
	return mods, nil
}
