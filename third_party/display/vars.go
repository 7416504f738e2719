// Copyright 2017 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package display

// The package's variables whose initialisation calls a function (handbill's
// patch: moved here from display.go and lookup.go). Go initialises a
// package's variables file by file in the order of the files' names, and
// once an initialiser has called a function the compiler no longer lays
// out the copies of one table into another as data (a called function
// could have changed the table): the [261]header tables and the tag sets
// in tables.go and lookup.go were copied at start-up, 456 copies, 6,000
// instructions and a dozen page faults of every start. In this file,
// named to sort after tables.go, these initialisers run after the tables,
// which are all data.

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
)

var (
	// Supported lists the languages for which names are defined.
	Supported = language.NewCoverage(supportedTags)

	// The set of all possible values for which names are defined. Note that not
	// all Namer implementations will cover all the values of a given type.
	// A Namer will return the empty string for unsupported values.
	Values = language.NewCoverage(langTagSet.Tags, supportedScripts, supportedRegions)

	// matcher matches a tag to the languages for which names are defined.
	matcher = sync.OnceValue(func() language.Matcher { return language.NewMatcher(supportedTags()) })
)

// supportedTags returns the languages for which names are defined, parsed
// on first use.
var supportedTags = sync.OnceValue(func() []language.Tag {
	tags := make([]language.Tag, numSupported)
	s := supported
	for i := range tags {
		p := strings.IndexByte(s, '|')
		tags[i] = language.Raw.Make(s[:p])
		s = s[p+1:]
	}
	return tags
})

var (
	zzzz = language.MustParseScript("Zzzz")
	zz   = language.MustParseRegion("ZZ")
)
