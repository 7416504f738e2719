module handbill

go 1.26.8

require (
	github.com/boombuler/barcode v1.1.0
	github.com/chromedp/cdproto v0.160.1
	github.com/chromedp/chromedp v0.24.0
	github.com/go-text/typesetting v0.3.5
	github.com/inconshreveable/mousetrap v1.1.0
	github.com/klauspost/compress v1.19.1
	github.com/makiuchi-d/gozxing v0.1.1
	github.com/nyaruka/phonenumbers v1.8.1
	github.com/rogpeppe/go-internal v1.16.0
	github.com/spf13/cobra v1.10.2
	github.com/spf13/pflag v1.0.9
	golang.org/x/image v0.47.0
	golang.org/x/sys v0.49.0
	golang.org/x/text v0.43.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	golang.org/x/tools v0.51.0 // indirect
	golang.org/x/xerrors v0.0.0-20200804184101-5ec99f83aff1 // indirect
)

replace github.com/nyaruka/phonenumbers => ./third_party/phonenumbers

replace github.com/go-text/typesetting => ./third_party/typesetting

replace gopkg.in/yaml.v3 => ./third_party/yaml

replace github.com/makiuchi-d/gozxing => ./third_party/gozxing

replace github.com/boombuler/barcode => ./third_party/barcode

replace golang.org/x/text => ./third_party/text
