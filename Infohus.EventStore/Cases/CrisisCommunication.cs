using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

public enum InternalAudience { Politicians, Managers, Staff }

/// <summary>§5.3.1: internal communication in an acute situation, sent by a manager, broadly.</summary>
public sealed record InternalCommunicationSent(
    Guid CaseId,
    string SenderFunction,
    IReadOnlyList<InternalAudience> Audience,
    PersonalText WhatIsDone,
    PersonalText WhoActs,
    PersonalText HowToBehave,
    PersonalText Contact,
    DateTimeOffset SentAt,
    MemberRef RecordedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => SentAt; MemberRef? ICaseEvent.Actor => RecordedBy; }

/// <summary>§5.3.2: the head of children and family and the head of local police are told first.</summary>
public sealed record PressHeadsInformed(Guid CaseId, DateTimeOffset InformedAt, MemberRef RecordedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => InformedAt; MemberRef? ICaseEvent.Actor => RecordedBy; }

/// <summary>§5.3.2: the municipality appoints a spokesperson (a function, not a name).</summary>
public sealed record SpokespersonAppointed(Guid CaseId, string Function, DateTimeOffset AppointedAt, MemberRef RecordedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => AppointedAt; MemberRef? ICaseEvent.Actor => RecordedBy; }

/// <summary>§5.3.2: 3–5 key messages on the general prevention effort, never on the individual case.</summary>
public sealed record PressMessageIssued(Guid CaseId, IReadOnlyList<string> KeyMessages, DateTimeOffset IssuedAt, MemberRef RecordedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => IssuedAt; MemberRef? ICaseEvent.Actor => RecordedBy; }
