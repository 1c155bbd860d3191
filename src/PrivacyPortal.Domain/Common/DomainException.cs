namespace PrivacyPortal.Domain.Common;

/// <summary>A business rule was broken. The message is written for the person who caused it.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    /// <summary>A rule with a stable code, so a screen can say it in the user's language (text key "Rule.{code}").</summary>
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Code { get; }
}
