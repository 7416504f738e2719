package content

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/gob"

	"handbill/source"
)

// The built-in hotline directory decoded ahead of time: YAML decoding of
// hotlines.yaml costs a fresh process several milliseconds (yaml.v3 makes
// a node per scalar), a gob of the same values a tenth of that. The gob is
// made from the YAML by the tests (go test ./content -run
// TestDirectoryCache -update-dircache) and holds the SHA-256 of the YAML
// it was made from: when the YAML has changed since, the gob is not used
// and the YAML is decoded, so a stale gob can cost time but never print a
// number the YAML does not hold. TestDirectoryCache fails while it is
// stale.
//
//go:embed dircache/hotlines.gob
var dirCacheData []byte

// dirCache is what dircache/hotlines.gob holds.
type dirCache struct {
	YAML [sha256.Size]byte // SHA-256 of the hotlines.yaml decoded
	Dir  directoryFile
}

// decodeDirectory decodes the built-in directory file data (hotlines.yaml),
// from the gob made of it when that is current.
func decodeDirectory(file string, data []byte) (directoryFile, error) {
	var c dirCache
	if err := gob.NewDecoder(bytes.NewReader(dirCacheData)).Decode(&c); err == nil && c.YAML == sha256.Sum256(data) {
		return c.Dir, nil
	}
	var dir directoryFile
	err := source.DecodeYAML(file, data, &dir)
	return dir, err
}
