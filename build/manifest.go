package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"handbill/source"
)

// Manifest lists what a build wrote (and what failed), written as
// manifest.json in the output folder.
type Manifest struct {
	Generator string              `json:"generator"`
	Notes     []source.Diagnostic `json:"notes,omitempty"`
	Files     []Result            `json:"files"`
}

func (m *Manifest) write(dir string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return source.WriteAtomic(filepath.Join(dir, "manifest.json"), append(data, '\n'))
}

// readManifest reads the manifest of an output folder, or nil.
func readManifest(dir string) *Manifest {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil
	}
	var m Manifest
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return &m
}

// wrote reports whether m records writing the file rel (relative to the
// output folder) and the file at path is still what was written.
func (m *Manifest) wrote(rel, path string) bool { return m.written(rel, path) != "" }

// written returns the sha256 the manifest records for the file handbill
// wrote at rel (or kept there when a build could not replace it), if the
// file at path still has it, else "".
func (m *Manifest) written(rel, path string) string {
	if m == nil {
		return ""
	}
	for _, r := range m.Files {
		sum := r.SHA256
		if sum == "" {
			sum = r.Kept
		}
		if r.File == filepath.ToSlash(rel) && sum != "" {
			data, err := os.ReadFile(path)
			if err != nil {
				return ""
			}
			got := sha256.Sum256(data)
			if hex.EncodeToString(got[:]) != sum {
				return ""
			}
			return sum
		}
	}
	return ""
}

// merge keeps the entries of the previous manifest for files this run did
// not build that are still there unchanged, so a run that builds a few
// files does not forget the others.
func (m *Manifest) merge(prev *Manifest, dir string) *Manifest {
	if prev == nil {
		return m
	}
	have := map[string]bool{}
	for _, r := range m.Files {
		have[r.File] = true
	}
	for _, r := range prev.Files {
		if !have[r.File] && !r.Failed() && prev.wrote(r.File, filepath.Join(dir, r.File)) {
			m.Files = append(m.Files, r)
		}
	}
	sort.SliceStable(m.Files, func(i, j int) bool { return m.Files[i].File < m.Files[j].File })
	m.Files = slices.Clip(m.Files)
	return m
}
