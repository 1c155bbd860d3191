namespace PrivacyPortal.Domain.Controllers;

/// <summary>A company whose policies the portal serves. The details live in its profiles; this row anchors them.</summary>
public sealed class DataController
{
    public const int MaxNameLength = 200;
    public const int MaxReferencePrefixLength = 10;

    private DataController()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string? NameJa { get; private set; }

    public string? NameEn { get; private set; }

    public string ReferencePrefix { get; private set; } = string.Empty;

    public static DataController Create(DataControllerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var controller = new DataController { Id = profile.Id };
        controller.UpdateFrom(profile);
        return controller;
    }

    /// <summary>Takes the names from a newer profile; the id never changes.</summary>
    public void UpdateFrom(DataControllerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Id != Id)
        {
            throw new InvalidOperationException($"Profile {profile.Id} does not describe controller {Id}.");
        }

        NameJa = profile.Name.Ja;
        NameEn = profile.Name.En;
        ReferencePrefix = profile.ReferencePrefix;
    }
}
