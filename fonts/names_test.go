package fonts

import (
	"bytes"
	"os"
	"testing"
)

// nameRecords returns a 'name' table's strings by name ID (the Windows
// English record's, or the first).
func nameRecords(t *testing.T, table sfntBytes) map[int]string {
	t.Helper()
	out := map[int]string{}
	count, strOff := table.u16(2), table.u16(4)
	for i := range count {
		r := 6 + 12*i
		id, n, off := table.u16(r+6), table.u16(r+8), table.u16(r+10)
		if !table.has(strOff+off, n) {
			t.Fatalf("record %d (name %d) lies outside the table", i, id)
		}
		if _, ok := out[id]; !ok || table.u16(r) == 3 && table.u16(r+4) == 0x409 {
			out[id] = string(table[strOff+off : strOff+off+n])
		}
	}
	return out
}

// An embedded subset keeps the names a reader may show or match (IDs 0 to
// 6: copyright, family, subfamily, unique name, full name, version,
// PostScript name), each as the font has it, and drops the others.
func TestSubsetKeepsCoreNames(t *testing.T) {
	for _, file := range []string{"files/NotoSans-Regular.ttf", "files/NotoSansThai-Bold.ttf"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, tables, ferr := readFace(raw, 0)
		if ferr != nil {
			t.Fatal(ferr)
		}
		orig := nameRecords(t, tableData(tables, "name"))
		out, _, err := subset(raw, []uint16{1, 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, subTables, ferr := readFace(out, 0)
		if ferr != nil {
			t.Fatalf("%s: the subset does not parse: %v", file, ferr)
		}
		table := sfntBytes(tableData(subTables, "name"))
		got := nameRecords(t, table)
		for id, s := range orig {
			switch {
			case id <= keptNameIDs && got[id] != s:
				t.Errorf("%s: name %d is %q, want %q", file, id, got[id], s)
			case id > keptNameIDs && got[id] != "":
				t.Errorf("%s: name %d (%q) kept", file, id, got[id])
			}
		}
		if len(got) != keptNameIDs+1 {
			t.Errorf("%s: %d names kept, want %d", file, len(got), keptNameIDs+1)
		}
		if len(table) >= len(tableData(tables, "name"))/2 {
			t.Errorf("%s: 'name' is %d bytes, was %d", file, len(table), len(tableData(tables, "name")))
		}
	}
	// A table that cannot be followed is kept as it is.
	bad := []byte{0, 0, 0, 9, 0, 6}
	if got := coreNames(bad); !bytes.Equal(got, bad) {
		t.Errorf("a damaged 'name' became % x", got)
	}
}
