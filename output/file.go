package output

import (
	"bytes"
	"os"
	"path/filepath"

	"handbill/frame"
)

// WriteFile renders the document and writes it to path atomically: the
// PDF is built in memory, written to a temporary file in the same folder
// and renamed, so a failure never leaves a partial file behind.
func WriteFile(path string, d *frame.Doc) error {
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		return err
	}
	return writeAtomic(path, buf.Bytes())
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".handbill-*.pdf.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
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
