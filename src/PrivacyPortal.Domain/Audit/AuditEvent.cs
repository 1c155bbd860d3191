namespace PrivacyPortal.Domain.Audit;

/// <summary>
/// One thing that happened to a request: who, what, when, and the status before and after. Written by the
/// aggregate in the same SaveChanges as the change itself, so a change without its record cannot exist. Append-only
/// and hash-chained (<see cref="AuditChain"/>): the coded fields are on the chain; text a person typed (a reason, a
/// receipt number) is kept apart in <see cref="Text"/> and only its salted digest is chained, so erasing the text at
/// the end of retention leaves the chain verifiable.
/// </summary>
public sealed class AuditEvent : IChainedEvent
{
    public const int MaxDetailLength = 1000;

    private AuditEvent()
    {
    }

    public AuditEvent(Guid requestId, DateTime atUtc, string actor, string action, string? fromStatus, string? toStatus, string? detail, string? personalText = null)
    {
        RequestId = requestId;
        AtUtc = AuditChain.Instant(atUtc);
        Actor = actor;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Detail = detail;
        if (!string.IsNullOrEmpty(personalText))
        {
            Text = new AuditText(personalText);
            TextDigest = Text.Digest;
        }
    }

    public long Id { get; private set; }

    public Guid RequestId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>"requester", "system", or a staff account.</summary>
    public string Actor { get; private set; } = string.Empty;

    public string Action { get; private set; } = string.Empty;

    public string? FromStatus { get; private set; }

    public string? ToStatus { get; private set; }

    /// <summary>Coded, non-personal detail (counts, codes, hashes, dates).</summary>
    public string? Detail { get; private set; }

    /// <summary>The salted digest of the personal text, kept on the chain after the text is erased.</summary>
    public string? TextDigest { get; private set; }

    /// <summary>The personal text, kept apart; null when there was none or once it is erased.</summary>
    public AuditText? Text { get; private set; }

    public bool TextErased => TextDigest is not null && Text is null;

    public long Seq { get; private set; }

    public string Hash { get; private set; } = string.Empty;

    public string PrevHash { get; private set; } = string.Empty;

    public IReadOnlyList<string?> ChainedFields() => Fields(RequestId, AtUtc, Actor, Action, FromStatus, ToStatus, Detail, TextDigest);

    /// <summary>The chained fields in their fixed order, for the verifier reading rows without the entity.</summary>
    public static IReadOnlyList<string?> Fields(Guid requestId, DateTime atUtc, string actor, string action, string? fromStatus, string? toStatus, string? detail, string? textDigest) =>
        [AuditChain.Cases, requestId.ToString("D"), AuditChain.Format(atUtc), actor, action, fromStatus, toStatus, detail, textDigest];

    public void Seal(long seq, string prevHash)
    {
        Seq = seq;
        PrevHash = prevHash;
        Hash = AuditChain.Compute(seq, prevHash, ChainedFields());
    }

    /// <summary>
    /// An event written before the chain, when typed text still sat in <see cref="Detail"/>: the text moves apart
    /// (what stays coded is kept) before the event is sealed for the first time. Nothing else may change an event.
    /// </summary>
    public void SeparateLegacyText(string? codedPart)
    {
        if (Seq > 0 || string.IsNullOrEmpty(Detail))
        {
            return;
        }

        var text = codedPart is not null && Detail.StartsWith(codedPart + ": ", StringComparison.Ordinal) ? Detail[(codedPart.Length + 2)..] : Detail;
        Text = new AuditText(text);
        TextDigest = Text.Digest;
        Detail = codedPart;
    }

    /// <summary>Erasure at the end of retention: the text and its salt go, the digest stays on the chain.</summary>
    public void EraseText() => Text = null;
}

/// <summary>Personal text of one audit event, with the salt of its digest.</summary>
public sealed class AuditText
{
    private AuditText()
    {
    }

    public AuditText(string value)
    {
        Value = value;
        Salt = AuditChain.NewSalt();
    }

    public string Value { get; private set; } = string.Empty;

    public string Salt { get; private set; } = string.Empty;

    public string Digest => AuditChain.TextDigest(Salt, Value);
}
