package generator

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// clientListNames lists the JSON names of the chunked lists of a bulk
// operation, with their parent's.
func clientListNames(b *Bulk) []string {
	var names []string
	for _, l := range b.Lists {
		name := l.JSONName
		if b.Parent != nil {
			name = b.Parent.JSONName + "." + name
		}
		names = append(names, name)
	}
	return names
}

func TestBulkCuratedSpecs(t *testing.T) {
	ms, err := LoadFile("../openapi/meltingspot/lives.yaml", Options{Package: "meltingspot"})
	require.NoError(t, err)
	tests := []struct {
		id    string
		lists []string
		merge BulkMerge
	}{
		{"bulkInviteLiveParticipants", []string{"members.emails", "members.spotMemberIds"}, MergeConcat},
		{"bulkInviteLiveSpeakers", []string{"spotMemberIds"}, MergeConcat},
		{"unlinkLiveGroups", []string{"groupIds"}, MergeNone},
		{"linkChannelGroups", []string{"groupIds"}, MergeNone},
	}
	bulk := map[string]bool{}
	for _, tt := range tests {
		bulk[tt.id] = true
		b := clientOp(t, ms, tt.id).Bulk
		require.NotNil(t, b, tt.id)
		require.Equal(t, tt.lists, clientListNames(b), tt.id)
		require.Equal(t, tt.merge, b.Merge, tt.id)
		require.Zero(t, b.MaxItems, "MeltingSpot documents no maxItems, only 413")
		require.Equal(t, "chunkSize", b.ChunkSizeVar)
	}
	require.Equal(t, "Participant", clientOp(t, ms, "bulkInviteLiveParticipants").Bulk.Item.Named.Name)
	require.Equal(t, "BulkInviteLiveParticipantsInChunks", clientOp(t, ms, "bulkInviteLiveParticipants").Bulk.Method)
	for _, o := range ms.Operations {
		if !bulk[o.ID] {
			require.Nil(t, o.Bulk, o.ID)
		}
	}

	webex, err := LoadFile("../openapi/webex/meeting-invitees.yaml", Options{Package: "webex"})
	require.NoError(t, err)
	b := clientOp(t, webex, "createMeetingInvitees").Bulk
	require.NotNil(t, b)
	require.Equal(t, []string{"items"}, clientListNames(b))
	require.Equal(t, uint64(100), b.MaxItems)
	require.Equal(t, MergeItems, b.Merge)
	require.Equal(t, "MeetingInvitee", b.Item.Named.Name)
	require.Equal(t, "OK", b.Answer.ResultField, "the items come from the 200 answer")

	zoom, err := LoadFile("../openapi/zoom/meeting-registrants.yaml", Options{Package: "zoom"})
	require.NoError(t, err)
	require.Nil(t, clientOp(t, zoom, "addMeetingRegistrant").Bulk, "custom questions belong to one registrant")
}

// clientBodySpec is a spec with one POST operation whose body, answers and
// operationId are given.
func clientBodySpec(id, body, responses string) string {
	return `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /things:
    post:
      operationId: ` + id + `
      requestBody:
        required: true
        content: {application/json: {schema: ` + body + `}}
      responses: ` + responses + `
`
}

func TestBulkRule(t *testing.T) {
	const noContent = `{"204": {description: done}}`
	const list = `{type: array, items: {type: string}}`
	tests := []struct {
		name, id, body, responses string
		lists                     []string
		max                       uint64
		merge                     BulkMerge
	}{
		{"maxItems alone", "addThings", `{type: object, properties: {ids: {type: array, maxItems: 30, items: {type: string}}, more: {type: array, maxItems: 10, items: {type: string}}}}`, noContent, []string{"ids", "more"}, 10, MergeNone},
		{"413 alone", "addThings", `{type: object, properties: {ids: ` + list + `}}`, `{"200": {description: ok, content: {application/json: {schema: ` + list + `}}}, "413": {description: too large}}`, []string{"ids"}, 0, MergeConcat},
		{"batch in the name", "batchAddThings", `{type: object, properties: {ids: ` + list + `}}`, `{"200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}}`, []string{"ids"}, 0, MergeCollect},
		{"a list of one item's details", "addThing", `{type: object, properties: {tags: ` + list + `}}`, noContent, nil, 0, 0},
		{"an optional parent object", "bulkAdd", `{type: object, properties: {members: {type: object, properties: {ids: ` + list + `}}}}`, noContent, nil, 0, 0},
		{"a nullable list", "bulkAdd", `{type: object, properties: {ids: {type: array, nullable: true, items: {type: string}}}}`, noContent, nil, 0, 0},
		{"a required parent object", "bulkAdd", `{type: object, required: [members], properties: {note: {type: string}, members: {type: object, properties: {ids: ` + list + `}}}}`, noContent, []string{"members.ids"}, 0, MergeNone},
		{"a list body", "bulkAdd", list, noContent, nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := clientOp(t, clientLoad(t, clientBodySpec(tt.id, tt.body, tt.responses)), tt.id)
			if tt.lists == nil {
				require.Nil(t, o.Bulk)
				return
			}
			require.NotNil(t, o.Bulk)
			require.Equal(t, tt.lists, clientListNames(o.Bulk))
			require.Equal(t, tt.max, o.Bulk.MaxItems)
			require.Equal(t, tt.merge, o.Bulk.Merge)
		})
	}
}
