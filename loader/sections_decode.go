package loader

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"
)

// Decoding paths and components entry by entry.
//
// Each path item and each component is decoded on its own, by the worker
// that takes it, exactly as kin-openapi's (*Paths).UnmarshalJSON and
// (*Components).UnmarshalJSON decode it: a path item goes through a generic
// value and back to JSON first, as kin-openapi does (numbers come out of that
// as float64), and a component goes straight into its Ref type. What is not a
// path item or a component section becomes an extension, decoded generically.
// The tests compare the result with kin-openapi's on every spec we have.

// entryDecoder collects decoding jobs, then runs them on every core.
type entryDecoder struct {
	jobs []decodeJob
}

type decodeJob struct {
	size int
	run  func() error
}

func (d *entryDecoder) add(raw json.RawMessage, run func() error) {
	d.jobs = append(d.jobs, decodeJob{size: len(raw), run: run})
}

// run decodes the largest entries first, so that the cores finish together;
// it returns the first error or panic any job met.
func (d *entryDecoder) run() error {
	slices.SortStableFunc(d.jobs, func(a, b decodeJob) int { return cmp.Compare(b.size, a.size) })
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
	}
	workers := min(runtime.GOMAXPROCS(0), len(d.jobs))
	for range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					fail(fmt.Errorf("decoding panicked: %v", r))
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(d.jobs) {
					return
				}
				if err := d.jobs[i].run(); err != nil {
					fail(err)
				}
			}
		})
	}
	wg.Wait()
	return first
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// addPaths plans the paths object; the returned function assembles it once
// the jobs have run.
func (d *entryDecoder) addPaths(raw json.RawMessage) (func() *openapi3.Paths, bool) {
	if raw == nil || isNull(raw) {
		return func() *openapi3.Paths { return nil }, true
	}
	entries, ok := memberMap(raw) // repeated paths: the last wins, as in kin-openapi
	if !ok {
		return nil, false
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	items := make([]*openapi3.PathItem, len(keys))
	extensions := make([]any, len(keys))
	for i, k := range keys {
		v := entries[k]
		if strings.HasPrefix(k, "x-") {
			d.add(v, func() error { return json.Unmarshal(v, &extensions[i]) })
			continue
		}
		d.add(v, func() error {
			var generic any
			if err := json.Unmarshal(v, &generic); err != nil {
				return err
			}
			data, err := json.Marshal(generic)
			if err != nil {
				return err
			}
			item := new(openapi3.PathItem)
			items[i] = item
			return item.UnmarshalJSON(data)
		})
	}
	return func() *openapi3.Paths {
		paths := openapi3.NewPathsWithCapacity(len(keys))
		paths.Extensions = make(map[string]any)
		for i, k := range keys {
			if strings.HasPrefix(k, "x-") {
				paths.Extensions[k] = extensions[i]
			} else {
				paths.Set(k, items[i])
			}
		}
		return paths
	}, true
}

// addComponents plans the components object.
func (d *entryDecoder) addComponents(raw json.RawMessage) (func() *openapi3.Components, bool) {
	if raw == nil || isNull(raw) {
		return func() *openapi3.Components { return nil }, true
	}
	keys, values, ok := uniqueMembers(raw)
	if !ok {
		return nil, false
	}
	c := new(openapi3.Components)
	// The members of a components object, as openapi3.Components' fields.
	sections := map[string]func(json.RawMessage) (func(), bool){
		"schemas":         func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Schemas) },
		"parameters":      func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Parameters) },
		"headers":         func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Headers) },
		"requestBodies":   func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.RequestBodies) },
		"responses":       func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Responses) },
		"securitySchemes": func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.SecuritySchemes) },
		"examples":        func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Examples) },
		"links":           func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Links) },
		"callbacks":       func(r json.RawMessage) (func(), bool) { return addRefMap(d, r, &c.Callbacks) },
	}
	var finish []func()
	extensions := map[string]json.RawMessage{}
	for i, key := range keys {
		if add, ok := sections[key]; ok {
			done, ok := add(values[i])
			if !ok {
				return nil, false
			}
			finish = append(finish, done)
			continue
		}
		// encoding/json matches field names regardless of case.
		for name := range sections {
			if strings.EqualFold(key, name) {
				return nil, false
			}
		}
		extensions[key] = values[i]
	}
	var decoded map[string]any
	if len(extensions) > 0 {
		d.add(nil, func() error {
			decoded = make(map[string]any, len(extensions))
			for k, raw := range extensions {
				var v any
				if err := json.Unmarshal(raw, &v); err != nil {
					return err
				}
				decoded[k] = v
			}
			return nil
		})
	}
	return func() *openapi3.Components {
		for _, done := range finish {
			done()
		}
		c.Extensions = decoded
		return c
	}, true
}

// addRefMap plans one components section, a map of name to *Ref, as
// encoding/json fills a map field: null leaves it nil.
func addRefMap[M ~map[string]*V, V any](d *entryDecoder, raw json.RawMessage, into *M) (func(), bool) {
	if isNull(raw) {
		return func() {}, true
	}
	entries, ok := memberMap(raw)
	if !ok {
		return nil, false
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	refs := make([]*V, len(keys))
	for i, k := range keys {
		v := entries[k]
		d.add(v, func() error { return json.Unmarshal(v, &refs[i]) })
	}
	return func() {
		m := make(M, len(keys))
		for i, k := range keys {
			m[k] = refs[i]
		}
		*into = m
	}, true
}
