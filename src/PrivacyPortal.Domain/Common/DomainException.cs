namespace PrivacyPortal.Domain.Common;

/// <summary>A business rule was broken. The message is written for the person who caused it.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
