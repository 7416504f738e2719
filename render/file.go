package render

import (
	"bytes"
	"os"

	"handbill/frame"
	"handbill/source"
)

// WriteFile renders the document and writes it to path atomically: the
// PDF is built in memory, written to a temporary file in the same folder
// and renamed, so a failure never leaves a partial file behind.
func WriteFile(path string, d *frame.Doc) error {
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		return err
	}
	return source.WriteAtomic(path, buf.Bytes())
}

// IsHandbillPDF reports whether the file at path is a PDF handbill wrote
// (its producer is handbill), so it may be replaced without asking.
func IsHandbillPDF(path string) bool {
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		return false
	}
	return bytes.Contains(b, []byte(producerMark))
}

const (
	producer     = "handbill"
	producerMark = "/Producer (" + producer + ")"
)
