module github.com/makiuchi-d/gozxing

go 1.21

require (
	golang.org/x/text v0.3.7
	golang.org/x/xerrors v0.0.0-20200804184101-5ec99f83aff1
)
