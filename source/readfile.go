package source

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxFileSize is the largest content or layout file handbill reads: a
// hand-written file is a few kilobytes.
const MaxFileSize = 4 << 20

// ReadFile reads the file at path if it is a regular file of at most max
// bytes. A directory, a named pipe or a device is refused before it is
// opened (reading a pipe could wait for ever), and so is a larger file.
// Errors from the system are *os.PathError values; the others say what
// is wrong in a few words ("is a directory").
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("is larger than %s, the most handbill reads", sizeText(max))
	}
	return data, nil
}

// OpenRegular opens path for reading if it is a regular file.
func OpenRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		return nil, errors.New("is a directory, not a file")
	case !st.Mode().IsRegular():
		return nil, errors.New("is not a regular file (a device or a named pipe)")
	}
	return os.Open(path)
}

// sizeText writes a byte count for people: "4 MB", "512 KB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
