namespace PrivacyPortal.Domain.Common;

/// <summary>Whether the controller's policy states a fact. "Not published" is shown as such, never filled in.</summary>
public enum PublicationStatus
{
    Published,
    NotPublished,
}
