namespace PrivacyPortal.Domain.Requests;

/// <summary>An internal note on a case: staff only, never shown to the requester.</summary>
public sealed class CaseNote
{
    public const int MaxTextLength = 2000;

    private CaseNote()
    {
    }

    public CaseNote(Guid id, string author, string text, DateTime atUtc)
    {
        Id = id;
        Author = author;
        Text = text;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public string Author { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTime AtUtc { get; private set; }
}
