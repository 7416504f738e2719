package content

import (
	"crypto/sha256"

	"handbill/source"
)

// The built-in hotline directory decoded ahead of time, as Go values
// (dircache_gen.go): decoding hotlines.yaml costs a fresh process several
// milliseconds (yaml.v3 makes a node per scalar), and other encodings
// either decode no faster (encoding/json) or cost every process at start
// (encoding/gob's initialisation); values compiled into the binary cost
// nothing. They are made from the YAML by the tests (go test ./content
// -run TestDirectoryCache -update-dircache) with the SHA-256 of the YAML
// they were made from: when the YAML has changed since, they are not used
// and the YAML is decoded, so a stale copy can cost time but never print a
// number the YAML does not hold. TestDirectoryCache fails while it is
// stale.

// decodeDirectory decodes the built-in directory file data (hotlines.yaml),
// from the values made of it ahead of time when they are current.
func decodeDirectory(file string, data []byte) (directoryFile, error) {
	if sha256.Sum256(data) == builtinDirectorySHA256 {
		return builtinDirectoryValues(), nil
	}
	var dir directoryFile
	err := source.DecodeYAML(file, data, &dir)
	return dir, err
}
