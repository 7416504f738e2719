package check

import (
	"strings"
	"sync"
)

// qrChecked remembers the QR codes already decoded and found to say what
// they should, by content and module matrix, for the process: a batch
// checks the same hotline's code on thousands of posters. Only codes that
// passed are remembered; a failing one is decoded again each time, so its
// error is always reported.
var qrChecked = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

// maxQRChecked bounds qrChecked: past it the memo starts again.
const maxQRChecked = 4096

// qrKey is the content and the matrix, one byte per module.
func qrKey(content string, modules [][]bool) string {
	var b strings.Builder
	b.Grow(len(content) + 1 + len(modules)*(len(modules)+1))
	b.WriteString(content)
	b.WriteByte(0)
	for _, row := range modules {
		for _, dark := range row {
			if dark {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		}
		b.WriteByte('/')
	}
	return b.String()
}

func qrPassed(key string) bool {
	qrChecked.Lock()
	defer qrChecked.Unlock()
	return qrChecked.m[key]
}

func qrPass(key string) {
	qrChecked.Lock()
	defer qrChecked.Unlock()
	if len(qrChecked.m) >= maxQRChecked {
		clear(qrChecked.m)
	}
	qrChecked.m[key] = true
}
