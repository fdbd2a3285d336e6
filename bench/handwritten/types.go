// Package handwritten is the limit of the runtime benchmarks: the two
// MeltingSpot calls (ListLives with filters, BulkInviteLiveParticipants)
// and their server side written by hand with net/http and encoding/json
// only, as a careful engineer would write them without a generator. It
// keeps what livegen's generated code keeps (typed enums and times, the
// extra attributes of rich-text nodes, checked parameters and bodies) and
// nothing more, so that the difference is the generated code's overhead.
package handwritten

import (
	"encoding/json"
	"fmt"
	"time"
)

// Live is a Live as the API returns it; optional properties are pointers.
type Live struct {
	ID             *string        `json:"id,omitempty"`
	Title          *string        `json:"title,omitempty"`
	StartDate      *time.Time     `json:"startDate,omitempty"`
	EndDate        *time.Time     `json:"endDate,omitempty"`
	Metrics        *LiveMetrics   `json:"metrics,omitempty"`
	Description    []RichTextNode `json:"description,omitempty"`
	Status         *string        `json:"status,omitempty"`
	ComputedStatus *string        `json:"computedStatus,omitempty"`
	Solution       *string        `json:"solution,omitempty"`
	Privacy        *Privacy       `json:"privacy,omitempty"`
	Config         *LiveConfig    `json:"config,omitempty"`
	BuiltInType    *string        `json:"builtInType,omitempty"`
	VideoURL       *string        `json:"videoUrl,omitempty"`
	CreatedAt      *time.Time     `json:"createdAt,omitempty"`
	SpotID         *string        `json:"spotId,omitempty"`
	BuiltInConfig  *BuiltInConfig `json:"builtInConfig,omitempty"`
}

// LiveMetrics are the counters of a Live.
type LiveMetrics struct {
	AverageViewTime *int `json:"averageViewTime,omitempty"`
	NoShow          *int `json:"noShow,omitempty"`
	TotalReplayView *int `json:"totalReplayView,omitempty"`
	Registrant      *int `json:"registrant,omitempty"`
	Attendee        *int `json:"attendee,omitempty"`
	AttendanceRate  *int `json:"attendanceRate,omitempty"`
	Invited         *int `json:"invited,omitempty"`
}

// Privacy holds who may see and join a Live.
type Privacy struct {
	Visibility    *string `json:"visibility,omitempty"`
	Participation *string `json:"participation,omitempty"`
}

// LiveConfig holds a Live's room settings.
type LiveConfig struct {
	ChatVisibility         *string `json:"chatVisibility,omitempty"`
	ParticipantsVisibility *string `json:"participantsVisibility,omitempty"`
}

// BuiltInConfig holds the recording of a BuiltIn Live.
type BuiltInConfig struct {
	IsRecorded      *bool  `json:"isRecorded,omitempty"`
	RecordAvailable *bool  `json:"recordAvailable,omitempty"`
	Videos          *Video `json:"videos,omitempty"`
	ReplayVideo     *Video `json:"replayVideo,omitempty"`
}

// Video is a recorded video.
type Video struct {
	URL       *string    `json:"url,omitempty"`
	Quality   *string    `json:"quality,omitempty"`
	Encoding  *string    `json:"encoding,omitempty"`
	CreatedAt *time.Time `json:"createdAt,omitempty"`
}

// RichTextNode is a node of a Live's description. The spec allows other
// attributes than these three and says they are kept: Extra holds them.
type RichTextNode struct {
	Type     *string        `json:"type,omitempty"`
	Text     *string        `json:"text,omitempty"`
	Children []RichTextNode `json:"children,omitempty"`
	Extra    map[string]any `json:"-"`
}

// UnmarshalJSON reads the three known attributes by their exact names and
// keeps the others in Extra: one pass over the object's members.
func (n *RichTextNode) UnmarshalJSON(data []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	*n = RichTextNode{}
	for name, raw := range members {
		var err error
		switch name {
		case "type":
			err = json.Unmarshal(raw, &n.Type)
		case "text":
			err = json.Unmarshal(raw, &n.Text)
		case "children":
			err = json.Unmarshal(raw, &n.Children)
		default:
			var v any
			err = json.Unmarshal(raw, &v)
			if n.Extra == nil {
				n.Extra = map[string]any{}
			}
			n.Extra[name] = v
		}
		if err != nil {
			return fmt.Errorf("rich-text node %q: %w", name, err)
		}
	}
	return nil
}

// MarshalJSON writes the known attributes and Extra as one object; without
// extra attributes it is the plain struct's encoding.
func (n RichTextNode) MarshalJSON() ([]byte, error) {
	type plain RichTextNode
	if len(n.Extra) == 0 {
		return json.Marshal(plain(n))
	}
	all := make(map[string]any, len(n.Extra)+3)
	for k, v := range n.Extra {
		all[k] = v
	}
	if n.Type != nil {
		all["type"] = *n.Type
	}
	if n.Text != nil {
		all["text"] = *n.Text
	}
	if n.Children != nil {
		all["children"] = n.Children
	}
	return json.Marshal(all)
}

// LiveList is a page of Lives.
type LiveList struct {
	Items []Live `json:"items"`
	Total int    `json:"total"`
}

// Participant is a participant of a Live; nullable properties are pointers.
type Participant struct {
	ID                  string             `json:"id"`
	LiveID              string             `json:"liveId"`
	SpotMemberID        string             `json:"spotMemberId"`
	SpotMemberEmail     string             `json:"spotMemberEmail"`
	SpotMemberFirstname *string            `json:"spotMemberFirstname"`
	SpotMemberLastname  *string            `json:"spotMemberLastname"`
	Status              string             `json:"status"`
	Type                string             `json:"type"`
	InvitedAt           *time.Time         `json:"invitedAt"`
	RegisteredAt        *time.Time         `json:"registeredAt"`
	IsHighlighted       bool               `json:"isHighlighted"`
	Metrics             ParticipantMetrics `json:"metrics"`
}

// ParticipantMetrics are a participant's counters.
type ParticipantMetrics struct {
	ViewTime        *int  `json:"viewTime"`
	HasReplayed     *bool `json:"hasReplayed"`
	HasParticipated *bool `json:"hasParticipated"`
}

// BulkInviteRequest is the body of BulkInviteLiveParticipants.
type BulkInviteRequest struct {
	InvitedBySpotMemberID *string           `json:"invitedBySpotMemberId,omitempty"`
	WithEmailNotification *bool             `json:"withEmailNotification,omitempty"`
	Members               BulkInviteMembers `json:"members"`
}

// BulkInviteMembers lists the members to invite, by id and by email.
type BulkInviteMembers struct {
	SpotMemberIDs []string `json:"spotMemberIds,omitempty"`
	Emails        []string `json:"emails,omitempty"`
}

// The enum values that the server checks.
var (
	liveStatuses   = []string{"Scheduled", "Live", "Ended"}
	liveSolutions  = []string{"Youtube", "Vimeo", "BuiltIn"}
	builtInTypes   = []string{"Workshop", "Webinar"}
	liveMetricKeys = []string{"averageViewTime", "invited", "registrant", "attendee", "attendanceRate", "totalReplayView"}
)
