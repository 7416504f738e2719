module github.com/go-text/typesetting

go 1.19

require golang.org/x/image v0.23.0
