package content

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSchema(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatalf("Schema() is not JSON: %v", err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", s["$schema"])
	}
	props := s["properties"].(map[string]any)
	defs := s["$defs"].(map[string]any)

	// Every key of the content file format is in the schema, and no other.
	var keys []string
	for f := range reflect.TypeFor[userFile]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		keys = append(keys, name)
	}
	if got := sortedKeys(props); !slices.Equal(got, sortedStrings(keys)) {
		t.Errorf("schema properties %v, content file keys %v", got, keys)
	}
	// Every message key, with a description.
	msgProps := defs["messages"].(map[string]any)["properties"].(map[string]any)
	for _, k := range MessageKeys {
		p, ok := msgProps[k].(map[string]any)
		if !ok || p["description"] == "" {
			t.Errorf("message key %s missing or undescribed", k)
			continue
		}
		if IsListKey(k) {
			if p["type"] != "array" {
				t.Errorf("%s type %v, want array", k, p["type"])
			}
			if _, ok := msgProps[k+AppendSuffix].(map[string]any); !ok {
				t.Errorf("no %s+ in the schema", k)
			}
		} else if fmt.Sprint(p["anyOf"]) != "[map[minLength:1 type:string] map[$ref:#/$defs/callOnly]]" {
			t.Errorf("%s: %v, want text or {text, call_only}", k, p["anyOf"])
		}
	}
	if len(msgProps) != len(MessageKeys)+len(ListKeys) {
		t.Errorf("%d message properties, %d keys", len(msgProps), len(MessageKeys))
	}
	// Enums of audiences, regions and built-in languages.
	enum := func(v any) []string {
		var out []string
		for _, e := range v.(map[string]any)["enum"].([]any) {
			out = append(out, e.(string))
		}
		return out
	}
	if got := enum(props["audience"]); !slices.Equal(got, Audiences) {
		t.Errorf("audience enum %v", got)
	}
	if got := enum(props["region"]); !slices.Contains(got, "US-CA") || !slices.Contains(got, "GB") {
		t.Errorf("region enum %v", got)
	}
	langEnum := enum(defs["language"].(map[string]any)["anyOf"].([]any)[0])
	var tags []string
	for _, l := range builtins(t).langs {
		tags = append(tags, l.tag.String())
	}
	if !slices.Equal(langEnum, tags) || langEnum[0] != "en" || !slices.Contains(langEnum, "es") {
		t.Errorf("language enum %v", langEnum)
	}
	// Every hotline key, with a description.
	hp := defs["hotline"].(map[string]any)["properties"].(map[string]any)
	for f := range reflect.TypeFor[hotlineSpec]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if p, ok := hp[name].(map[string]any); !ok || p["description"] == "" {
			t.Errorf("hotline key %s missing from the schema", name)
		}
	}
	walkDescriptions(t, "", s)
}

func sortedStrings(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// walkDescriptions checks that every property of every object schema has
// a description.
func walkDescriptions(t *testing.T, path string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for k, p := range props {
			pm, _ := p.(map[string]any)
			if _, ref := pm["$ref"]; !ref && pm["description"] == nil {
				t.Errorf("%s/%s has no description", path, k)
			}
		}
	}
	for k, c := range m {
		walkDescriptions(t, path+"/"+k, c)
	}
}
