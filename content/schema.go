package content

import (
	"encoding/json"
	"slices"
	"strings"
)

// obj is a JSON object under construction.
type obj = map[string]any

// languageTagPattern loosely matches a BCP 47 tag (en, es-MX, zh-Hant,
// sr-Latn-RS); handbill itself parses tags with golang.org/x/text/language.
const languageTagPattern = `^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`

// Schema returns the JSON Schema (draft 2020-12) of the content file
// format, for editors to validate and complete content files: every key
// with a description, enums of the built-in languages, audiences, regions
// and message keys.
func Schema() []byte {
	var tags, regions []string
	var regionDocs []string
	if b, err := loadBuiltins(); err == nil {
		for _, l := range b.langs {
			tags = append(tags, l.tag.String())
		}
		for _, r := range b.regions {
			regions = append(regions, r.Code.S)
			regionDocs = append(regionDocs, r.Code.S+": "+r.Description.S)
		}
	}
	lang := obj{
		"description": "A BCP 47 language tag. Built in: " + strings.Join(tags, ", ") +
			". Another tag falls back to the closest built-in language (es-MX → es), with a warning; messages for a tag with no built-in file add that language.",
		"anyOf": []any{
			obj{"enum": tags},
			obj{"type": "string", "pattern": languageTagPattern},
		},
	}
	msgProps := obj{}
	for _, k := range MessageKeys {
		p := obj{"description": KeyDescription(k)}
		if IsListKey(k) {
			p["type"] = "array"
			p["minItems"] = 1
			p["items"] = obj{"type": "string", "minLength": 1}
		} else {
			p["type"] = "string"
			p["minLength"] = 1
		}
		msgProps[k] = p
	}
	messages := obj{
		"type":                 "object",
		"description":          "Messages to override, by key; a key left out keeps the built-in text. Placeholders: {" + strings.Join(placeholderNames(), "}, {") + "}.",
		"properties":           msgProps,
		"propertyNames":        obj{"enum": slices.Clone(MessageKeys)},
		"additionalProperties": false,
	}
	str := func(desc string) obj { return obj{"type": "string", "minLength": 1, "description": desc} }
	hotline := obj{
		"type":        "object",
		"description": "A hotline to print after the region's own: only the id of a built-in line (us-childhelp); or a line of your own (id, name, country, and digits, sms or web); or a built-in id with new details (changing its number needs override: true).",
		"required":    []string{"id"},
		"properties": obj{
			"id":              obj{"type": "string", "pattern": `^[a-z0-9]+(-[a-z0-9]+)*$`, "description": "Unique id, lower-case words joined by hyphens (us-nhth). A built-in id replaces that entry."},
			"name":            str("The service's name, as it calls itself."),
			"country":         obj{"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 country code; the number is validated for it."},
			"digits":          obj{"type": "string", "pattern": "^[0-9]+$", "description": "The number to dial, digits only, quoted (\"18883737888\")."},
			"display":         str("How the number is printed (1-888-373-7888): the same digits, no letters."),
			"vanity":          str("Letter form shown as a secondary label (1-800-THE-LOST); must spell the digits on a phone keypad."),
			"sms":             obj{"type": "string", "pattern": "^[0-9]+$", "description": "The number to text, digits only (\"233733\")."},
			"sms_keyword":     obj{"type": "string", "pattern": "^[A-Za-z0-9]+$", "description": "The word to text to it (BEFREE)."},
			"web":             obj{"type": "string", "pattern": `^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$`, "description": "Chat or report address without http:// (humantraffickinghotline.org)."},
			"hours":           str("When it answers (24/7)."),
			"languages":       str("Which languages it answers in, in words."),
			"phone_languages": obj{"type": "integer", "minimum": 0, "description": "How many languages it answers in by phone; fills {languages}."},
			"source":          str("Where the number was read."),
			"verified":        obj{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "When it was last checked against the source (YYYY-MM-DD)."},
			"exempt":          str("Why libphonenumber cannot validate this number (a short code its data lacks)."),
			"override":        obj{"type": "boolean", "description": "Set to true to change the number of a built-in line on purpose."},
		},
		"additionalProperties": false,
	}
	audienceMessages := obj{
		"type":                 "object",
		"description":          "Messages for this audience, per language.",
		"propertyNames":        obj{"$ref": "#/$defs/languageTag"},
		"additionalProperties": obj{"$ref": "#/$defs/messages"},
	}
	audProps := obj{}
	for _, a := range Audiences {
		audProps[a] = audienceMessages
	}
	schema := obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"title":       "handbill content file",
		"description": "What handbill's materials say: default languages, region and audience, the organisation, message overrides per language and audience, and local hotlines. Anything left out comes from the built-in content.",
		"type":        "object",
		"properties": obj{
			"languages": obj{
				"type": "array", "minItems": 1, "uniqueItems": true,
				"description": "Languages to build when the command line names none (default: en, es).",
				"items":       obj{"$ref": "#/$defs/language"},
			},
			"region": obj{
				"enum":        regions,
				"description": "Whose hotlines to print when the command line names none (default US). " + strings.Join(regionDocs, "; "),
			},
			"audience": obj{
				"enum":        slices.Clone(Audiences),
				"description": "Who the materials speak to when the command line names none (default community).",
			},
			"organization": obj{
				"type":        "object",
				"description": "The organisation the materials are made for, printed in the footer.",
				"properties": obj{
					"name":    str("The organisation's name."),
					"contact": str("A local contact line (phone, address or web)."),
					"logo":    str("Path of a PNG or JPEG logo, relative to this file."),
					"color":   obj{"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$", "description": "Brand colour \"#rrggbb\" (quote it: # starts a YAML comment)."},
				},
				"additionalProperties": false,
			},
			"messages": obj{
				"type":                 "object",
				"description":          "Message overrides for every audience, per language: LANG → KEY → text or list.",
				"propertyNames":        obj{"$ref": "#/$defs/languageTag"},
				"additionalProperties": obj{"$ref": "#/$defs/messages"},
			},
			"audiences": obj{
				"type":                 "object",
				"description":          "Message overrides for one audience: AUDIENCE → LANG → KEY → text or list. They win over `messages`.",
				"properties":           audProps,
				"propertyNames":        obj{"enum": slices.Clone(Audiences)},
				"additionalProperties": false,
			},
			"hotlines": obj{
				"type":        "array",
				"description": "Local lines, printed after the region's, or replacements of built-in lines (same id).",
				"items":       obj{"$ref": "#/$defs/hotline"},
			},
		},
		"additionalProperties": false,
		"$defs": obj{
			"language":    lang,
			"languageTag": obj{"type": "string", "pattern": languageTagPattern},
			"messages":    messages,
			"hotline":     hotline,
		},
	}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	return append(out, '\n')
}
