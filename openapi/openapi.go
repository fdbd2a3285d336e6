// Package openapi embeds the curated specs that ship with livegen.
package openapi

import _ "embed"

// DefaultSpecName is the path of the embedded default spec, as shown in messages.
const DefaultSpecName = "openapi/meltingspot/lives.yaml"

// Lives is MeltingSpot's lives, participants and speakers API, the default spec.
//
//go:embed meltingspot/lives.yaml
var Lives []byte
