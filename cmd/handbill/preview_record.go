package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"handbill/source"
)

// previewRecordFile records, in a folder, the images preview drew there
// and their SHA-256: a file preview drew and nobody changed since may be
// replaced; any other needs --force (as build's manifest.json does for
// PDFs).
const previewRecordFile = "preview.json"

type previewRecord struct {
	dir   string
	Files map[string]string `json:"files"` // path relative to dir (slashes) → SHA-256
}

// openPreviewRecord reads dir's record (empty if there is none, or it
// cannot be read: then nothing there counts as drawn by handbill).
func openPreviewRecord(dir string) *previewRecord {
	r := &previewRecord{dir: dir}
	if b, err := os.ReadFile(filepath.Join(dir, previewRecordFile)); err == nil {
		_ = json.Unmarshal(b, r)
	}
	if r.Files == nil {
		r.Files = map[string]string{}
	}
	return r
}

// write writes data into rel, atomically, unless a file is there that
// preview did not draw, or changed since (force replaces it anyway), and
// records it.
func (r *previewRecord) write(rel string, data []byte, force bool) error {
	path := filepath.Join(r.dir, rel)
	key := filepath.ToSlash(rel)
	if st, err := os.Stat(path); err == nil && !force {
		drawn := false
		if !st.IsDir() {
			if old, err := os.ReadFile(path); err == nil {
				sum := sha256.Sum256(old)
				drawn = r.Files[key] == hex.EncodeToString(sum[:])
			}
		}
		if !drawn {
			return source.Errorf(source.Pos{}, "move the file away, choose another --out folder or --sheet file, or add --force to replace it",
				"%s exists and was not drawn by handbill", path)
		}
	}
	if err := source.WriteAtomic(path, data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	r.Files[key] = hex.EncodeToString(sum[:])
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return source.WriteAtomic(filepath.Join(r.dir, previewRecordFile), append(b, '\n'))
}
