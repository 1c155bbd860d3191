namespace PrivacyPortal.Domain.Requests;

/// <summary>The four families every screen puts first, and the rest.</summary>
public enum RequestFamily
{
    Disclosure,
    Correction,
    Deletion,
    StopProvision,
    Other,
}
