package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"flag"
	"os"
	"reflect"
	"testing"

	"handbill/source"
)

var updateDirCache = flag.Bool("update-dircache", false, "rewrite dircache/hotlines.gob from builtin/hotlines.yaml")

// TestDirectoryCache checks that the gob of the built-in directory is
// current (made from today's hotlines.yaml) and decodes to exactly what
// decoding the YAML gives, positions included; -update-dircache rewrites
// it after hotlines.yaml changes.
func TestDirectoryCache(t *testing.T) {
	data, err := builtinFS.ReadFile("builtin/" + hotlinesFile)
	if err != nil {
		t.Fatal(err)
	}
	var want directoryFile
	if err := source.DecodeYAML(builtinPos(hotlinesFile), data, &want); err != nil {
		t.Fatal(err)
	}
	if *updateDirCache {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(dirCache{YAML: sha256.Sum256(data), Dir: want}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("dircache/hotlines.gob", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var c dirCache
	if err := gob.NewDecoder(bytes.NewReader(dirCacheData)).Decode(&c); err != nil {
		t.Fatalf("dircache/hotlines.gob does not decode (%v): run go test ./content -run TestDirectoryCache -update-dircache", err)
	}
	if c.YAML != sha256.Sum256(data) {
		t.Fatal("dircache/hotlines.gob was made from another hotlines.yaml: run go test ./content -run TestDirectoryCache -update-dircache")
	}
	if !reflect.DeepEqual(c.Dir, want) {
		t.Fatal("dircache/hotlines.gob does not hold what hotlines.yaml decodes to: run go test ./content -run TestDirectoryCache -update-dircache")
	}
	got, err := decodeDirectory(builtinPos(hotlinesFile), data)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeDirectory gives another directory than the YAML (%v)", err)
	}
	// A changed YAML is decoded, not read from the stale gob.
	changed := bytes.Replace(data, []byte("18883737888"), []byte("18883737880"), 1)
	if bytes.Equal(changed, data) {
		t.Fatal("the test's number is not in hotlines.yaml")
	}
	got, err = decodeDirectory(builtinPos(hotlinesFile), changed)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range got.Hotlines {
		found = found || h.Digits.S == "18883737880"
	}
	if !found {
		t.Error("a changed hotlines.yaml was not decoded: the stale gob was used")
	}
}
