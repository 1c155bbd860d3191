using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// A secret the requester receives as a link: only its hash is kept on the request; the link goes into one notice,
/// already encrypted by the caller (<see cref="ProtectedLink"/>), so no plain token is ever stored.
/// </summary>
public sealed record IssuedSecret(string Hash, string ProtectedLink);

/// <summary>
/// Intake, continued: the links a request hands out (the single-use confirmation, the status link, the own link of the
/// person an agent filed for), confirming the address, and the person saying they did not ask.
/// </summary>
public sealed partial class PrivacyRequest
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan StatusLinkLifetime = TimeSpan.FromDays(180);

    /// <summary>An unconfirmed draft gets one reminder with a new link after this long.</summary>
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromHours(24);

    public string? ConfirmationHash { get; private set; }

    public DateTime? ConfirmationExpiresAtUtc { get; private set; }

    public DateTime? ConfirmationRemindedAtUtc { get; private set; }

    public string StatusTokenHash { get; private set; } = string.Empty;

    public DateTime StatusTokenIssuedAtUtc { get; private set; }

    /// <summary>
    /// The current status link, encrypted by the caller (<see cref="IssuedSecret.ProtectedLink"/>), so that every later
    /// email can carry the same link; replaced when a new link is issued, erased with the personal data.
    /// </summary>
    public string? StatusLinkProtected { get; private set; }

    /// <summary>
    /// The hash of the person's own link, sent to the person an agent filed for, from which they can say they did not
    /// ask for the request. Null when no agent filed, when the person was told by post, and once the data is erased.
    /// </summary>
    public string? PersonTokenHash { get; private set; }

    /// <summary>When the person an agent filed for said they did not ask for the request.</summary>
    public DateTime? PersonObjectedAtUtc { get; private set; }

    /// <summary>The person an agent filed for hears by email: they gave an address that is not the agent's.</summary>
    public bool PersonToldByEmail => Agent is { } agent && !string.IsNullOrEmpty(Requester.Email) && !string.Equals(Requester.Email, agent.Email, StringComparison.OrdinalIgnoreCase);

    public bool ConfirmationExpired(DateTime nowUtc) => ConfirmationExpiresAtUtc is { } expires && nowUtc > expires;

    /// <summary>
    /// The status link works while the request is open and for <see cref="StatusLinkLifetime"/> after it ended (or after
    /// it was issued, if later), until a new one is asked for or the personal data is erased; every email says so.
    /// </summary>
    public bool StatusLinkExpired(DateTime nowUtc) => PurgedAtUtc is not null || (StatusLinkExpiresAtUtc is { } expires && nowUtc > expires);

    /// <summary>Null while the request is open: the link lives as long as the request does.</summary>
    public DateTime? StatusLinkExpiresAtUtc => Status == RequestStatus.Draft
        ? StatusTokenIssuedAtUtc + DraftLifetime
        : CompletedAtUtc is { } completed ? (completed > StatusTokenIssuedAtUtc ? completed : StatusTokenIssuedAtUtc) + StatusLinkLifetime : null;

    /// <summary>
    /// The requester proved the address through the single-use link: the request is received, the clock starts,
    /// the reference is assigned and a fresh status link goes out with the acknowledgement.
    /// </summary>
    public void ConfirmEmail(string confirmationHash, string reference, DeadlineRules rules, IssuedSecret statusLink, DateTime nowUtc, IssuedSecret? personLink = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(statusLink);
        if (Status != RequestStatus.Draft || ConfirmationHash is null)
        {
            throw new DomainException("confirm.already", "This request has already been confirmed.");
        }

        if (!string.Equals(ConfirmationHash, confirmationHash, StringComparison.Ordinal))
        {
            throw new DomainException("confirm.invalid", "This confirmation link is not valid.");
        }

        if (nowUtc > ConfirmationExpiresAtUtc)
        {
            throw new DomainException("confirm.expired", "This confirmation link has expired.");
        }

        var from = Status;
        Move(RequestStatus.Received);
        ConfirmationHash = null;
        // LEGAL.md, receipt: the request was received when it reached the business (到達), i.e. when it was submitted;
        // confirming the address comes after receipt and does not move it.
        ReceivedAtUtc = CreatedAtUtc;
        ReceivedOn = JapanTime.DateOf(new DateTimeOffset(CreatedAtUtc, TimeSpan.Zero));
        Reference = reference;
        RefreshDueOn(rules);
        RotateStatusLink(statusLink, nowUtc);
        Record(nowUtc, "requester", "email-confirmed", from, Status, AuditDetail.Of("reference", reference));
        Notify(NoticeKind.Acknowledgement, statusLink.ProtectedLink, nowUtc);
        AddLetter(LetterKind.Acknowledgement, nowUtc);
        TellPerson(personLink, nowUtc);
    }

    /// <summary>An unconfirmed draft, old enough for its one reminder and not yet old enough to be discarded.</summary>
    public bool DueForReminder(DateTime nowUtc) =>
        Status == RequestStatus.Draft && ConfirmationRemindedAtUtc is null && nowUtc >= CreatedAtUtc + ReminderAfter && !DueForDiscard(nowUtc);

    /// <summary>
    /// The email was not confirmed in time: one reminder with a new single-use link, valid another 24 hours.
    /// </summary>
    public void RemindToConfirm(IssuedSecret confirmation, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        if (!DueForReminder(nowUtc))
        {
            throw new DomainException("draft.no-reminder", "Only an unconfirmed draft gets a reminder, once, before it is discarded.");
        }

        ConfirmationHash = confirmation.Hash;
        ConfirmationExpiresAtUtc = nowUtc + ConfirmationLifetime;
        ConfirmationRemindedAtUtc = nowUtc;
        Touch();
        Record(nowUtc, "system", "confirmation-reminded", Status, Status, null);
        Notify(NoticeKind.ConfirmationReminder, confirmation.ProtectedLink, nowUtc);
    }

    /// <summary>A new status link, asked for when the old one was lost or expired; the old one stops working.</summary>
    public void IssueStatusLink(IssuedSecret statusLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(statusLink);
        RotateStatusLink(statusLink, nowUtc);
        Record(nowUtc, "requester", "status-link-issued", Status, Status, null);
        Notify(NoticeKind.StatusLink, statusLink.ProtectedLink, nowUtc);
    }

    /// <summary>
    /// The person an agent filed for says they did not ask for it: from their own link, or through the desk (the
    /// officer records how). The agent's authority is then in doubt, so the answer cannot go to the agent until the
    /// request is refused for want of it (APPI Art. 37(1)); see <see cref="SendAnswer"/>.
    /// </summary>
    public void RecordPersonObjection(string actor, string how, DateTime nowUtc)
    {
        var text = Required(how, "reason.required", "Say how the person told the company.");
        Guard.ThrowIfRefused(PersonObjectionRefusal());
        PersonObjectedAtUtc = nowUtc;
        Touch();
        // How the person told the company is what an officer typed about them: kept apart from the chain, erased with the rest.
        Record(nowUtc, actor, "person-objected", Status, Status, null, text);
    }

    private DomainException? PersonObjectionRefusal() =>
        Agent is null ? new DomainException("person.no-agent", "This request was made by the person themselves.")
        : PurgedAtUtc is not null ? new DomainException("person.erased", "This request's personal data has been erased.")
        : PersonObjectedAtUtc is not null ? new DomainException("person.already", "It is already recorded that the person did not ask for this request.")
        : null;

    /// <summary>
    /// An agent's request is received: the person it is made for is told, at the contact the agent gave for them, so
    /// that someone acting without authority (APPI Art. 37(3) admits only a legal representative or an appointed
    /// agent) is found out before the answer goes out. By email with the person's own link when they gave an address
    /// of their own; by a letter to their address when they gave none. A representative who shares the person's
    /// address (a parent writing for a child) is not written to twice.
    /// </summary>
    private void TellPerson(IssuedSecret? personLink, DateTime nowUtc)
    {
        if (Agent is null)
        {
            return;
        }

        if (PersonToldByEmail)
        {
            if (personLink is null)
            {
                throw new ArgumentException("The person an agent filed for is told by email, with a link of their own.", nameof(personLink));
            }

            PersonTokenHash = personLink.Hash;
            _notices.Add(new Notice(Guid.NewGuid(), Id, NoticeKind.AgentFiled, Requester.Email, Language, Reference, personLink.ProtectedLink, nowUtc));
            Record(nowUtc, "system", "person-told", Status, Status, AuditDetail.Of("person-told-email"));
        }
        else if (string.IsNullOrEmpty(Requester.Email))
        {
            _letters.Add(new RequestLetter(Guid.NewGuid(), LetterKind.Notice, Language, nowUtc, subject: NoticeKind.AgentFiled, toPerson: true));
            Record(nowUtc, "system", "person-told", Status, Status, AuditDetail.Of("person-told-post"));
        }
        else
        {
            Record(nowUtc, "system", "person-not-told", Status, Status, AuditDetail.Of("person-shares-address"));
        }
    }

    private void RotateStatusLink(IssuedSecret link, DateTime nowUtc)
    {
        StatusTokenHash = link.Hash;
        StatusLinkProtected = link.ProtectedLink;
        StatusTokenIssuedAtUtc = nowUtc;
        Touch();
    }
}
