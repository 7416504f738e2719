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
	var langTags, regions []string
	var regionDocs []string
	if b, err := loadBuiltins(); err == nil {
		for _, l := range b.langs {
			langTags = append(langTags, l.tag.String())
		}
		for _, r := range b.regions {
			regions = append(regions, r.Code.S)
			regionDocs = append(regionDocs, r.Code.S+": "+r.Description.S)
		}
	}
	lang := obj{
		"description": "A BCP 47 language tag. Built in: " + strings.Join(langTags, ", ") +
			". A regional variant reads its language (es-MX → es, zh-TW → zh-Hant), with a warning; another language with no text is an error; messages for a tag with no built-in file add that language.",
		"anyOf": []any{
			obj{"enum": langTags},
			obj{"type": "string", "pattern": languageTagPattern},
		},
	}
	msgProps := obj{}
	text := obj{"anyOf": []any{obj{"type": "string", "minLength": 1}, obj{"$ref": "#/$defs/callOnly"}}}
	names := slices.Clone(MessageKeys)
	for _, k := range MessageKeys {
		p := obj{"description": KeyDescription(k)}
		if IsListKey(k) {
			p["type"] = "array"
			p["minItems"] = 1
			p["maxItems"] = MaxListItems
			p["items"] = text
			add := obj{"type": "array", "minItems": 1, "maxItems": MaxListItems, "items": text,
				"description": "Items added after the built-in `" + k + "` (or the list below this one); `" + k + ":` replaces the list instead. Give one of the two."}
			msgProps[k+AppendSuffix] = add
			names = append(names, k+AppendSuffix)
		} else {
			p["anyOf"] = text["anyOf"]
		}
		msgProps[k] = p
	}
	messages := obj{
		"type":                 "object",
		"description":          "Messages to override, by key; a key left out keeps the built-in text. Placeholders: {" + strings.Join(placeholderNames(), "}, {") + "}. A text or list item may be {text, call_only}: call_only is printed where the region has no text line or it does not work in the document's language.",
		"properties":           msgProps,
		"propertyNames":        obj{"enum": names},
		"additionalProperties": false,
	}
	callOnly := obj{
		"type":        "object",
		"description": "A message that promises texting, with its call-only form.",
		"required":    []string{"text", "call_only"},
		"properties": obj{
			"text":      obj{"type": "string", "minLength": 1, "description": "The text, printed where the region's text line works in the document's language (\"Call or text the hotline\")."},
			"call_only": obj{"type": "string", "minLength": 1, "description": "The same without texting, printed where it does not (\"Call the hotline\"); it may not name {sms}, {sms_keyword} or {sms_languages}."},
		},
		"additionalProperties": false,
	}
	str := func(desc string) obj { return obj{"type": "string", "minLength": 1, "description": desc} }
	tags := func(desc string) obj {
		return obj{"type": "array", "minItems": 1, "uniqueItems": true, "items": obj{"$ref": "#/$defs/languageTag"}, "description": desc}
	}
	hotline := obj{
		"type":        "object",
		"description": "A hotline to print after the region's own: only the id of a built-in line (us-childhelp); or a line of your own (id, name, country, and digits, sms or web); or a built-in id with new details (changing its number needs override: true).",
		"required":    []string{"id"},
		"properties": obj{
			"id":              obj{"type": "string", "pattern": `^[a-z0-9]+(-[a-z0-9]+)*$`, "description": "Unique id, lower-case words joined by hyphens (us-nhth). A built-in id replaces that entry."},
			"name":            str("The service's name, as it calls itself."),
			"country":         obj{"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 country code; the number is validated for it."},
			"digits":          obj{"type": "string", "pattern": "^[0-9]+$", "description": "The number to dial, digits only, quoted (\"18883737888\")."},
			"display":         str("How the number is printed (1-888-373-7888): the same digits, no letters. Required with digits: the number is written twice, as dialled and as printed, and the two must agree, so a typo in either is caught."),
			"vanity":          str("Letter form shown as a secondary label (1-800-THE-LOST); must spell the digits on a phone keypad."),
			"sms":             obj{"type": "string", "pattern": "^[0-9]+$", "description": "The number to text, digits only (\"233733\")."},
			"sms_keyword":     obj{"type": "string", "pattern": "^[A-Za-z0-9]+$", "description": "The word to text to it (BEFREE)."},
			"whatsapp":        obj{"type": "string", "pattern": "^[0-9]+$", "description": "A number that answers WhatsApp messages, digits only; not a text line."},
			"call_languages":  tags("The languages the number to call answers in (BCP 47 tags); leave out if it is not limited."),
			"sms_languages":   tags("The languages the text line works in ([en, es]); a document in another language prints the call-only wording and, after the text line, sms_note."),
			"web_languages":   tags("The languages the chat or report address works in."),
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
		"dependentRequired":    obj{"digits": []string{"display"}},
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
			"hotline_names": obj{
				"type":                 "object",
				"description":          "Names of hotlines in a language: LANG → hotline id → name. A line without a name in a document's language is printed with its English name (your own line: the name its entry gives), with a warning.",
				"propertyNames":        obj{"$ref": "#/$defs/languageTag"},
				"additionalProperties": obj{"type": "object", "additionalProperties": obj{"type": "string", "minLength": 1}},
			},
			"provenance": obj{
				"type":                 "object",
				"description":          "Who reviewed this file's text, per language: LANG → {status, reviewer, date}. It covers what this file says in that language (messages, audiences, hotline names); built-in text it does not replace keeps its own status. Without it, your text counts as yours (status user), not as a machine draft.",
				"propertyNames":        obj{"$ref": "#/$defs/languageTag"},
				"additionalProperties": obj{"$ref": "#/$defs/provenance"},
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
			"callOnly":    callOnly,
			"hotline":     hotline,
			"provenance": obj{
				"type":     "object",
				"required": []string{"status", "date"},
				"properties": obj{
					"status":   obj{"enum": slices.Clone(Statuses), "description": "How far the text has been reviewed: machine-draft, community-reviewed (by native speakers in your community) or professional (by a professional translator)."},
					"reviewer": str("Who reviewed it (a name, or a role and organisation); required unless status is machine-draft."),
					"date":     obj{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "When it was reviewed (YYYY-MM-DD), not in the future."},
					"sources":  obj{"type": "object", "description": "Written by `handbill translate import`: per message (`headline`, `signs[2]`), the hash of the English text it was reviewed against; when the English changes, the translation is stale.", "additionalProperties": obj{"type": "string"}},
				},
				"additionalProperties": false,
				"if":                   obj{"properties": obj{"status": obj{"enum": []string{"community-reviewed", "professional"}, "description": "A reviewed status…"}}},
				"then":                 obj{"required": []string{"reviewer"}},
			},
		},
	}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	return append(out, '\n')
}
