namespace PrivacyPortal.Domain.Requests;

/// <summary>How a request reached the business: the online form, or a channel its policy names.</summary>
public enum RequestChannel
{
    Web,
    Post,
    Email,
    Phone,
    InPerson,
}
