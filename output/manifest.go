package output

import (
	"encoding/json"
	"path/filepath"
)

// Manifest lists what a build wrote (and what failed), written as
// manifest.json in the output folder.
type Manifest struct {
	Generator string   `json:"generator"`
	Notes     []string `json:"notes,omitempty"`
	Files     []Result `json:"files"`
}

func (m *Manifest) write(dir string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, "manifest.json"), append(data, '\n'))
}
