package livesim

import (
	"context"
	"errors"
	"strconv"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// api serves the lives API from a Store: one method per operation of the
// generated meltingspot.Server. The generated handler has decoded and
// validated the request; each method applies it to the store and picks the
// documented answer. Errors for which the spec documents no answer go to
// mapError: a NotFoundError is 404, a *meltingspot.ValidationError 400.
type api struct {
	store        *Store
	maxBulk      int
	defaultLimit int
}

var _ meltingspot.Server = (*api)(nil)

// ListLives answers the page of the Lives that match every filter.
func (a *api) ListLives(_ context.Context, in meltingspot.ListLivesInput) (meltingspot.ListLivesOutput, error) {
	items, total := pageOf(a.store.listLives(in.Params.Filter.Match), in.Params.Page, in.Params.Limit, a.defaultLimit)
	return meltingspot.ListLivesOK{Body: meltingspot.LiveList{Items: items, Total: total}}, nil
}

// CreateLive answers 201 with the new Live; a blank title or an end before
// the start is a 400 that names them.
func (a *api) CreateLive(_ context.Context, in meltingspot.CreateLiveInput) (meltingspot.CreateLiveOutput, error) {
	live, err := a.store.createLive(in.Body)
	if err != nil {
		return nil, err
	}
	return meltingspot.CreateLiveCreated{Body: live}, nil
}

// GetLive answers the Live, or 404.
func (a *api) GetLive(_ context.Context, in meltingspot.GetLiveInput) (meltingspot.GetLiveOutput, error) {
	live, err := a.store.getLive(in.LiveID)
	return answer[meltingspot.GetLiveOutput](err, meltingspot.GetLiveOK{Body: live}, meltingspot.GetLiveNotFound{})
}

// UpdateLive answers the updated Live, or 404.
func (a *api) UpdateLive(_ context.Context, in meltingspot.UpdateLiveInput) (meltingspot.UpdateLiveOutput, error) {
	live, err := a.store.updateLive(in.LiveID, in.Body)
	return answer[meltingspot.UpdateLiveOutput](err, meltingspot.UpdateLiveOK{Body: live}, meltingspot.UpdateLiveNotFound{})
}

// DeleteLive answers 204, or 404.
func (a *api) DeleteLive(_ context.Context, in meltingspot.DeleteLiveInput) (meltingspot.DeleteLiveOutput, error) {
	err := a.store.deleteLive(in.LiveID)
	return answer[meltingspot.DeleteLiveOutput](err, meltingspot.DeleteLiveNoContent{}, meltingspot.DeleteLiveNotFound{})
}

// ListLiveGroups answers a page of the groups linked to the Live, or 404.
func (a *api) ListLiveGroups(_ context.Context, in meltingspot.ListLiveGroupsInput) (meltingspot.ListLiveGroupsOutput, error) {
	groups, err := a.store.listGroups(in.LiveID)
	items, total := pageOf(groups, in.Params.Page, in.Params.Limit, a.defaultLimit)
	return answer[meltingspot.ListLiveGroupsOutput](err, meltingspot.ListLiveGroupsOK{Body: meltingspot.GroupList{Items: items, Total: total}}, meltingspot.ListLiveGroupsNotFound{})
}

// LinkLiveGroup answers 204 (also when the group was linked already), or
// 404 for an unknown Live or group.
func (a *api) LinkLiveGroup(_ context.Context, in meltingspot.LinkLiveGroupInput) (meltingspot.LinkLiveGroupOutput, error) {
	err := a.store.linkGroups(in.LiveID, []string{in.Body.GroupID})
	return answer[meltingspot.LinkLiveGroupOutput](err, meltingspot.LinkLiveGroupNoContent{}, meltingspot.LinkLiveGroupNotFound{})
}

// UnlinkLiveGroup answers 204 (also when the group was not linked), or 404
// for an unknown Live or group.
func (a *api) UnlinkLiveGroup(_ context.Context, in meltingspot.UnlinkLiveGroupInput) (meltingspot.UnlinkLiveGroupOutput, error) {
	err := a.store.unlinkGroups(in.LiveID, []string{in.GroupID})
	return answer[meltingspot.UnlinkLiveGroupOutput](err, meltingspot.UnlinkLiveGroupNoContent{}, meltingspot.UnlinkLiveGroupNotFound{})
}

// UnlinkLiveGroups answers 204, or 404 for an unknown Live or group (and
// then unlinks nothing).
func (a *api) UnlinkLiveGroups(_ context.Context, in meltingspot.UnlinkLiveGroupsInput) (meltingspot.UnlinkLiveGroupsOutput, error) {
	err := a.store.unlinkGroups(in.LiveID, in.Body.GroupIDs)
	return answer[meltingspot.UnlinkLiveGroupsOutput](err, meltingspot.UnlinkLiveGroupsNoContent{}, meltingspot.UnlinkLiveGroupsNotFound{})
}

// LinkChannelGroups answers 204, or 404 for an unknown channel or group
// (and then links nothing).
func (a *api) LinkChannelGroups(_ context.Context, in meltingspot.LinkChannelGroupsInput) (meltingspot.LinkChannelGroupsOutput, error) {
	err := a.store.linkChannelGroups(in.ChannelID, in.Body.GroupIDs)
	return answer[meltingspot.LinkChannelGroupsOutput](err, meltingspot.LinkChannelGroupsNoContent{}, meltingspot.LinkChannelGroupsNotFound{})
}

// ListLiveParticipants answers a page of the Live's participants of every
// type that match every filter.
func (a *api) ListLiveParticipants(_ context.Context, in meltingspot.ListLiveParticipantsInput) (meltingspot.ListLiveParticipantsOutput, error) {
	ps, err := a.store.listParticipants(in.LiveID, in.Params.Filter.Match)
	if err != nil {
		return nil, err
	}
	items, total := pageOf(ps, in.Params.Page, in.Params.Limit, a.defaultLimit)
	return meltingspot.ListLiveParticipantsOK{Body: meltingspot.ParticipantList{Items: items, Total: total}}, nil
}

// ListLiveSpeakers answers a page of the Live's speakers (participants of
// any type but Participant) that match every filter.
func (a *api) ListLiveSpeakers(_ context.Context, in meltingspot.ListLiveSpeakersInput) (meltingspot.ListLiveSpeakersOutput, error) {
	ps, err := a.store.listParticipants(in.LiveID, func(p meltingspot.Participant) bool {
		return p.Type != meltingspot.ParticipantTypeParticipant && in.Params.Filter.Match(p)
	})
	if err != nil {
		return nil, err
	}
	items, total := pageOf(ps, in.Params.Page, in.Params.Limit, a.defaultLimit)
	return meltingspot.ListLiveSpeakersOK{Body: meltingspot.ParticipantList{Items: items, Total: total}}, nil
}

// InviteLiveParticipant answers 201 with the new participant, or 200 when
// the member was invited already.
func (a *api) InviteLiveParticipant(_ context.Context, in meltingspot.InviteLiveParticipantInput) (meltingspot.InviteLiveParticipantOutput, error) {
	p, created, err := a.store.invite(in.LiveID, byIDOrEmail(in.Body.Member, "/member"), role{typ: meltingspot.ParticipantTypeParticipant})
	switch {
	case err != nil:
		return nil, err
	case created:
		return meltingspot.InviteLiveParticipantCreated{Body: p}, nil
	}
	return meltingspot.InviteLiveParticipantOK{}, nil
}

// InviteLiveSpeaker answers 201 with the new speaker, or 200 when the
// member was invited already (as a speaker or a participant).
func (a *api) InviteLiveSpeaker(_ context.Context, in meltingspot.InviteLiveSpeakerInput) (meltingspot.InviteLiveSpeakerOutput, error) {
	who, err := speakerInvitee(in.Body.Member)
	if err != nil {
		return nil, err
	}
	p, created, err := a.store.invite(in.LiveID, who, speaker(in.Body.Highlighted))
	switch {
	case err != nil:
		return nil, err
	case created:
		return meltingspot.InviteLiveSpeakerCreated{Body: p}, nil
	}
	return meltingspot.InviteLiveSpeakerOK{}, nil
}

// BulkInviteLiveParticipants answers the resulting participants, or 413
// when the request names more than the limit of members.
func (a *api) BulkInviteLiveParticipants(_ context.Context, in meltingspot.BulkInviteLiveParticipantsInput) (meltingspot.BulkInviteLiveParticipantsOutput, error) {
	ids, emails := in.Body.Members.SpotMemberIDs, in.Body.Members.Emails
	if len(ids)+len(emails) > a.maxBulk {
		return meltingspot.BulkInviteLiveParticipantsRequestEntityTooLarge{}, nil
	}
	whos := append(invitees(ids, "/members/spotMemberIds/", byID), invitees(emails, "/members/emails/", byEmail)...)
	ps, err := a.store.inviteAll(in.LiveID, whos, role{typ: meltingspot.ParticipantTypeParticipant})
	if err != nil {
		return nil, err
	}
	return meltingspot.BulkInviteLiveParticipantsOK{Body: ps}, nil
}

// BulkInviteLiveSpeakers answers the resulting speakers, or 413 when the
// request names more than the limit of members.
func (a *api) BulkInviteLiveSpeakers(_ context.Context, in meltingspot.BulkInviteLiveSpeakersInput) (meltingspot.BulkInviteLiveSpeakersOutput, error) {
	if len(in.Body.SpotMemberIDs) > a.maxBulk {
		return meltingspot.BulkInviteLiveSpeakersRequestEntityTooLarge{}, nil
	}
	whos := invitees(in.Body.SpotMemberIDs, "/spotMemberIds/", byID)
	ps, err := a.store.inviteAll(in.LiveID, whos, speaker(in.Body.Highlighted))
	if err != nil {
		return nil, err
	}
	return meltingspot.BulkInviteLiveSpeakersOK{Body: ps}, nil
}

// answer is the typed answer of an operation that documents a 404: notFound
// for a NotFoundError, ok without error; other errors go to mapError.
func answer[O any](err error, ok, notFound O) (O, error) {
	var nf *NotFoundError
	switch {
	case errors.As(err, &nf):
		return notFound, nil
	case err != nil:
		var zero O
		return zero, err
	}
	return ok, nil
}

// speaker is the role of an invited speaker; highlighted defaults to false.
func speaker(highlighted *bool) role {
	return role{typ: meltingspot.ParticipantTypeSpeaker, highlighted: isTrue(highlighted)}
}

// speakerInvitee reads the member of a speaker invitation: a MemberByEmail,
// whose names a new member gets, or a Spot member id.
func speakerInvitee(m meltingspot.SpeakerMember) (invitee, error) {
	switch {
	case m.MemberByEmail != nil:
		who := byEmail(m.MemberByEmail.Email, "/member/email")
		who.firstName, who.lastName = clone(m.MemberByEmail.FirstName), clone(m.MemberByEmail.LastName)
		return who, nil
	case m.String != nil:
		return byID(*m.String, "/member"), nil
	}
	var p problems
	p.add("/member", "must be an email object or a Spot member id")
	return invitee{}, p.err()
}

// invitees names each value of a bulk request's list, at pointer+index.
func invitees(values []string, pointer string, name func(value, pointer string) invitee) []invitee {
	out := make([]invitee, 0, len(values))
	for i, v := range values {
		out = append(out, name(v, pointer+strconv.Itoa(i)))
	}
	return out
}
