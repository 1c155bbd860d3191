using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>What a requester filled in.</summary>
public sealed record NewRequest(
    string PolicyId,
    string Language,
    Requester Requester,
    Agent? Agent,
    IReadOnlyList<(string TypeId, IReadOnlyDictionary<string, string> Details)> Items,
    bool DocumentsByPost,
    string SubmissionKey);

/// <summary>Intake: filing and registering a request, what it must satisfy, who filed it and for whom.</summary>
public sealed partial class PrivacyRequest
{
    public const int MaxSubmissionKeyLength = 64;

    public Requester Requester { get; private set; } = new();

    public Agent? Agent { get; private set; }

    /// <summary>
    /// The profile's rule in force when the request arrived (<see cref="AgentAnswerRule"/>): the answer is posted to the
    /// person, not sent to the agent who filed. Always false without an agent.
    /// </summary>
    public bool AnswerToPerson { get; private set; }

    public bool DocumentsByPost { get; private set; }

    /// <summary>Unique per form rendering: the same form posted twice makes one request.</summary>
    public string SubmissionKey { get; private set; } = string.Empty;

    public static PrivacyRequest File(NewRequest request, ProcedureProfile profile, int profileVersion, IssuedSecret confirmation, IssuedSecret statusLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(statusLink);
        CheckNew(request, profile, JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)));

        var created = New(request, profile, profileVersion, RequestStatus.Draft, nowUtc);
        created.ConfirmationHash = confirmation.Hash;
        created.ConfirmationExpiresAtUtc = nowUtc + ConfirmationLifetime;
        created.StatusTokenHash = statusLink.Hash;
        created.Record(nowUtc, "requester", "filed", null, RequestStatus.Draft, AuditDetail.Of("types", string.Join(",", request.Items.Select(i => i.TypeId))));
        created.Notify(NoticeKind.EmailConfirmation, confirmation.ProtectedLink, nowUtc);
        return created;
    }

    /// <summary>
    /// An officer records a request that reached the business by post, email, phone or in person (APPI Art. 37(1): the
    /// business sets how requests are received, and one that reached it is received). It is received on the day it
    /// arrived (到達日), which starts the clock; the reference is assigned at once. A requester with an email address
    /// gets the acknowledgement with a link to the request; one without hears by post.
    /// </summary>
    public static PrivacyRequest Register(
        NewRequest request, RequestChannel channel, DateOnly arrivedOn, string actor, ProcedureProfile profile, int profileVersion,
        string reference, DeadlineRules rules, IssuedSecret? statusLink, DateTime nowUtc, IssuedSecret? personLink = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        if (channel == RequestChannel.Web)
        {
            throw new DomainException("register.web", "A request made on the online form is filed by the requester, not registered.");
        }

        var today = JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        if (arrivedOn > today)
        {
            throw new DomainException("register.arrival-future", "The day the request arrived cannot be in the future.");
        }

        if (profile.Policy.Dated is { } dated && arrivedOn < dated)
        {
            throw new DomainException("register.arrival-before-policy", $"The request cannot have arrived before the policy it was made under ({dated:yyyy-MM-dd}).");
        }

        CheckNew(request, profile, today);

        var created = New(request, profile, profileVersion, RequestStatus.Received, nowUtc);
        created.Channel = channel;
        // Without an email there is no link; the hash of a fresh random value keeps the column unique and unusable.
        created.StatusTokenHash = statusLink?.Hash ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        created.StatusLinkProtected = statusLink?.ProtectedLink;
        // LEGAL.md, receipt: received when it reached the business, the day the officer records as its arrival.
        created.ReceivedAtUtc = nowUtc;
        created.ReceivedOn = arrivedOn;
        created.Reference = reference;
        if (created.NoticesByPost != statusLink is null)
        {
            throw new ArgumentException("A status link goes with an email address, and only with one.", nameof(statusLink));
        }

        created.RefreshDueOn(rules);
        created.Record(nowUtc, actor, "registered", null, RequestStatus.Received, AuditDetail.Of("registered", channel, arrivedOn, string.Join(",", request.Items.Select(i => i.TypeId))));
        created.Notify(NoticeKind.Acknowledgement, null, nowUtc);
        created.AddLetter(LetterKind.Acknowledgement, nowUtc);
        created.TellPerson(personLink, nowUtc);
        return created;
    }

    /// <summary>Copies may be sent by post where the policy takes requests by post.</summary>
    public static bool AcceptsDocumentsByPost(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.AcceptedTypes().Any(t => t.Offer.Channels.Contains("mail"));
    }

    /// <summary>What filing and registering share: who filed what, under which profile version, and its items.</summary>
    private static PrivacyRequest New(NewRequest request, ProcedureProfile profile, int profileVersion, RequestStatus status, DateTime nowUtc)
    {
        var created = new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            PolicyId = request.PolicyId,
            ControllerId = profile.ControllerId,
            ProfileVersion = profileVersion,
            Language = request.Language == "en" ? "en" : "ja",
            Status = status,
            Requester = request.Requester,
            Agent = request.Agent,
            DocumentsByPost = request.DocumentsByPost,
            AnswerToPerson = request.Agent is not null && profile.Identity.AnswerTo.SendTo == AnswerRecipient.Person,
            SubmissionKey = request.SubmissionKey,
            StatusTokenIssuedAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
        };
        created._items.AddRange(request.Items.Select(i => new RequestItem(i.TypeId, i.Details)));
        return created;
    }

    /// <summary>What any new request must satisfy, filed or registered: types and details the policy takes, an agent it accepts, a real birth date.</summary>
    private static void CheckNew(NewRequest request, ProcedureProfile profile, DateOnly today)
    {
        CheckItems(request, profile);
        CheckAgent(request.Agent, profile);
        if (request.Requester.BirthDate > today)
        {
            throw new DomainException("request.birth-date-future", "The date of birth cannot be in the future.");
        }

        if (request.DocumentsByPost && !AcceptsDocumentsByPost(profile))
        {
            throw new DomainException("request.no-post", "This company does not accept documents by post.");
        }
    }

    private static void CheckItems(NewRequest request, ProcedureProfile profile)
    {
        if (request.Items.Count == 0)
        {
            throw new DomainException("request.no-type", "Choose at least one kind of request.");
        }

        if (request.Items.Select(i => i.TypeId).Distinct(StringComparer.Ordinal).Count() != request.Items.Count)
        {
            throw new DomainException("request.type-twice", "Each kind of request can be chosen once.");
        }

        foreach (var (typeId, details) in request.Items)
        {
            if (RequestType.Find(typeId) is null || profile.Offer(typeId) is not { Accepted: true })
            {
                throw new DomainException("request.type-not-accepted", $"This company does not accept the request type '{typeId}'.", RequestType.Find(typeId)?.Name ?? (object)typeId);
            }

            foreach (var field in RequestFields.For(typeId))
            {
                var value = details.GetValueOrDefault(field.Id);
                if (field.Required && string.IsNullOrWhiteSpace(value))
                {
                    throw new DomainException("request.field-required", $"'{field.Label.En}' is required for {typeId}.", field.Label);
                }

                if (field.Kind == FieldKind.Choice && !string.IsNullOrEmpty(value) && RequestFields.ChoicesFor(field, profile.Offer(typeId)).All(c => c.Id != value))
                {
                    throw new DomainException("request.not-a-choice", $"'{value}' is not a choice for '{field.Label.En}'.", field.Label);
                }
            }

            var unknown = details.Keys.Except(RequestFields.For(typeId).Select(f => f.Id), StringComparer.Ordinal).FirstOrDefault();
            if (unknown is not null)
            {
                throw new DomainException("request.unknown-field", $"'{unknown}' is not a field of {typeId}.", unknown);
            }
        }
    }

    private static void CheckAgent(Agent? agent, ProcedureProfile profile)
    {
        if (agent is null)
        {
            return;
        }

        var party = agent.IsLegalRepresentative ? profile.Identity.LegalRepresentative : profile.Identity.AppointedAgent;
        if (party.Accepted == false)
        {
            throw new DomainException("request.agent-kind", "This company does not accept requests from this kind of representative.");
        }
    }
}
