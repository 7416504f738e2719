// Package handbill holds the project's legal texts, embedded so that the
// program carries them: its licence (LICENSE, Apache-2.0), its NOTICE (every
// Go module and font it contains, with version, licence and copyright) and
// the licence texts of the Go modules and of Go itself
// (third_party/licenses/MODULE/). The fonts' licence texts are embedded by
// package fonts. `handbill version --licenses` prints them all.
package handbill

import "embed"

// License is handbill's licence, the Apache License 2.0.
//
//go:embed LICENSE
var License string

// Notice is the NOTICE file: handbill's copyright and the list of the Go
// modules and fonts in the program with their licences.
//
//go:embed NOTICE
var Notice string

// ThirdParty holds the licence texts (and NOTICE and PATENTS files) of the
// Go modules in go.mod and of the Go toolchain, under
// "third_party/licenses/MODULE/", as each module ships them.
//
//go:embed third_party/licenses
var ThirdParty embed.FS
