// Package jsoncheck fills generated model values at random, unexported
// fields included, so that the tests of generated packages can compare
// their own JSON writers with encoding/json on values no fixture thought of:
// HTML and control characters, invalid UTF-8, U+2028, times out of JSON's
// range, nil and empty lists, absent, null and set Nullable values.
package jsoncheck

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
	"unsafe"
)

// maxDepth bounds recursive types.
const maxDepth = 4

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// awkwardStrings are strings encoders get wrong; random text is added to them.
var awkwardStrings = []string{
	"", "plain", "a<b>&c", "quote\" back\\slash", "line\nbreak\ttab\r\b\f", "\x00\x01\x1f",
	"é ü 日本", "\u2028\u2029", "bad \xff utf-8 \xc3", "emoji 😀", "</script>",
}

// Fill sets the value ptr points to at random. Unexported fields are set
// only in the package of the value itself: another package's (netip.Addr,
// say) are left zero, as their invariants are not known here.
func Fill(rng *rand.Rand, ptr any) {
	v := reflect.ValueOf(ptr).Elem()
	f := filler{rng: rng, pkg: v.Type().PkgPath()}
	if v.Kind() == reflect.Slice {
		f.pkg = v.Type().Elem().PkgPath()
	}
	f.fill(v, 0)
}

type filler struct {
	rng *rand.Rand
	pkg string
}

func (f filler) fill(v reflect.Value, depth int) {
	rng := f.rng
	if !v.CanSet() {
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	switch {
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(randomTime(rng)))
		return
	case v.Type() == rawType:
		raws := []string{"", "null", `{"a":[1,2.5,"x"]}`, ` [ true , false ] `, `"<&>"`}
		if r := raws[rng.IntN(len(raws))]; r != "" {
			v.SetBytes([]byte(r))
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		s := awkwardStrings[rng.IntN(len(awkwardStrings))]
		if rng.IntN(2) == 0 {
			s += string(rune(rng.IntN(0x3000)))
		}
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := rng.Int64() >> rng.IntN(64)
		if rng.IntN(2) == 0 {
			n = -n
		}
		v.SetInt(n) // truncated to the field's size
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(rng.Uint64() >> rng.IntN(64))
	case reflect.Float32, reflect.Float64:
		floats := []float64{0, 1, -1.5, 1e-7, 1e21, 123456789.125, math.Inf(1), math.NaN(), rng.NormFloat64() * 1e6}
		v.SetFloat(floats[rng.IntN(len(floats))])
	case reflect.Pointer:
		if depth >= maxDepth || rng.IntN(3) == 0 {
			v.SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		if depth >= maxDepth || rng.IntN(4) == 0 {
			v.SetZero()
			return
		}
		n := rng.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			f.fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		if depth >= maxDepth || rng.IntN(3) == 0 {
			v.SetZero()
			return
		}
		m := reflect.MakeMap(v.Type())
		for range rng.IntN(3) {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Interface:
		choices := []any{nil, "text<>", 2.5, true, map[string]any{"k": []any{1.0, "v"}}}
		if c := choices[rng.IntN(len(choices))]; c != nil && v.NumMethod() == 0 {
			v.Set(reflect.ValueOf(c))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if !t.Field(i).IsExported() && t.PkgPath() != f.pkg {
				continue
			}
			f.fill(v.Field(i), depth+1)
		}
	case reflect.Array:
		for i := range v.Len() {
			f.fill(v.Index(i), depth+1)
		}
	}
}

// randomTime is a time with nanoseconds and a zone, now and then outside
// the years JSON can hold.
func randomTime(rng *rand.Rand) time.Time {
	year := 1970 + rng.IntN(100)
	if rng.IntN(20) == 0 {
		year = 10000 + rng.IntN(10)
	}
	zones := []*time.Location{time.UTC, time.FixedZone("", 2*3600+30*60), time.FixedZone("", -7*3600)}
	return time.Date(year, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(2)*rng.IntN(1e9), zones[rng.IntN(len(zones))])
}

// Check fills a T at random, rounds times, and requires write (a method
// expression such as (*LiveList).appendJSON) to agree with encoding/json's
// Marshal: the same bytes, or an error when Marshal fails.
func Check[T any](t testing.TB, rounds int, write func(*T, []byte) ([]byte, error)) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	for range rounds {
		var v T
		Fill(rng, &v)
		got, gotErr := write(&v, nil)
		want, wantErr := json.Marshal(v)
		if (gotErr != nil) != (wantErr != nil) || wantErr == nil && string(got) != string(want) {
			t.Fatalf("%T: the writer wrote\n%s (error %v)\nencoding/json wrote\n%s (error %v)", v, got, gotErr, want, wantErr)
		}
	}
}
