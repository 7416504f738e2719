// Port of geocoder/geocoding/PhoneNumberOfflineGeocoder.java from google/libphonenumber.
// Functions are kept in upstream source order to ease syncing.
// Last reconciled against: v9.0.32
package phonenumbers

import (
	"golang.org/x/text/language"
)

// RegionName names region reg in language lang, for GetGeocodingForNumber's
// last fallback. handbill patch (PATCH.md): upstream calls
// golang.org/x/text/language/display here, whose package initialisation
// builds a matcher of 261 languages in every program that links it; a
// program that wants region names sets RegionName (for example to
// display.Regions(lang).Name(reg)). Unset, the fallback is the region code.
var RegionName func(lang language.Tag, reg language.Region) string

// GetGeocodingForNumber returns the location we think the number was first acquired in. This is
// just our best guess, there is no guarantee to its accuracy.
func GetGeocodingForNumber(number *PhoneNumber, lang string) (string, error) {
	geocoding, _, err := getValueForNumber(geocodingPrefixMap, geocodingData, geocodingDataPath, lang, 10, number)
	if err != nil || geocoding != "" {
		return geocoding, err
	}

	// fallback to english
	geocoding, _, err = getValueForNumber(geocodingPrefixMap, geocodingData, geocodingDataPath, "en", 10, number)
	if err != nil || geocoding != "" {
		return geocoding, err
	}

	// fallback to locale
	var reg language.Region
	if reg, err = language.ParseRegion(GetRegionCodeForNumber(number)); err != nil {
		return "", err
	}

	var langT language.Tag
	if langT, err = language.Parse(lang); err != nil {
		langT = language.English // fallback to english
	}
	if RegionName == nil {
		return reg.String(), nil
	}
	return RegionName(langT, reg), nil
}
