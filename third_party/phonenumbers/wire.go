package phonenumbers

// handbill's patch (PATCH.md): the metadata is decoded, and numbers and
// formats copied, without google.golang.org/protobuf. Its runtime was most
// of what this package still cost every program that links it, whether or
// not it handles a number: its packages' initialisation, the registration
// of the two .proto files' descriptors, and internal/detrand, which opens
// and reads the running executable at start-up. The messages are decoded
// from the protocol buffer wire format as proto.Unmarshal decodes proto2
// messages into the generated types (phonemetadata.go, phonenumber.go):
// scalars last one wins, repeated fields appended (packed or not), a
// message field seen twice merged, unknown fields skipped, and a message
// missing a required field an error.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

var (
	errWireTruncated = errors.New("phonenumbers: metadata: truncated protocol buffer")
	errWireType      = errors.New("phonenumbers: metadata: unexpected wire type")
	errWireRequired  = errors.New("phonenumbers: metadata: required field not set")
)

// The protocol buffer wire types.
const (
	wireVarint  = 0
	wireFixed64 = 1
	wireBytes   = 2
	wireFixed32 = 5
)

// wireField is one field of a message: its number and wire type, and its
// value (varint) or contents (bytes).
type wireField struct {
	num   uint64
	typ   int
	value uint64
	bytes []byte
}

// wireFields calls f with each field of the message b, in order.
func wireFields(b []byte, f func(wireField) error) error {
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		if n <= 0 {
			return errWireTruncated
		}
		b = b[n:]
		fld := wireField{num: tag >> 3, typ: int(tag & 7)}
		if fld.num == 0 || fld.num > math.MaxInt32 {
			return errWireType
		}
		switch fld.typ {
		case wireVarint:
			v, n := binary.Uvarint(b)
			if n <= 0 {
				return errWireTruncated
			}
			fld.value, b = v, b[n:]
		case wireFixed64:
			if len(b) < 8 {
				return errWireTruncated
			}
			b = b[8:]
		case wireFixed32:
			if len(b) < 4 {
				return errWireTruncated
			}
			b = b[4:]
		case wireBytes:
			l, n := binary.Uvarint(b)
			if n <= 0 || l > uint64(len(b)-n) {
				return errWireTruncated
			}
			fld.bytes, b = b[n:n+int(l)], b[n+int(l):]
		default: // groups: none in these messages
			return errWireType
		}
		if err := f(fld); err != nil {
			return err
		}
	}
	return nil
}

// str is a string field's value.
func (f wireField) str() (*string, error) {
	if f.typ != wireBytes {
		return nil, errWireType
	}
	s := string(f.bytes)
	return &s, nil
}

// boolean is a bool field's value.
func (f wireField) boolean() (*bool, error) {
	if f.typ != wireVarint {
		return nil, errWireType
	}
	v := f.value != 0
	return &v, nil
}

// int32 is an int32 field's value.
func (f wireField) int32() (*int32, error) {
	if f.typ != wireVarint {
		return nil, errWireType
	}
	v := int32(f.value)
	return &v, nil
}

// appendInt32s appends a repeated int32 field's values, packed or not.
func (f wireField) appendInt32s(to []int32) ([]int32, error) {
	switch f.typ {
	case wireVarint:
		return append(to, int32(f.value)), nil
	case wireBytes:
		b := f.bytes
		for len(b) > 0 {
			v, n := binary.Uvarint(b)
			if n <= 0 {
				return nil, errWireTruncated
			}
			to, b = append(to, int32(v)), b[n:]
		}
		return to, nil
	}
	return nil, errWireType
}

// message decodes a message field into *m, made if nil (a message field
// seen twice is merged, as protobuf does).
func message[T any](f wireField, m **T, unmarshal func(*T, []byte) error) error {
	if f.typ != wireBytes {
		return errWireType
	}
	if *m == nil {
		*m = new(T)
	}
	return unmarshal(*m, f.bytes)
}

// unmarshalCollection decodes b into m, as proto.Unmarshal did.
func unmarshalCollection(m *PhoneMetadataCollection, b []byte) error {
	return wireFields(b, func(f wireField) error {
		if f.num != 1 {
			return nil
		}
		var md *PhoneMetadata
		if err := message(f, &md, unmarshalMetadata); err != nil {
			return err
		}
		m.Metadata = append(m.Metadata, md)
		return nil
	})
}

// unmarshalMetadata decodes a PhoneMetadata (phonemetadata.proto).
func unmarshalMetadata(m *PhoneMetadata, b []byte) error {
	err := wireFields(b, func(f wireField) error {
		var err error
		switch f.num {
		case 1:
			err = message(f, &m.GeneralDesc, unmarshalDesc)
		case 2:
			err = message(f, &m.FixedLine, unmarshalDesc)
		case 3:
			err = message(f, &m.Mobile, unmarshalDesc)
		case 4:
			err = message(f, &m.TollFree, unmarshalDesc)
		case 5:
			err = message(f, &m.PremiumRate, unmarshalDesc)
		case 6:
			err = message(f, &m.SharedCost, unmarshalDesc)
		case 7:
			err = message(f, &m.PersonalNumber, unmarshalDesc)
		case 8:
			err = message(f, &m.Voip, unmarshalDesc)
		case 21:
			err = message(f, &m.Pager, unmarshalDesc)
		case 25:
			err = message(f, &m.Uan, unmarshalDesc)
		case 27:
			err = message(f, &m.Emergency, unmarshalDesc)
		case 28:
			err = message(f, &m.Voicemail, unmarshalDesc)
		case 29:
			err = message(f, &m.ShortCode, unmarshalDesc)
		case 30:
			err = message(f, &m.StandardRate, unmarshalDesc)
		case 31:
			err = message(f, &m.CarrierSpecific, unmarshalDesc)
		case 33:
			err = message(f, &m.SmsServices, unmarshalDesc)
		case 24:
			err = message(f, &m.NoInternationalDialling, unmarshalDesc)
		case 9:
			m.Id, err = f.str()
		case 10:
			m.CountryCode, err = f.int32()
		case 11:
			m.InternationalPrefix, err = f.str()
		case 17:
			m.PreferredInternationalPrefix, err = f.str()
		case 12:
			m.NationalPrefix, err = f.str()
		case 13:
			m.PreferredExtnPrefix, err = f.str()
		case 15:
			m.NationalPrefixForParsing, err = f.str()
		case 16:
			m.NationalPrefixTransformRule, err = f.str()
		case 18:
			m.SameMobileAndFixedLinePattern, err = f.boolean()
		case 19:
			var nf *NumberFormat
			if err = message(f, &nf, unmarshalNumberFormat); err == nil {
				m.NumberFormat = append(m.NumberFormat, nf)
			}
		case 20:
			var nf *NumberFormat
			if err = message(f, &nf, unmarshalNumberFormat); err == nil {
				m.IntlNumberFormat = append(m.IntlNumberFormat, nf)
			}
		case 22:
			m.MainCountryForCode, err = f.boolean()
		case 23:
			m.LeadingDigits, err = f.str()
		case 26:
			m.LeadingZeroPossible, err = f.boolean()
		case 32:
			m.MobileNumberPortableRegion, err = f.boolean()
		}
		return err
	})
	if err == nil && m.Id == nil {
		err = errWireRequired
	}
	return err
}

// unmarshalDesc decodes a PhoneNumberDesc (phonemetadata.proto).
func unmarshalDesc(m *PhoneNumberDesc, b []byte) error {
	return wireFields(b, func(f wireField) error {
		var err error
		switch f.num {
		case 2:
			m.NationalNumberPattern, err = f.str()
		case 9:
			m.PossibleLength, err = f.appendInt32s(m.PossibleLength)
		case 10:
			m.PossibleLengthLocalOnly, err = f.appendInt32s(m.PossibleLengthLocalOnly)
		case 6:
			m.ExampleNumber, err = f.str()
		}
		return err
	})
}

// unmarshalNumberFormat decodes a NumberFormat (phonemetadata.proto).
func unmarshalNumberFormat(m *NumberFormat, b []byte) error {
	err := wireFields(b, func(f wireField) error {
		var err error
		switch f.num {
		case 1:
			m.Pattern, err = f.str()
		case 2:
			m.Format, err = f.str()
		case 3:
			var s *string
			if s, err = f.str(); err == nil {
				m.LeadingDigitsPattern = append(m.LeadingDigitsPattern, *s)
			}
		case 4:
			m.NationalPrefixFormattingRule, err = f.str()
		case 6:
			m.NationalPrefixOptionalWhenFormatting, err = f.boolean()
		case 5:
			m.DomesticCarrierCodeFormattingRule, err = f.str()
		}
		return err
	})
	if err == nil && (m.Pattern == nil || m.Format == nil) {
		err = errWireRequired
	}
	return err
}

// clonePtr is a new pointer to *p's value, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// mergeNumber sets in dst the fields set in src, as proto.Merge did.
func mergeNumber(dst, src *PhoneNumber) {
	if src == nil {
		return
	}
	merge(&dst.CountryCode, src.CountryCode)
	merge(&dst.NationalNumber, src.NationalNumber)
	merge(&dst.Extension, src.Extension)
	merge(&dst.ItalianLeadingZero, src.ItalianLeadingZero)
	merge(&dst.NumberOfLeadingZeros, src.NumberOfLeadingZeros)
	merge(&dst.RawInput, src.RawInput)
	merge(&dst.CountryCodeSource, src.CountryCodeSource)
	merge(&dst.PreferredDomesticCarrierCode, src.PreferredDomesticCarrierCode)
}

// mergeNumberFormat sets in dst the fields set in src and appends src's
// leading digit patterns to dst's, as proto.Merge did.
func mergeNumberFormat(dst, src *NumberFormat) {
	if src == nil {
		return
	}
	merge(&dst.Pattern, src.Pattern)
	merge(&dst.Format, src.Format)
	if len(src.LeadingDigitsPattern) > 0 {
		dst.LeadingDigitsPattern = append(dst.LeadingDigitsPattern, src.LeadingDigitsPattern...)
	}
	merge(&dst.NationalPrefixFormattingRule, src.NationalPrefixFormattingRule)
	merge(&dst.NationalPrefixOptionalWhenFormatting, src.NationalPrefixOptionalWhenFormatting)
	merge(&dst.DomesticCarrierCodeFormattingRule, src.DomesticCarrierCodeFormattingRule)
}

// merge sets *dst to a copy of src's value when src is set.
func merge[T any](dst **T, src *T) {
	if src != nil {
		*dst = clonePtr(src)
	}
}

// protoString and the others are proto.String, proto.Bool, proto.Int32
// and proto.Uint64: a pointer to a new copy of v.
func protoString(v string) *string { return &v }
func protoBool(v bool) *bool       { return &v }
func protoInt32(v int32) *int32    { return &v }
func protoUint64(v uint64) *uint64 { return &v }

// Reset clears every field, as the generated Reset did.
func (x *PhoneNumber) Reset() { *x = PhoneNumber{} }

// Reset clears every field, as the generated Reset did.
func (x *NumberFormat) Reset() { *x = NumberFormat{} }

// Reset clears every field, as the generated Reset did.
func (x *PhoneNumberDesc) Reset() { *x = PhoneNumberDesc{} }

// Reset clears every field, as the generated Reset did.
func (x *PhoneMetadata) Reset() { *x = PhoneMetadata{} }

// Reset clears every field, as the generated Reset did.
func (x *PhoneMetadataCollection) Reset() { *x = PhoneMetadataCollection{} }

// String is the message in the protocol buffer text format, as the
// generated String printed it (protobuf's is not stable byte for byte:
// it inserts spaces at random; this one does not).
func (x *PhoneNumber) String() string { return textOf(x) }

// String is the message in the protocol buffer text format.
func (x *NumberFormat) String() string { return textOf(x) }

// String is the message in the protocol buffer text format.
func (x *PhoneNumberDesc) String() string { return textOf(x) }

// String is the message in the protocol buffer text format.
func (x *PhoneMetadata) String() string { return textOf(x) }

// String is the message in the protocol buffer text format.
func (x *PhoneMetadataCollection) String() string { return textOf(x) }

// textOf writes the set fields of a message, a pointer to one of the
// generated structs, by their names in the .proto file (the struct tags).
func textOf(msg any) string {
	var b strings.Builder
	writeText(&b, reflect.ValueOf(msg))
	return b.String()
}

func writeText(b *strings.Builder, v reflect.Value) {
	if v.IsNil() {
		return
	}
	v = v.Elem()
	t := v.Type()
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("protobuf")
		_, name, ok := strings.Cut(tag, ",name=")
		if !ok {
			continue
		}
		name, _, _ = strings.Cut(name, ",")
		f := v.Field(i)
		values := []reflect.Value{f}
		if f.Kind() == reflect.Slice {
			values = values[:0]
			for j := range f.Len() {
				values = append(values, f.Index(j))
			}
		}
		for _, fv := range values {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue
				}
				if fv.Elem().Kind() == reflect.Struct {
					if b.Len() > 0 && !strings.HasSuffix(b.String(), "{") {
						b.WriteByte(' ')
					}
					b.WriteString(name + ":{")
					writeText(b, fv)
					b.WriteByte('}')
					continue
				}
				fv = fv.Elem()
			}
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "{") {
				b.WriteByte(' ')
			}
			b.WriteString(name + ":")
			switch x := fv.Interface().(type) {
			case string:
				b.WriteString(strconv.Quote(x))
			default:
				fmt.Fprint(b, x)
			}
		}
	}
}
