namespace PrivacyPortal.Domain.Controllers;

/// <summary>
/// One published policy of a controller and the versions of its procedure profile. Editing or re-importing a
/// profile adds a version; requests keep the version in force when they arrived.
/// </summary>
public sealed class Policy
{
    public const int MaxTitleLength = 300;
    public const int MaxSearchTextLength = 4000;

    private readonly List<ProfileVersion> _versions = [];

    private Policy()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string DataControllerId { get; private set; } = string.Empty;

    public string? TitleJa { get; private set; }

    public string? TitleEn { get; private set; }

    /// <summary>Lower-cased names, ids, desk and address in both languages, for the directory search on any provider.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public int CurrentVersion { get; private set; }

    public IReadOnlyCollection<ProfileVersion> Versions => _versions.AsReadOnly();

    public static Policy Create(ProfileSnapshot snapshot, DateTime importedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var policy = new Policy
        {
            Id = snapshot.Profile.Id,
            DataControllerId = snapshot.Controller.Id,
        };
        policy.AddVersion(snapshot, importedAtUtc);
        return policy;
    }

    /// <summary>
    /// Records <paramref name="snapshot"/> as the new current version unless it equals the current one.
    /// Returns the new version, or null when nothing changed.
    /// </summary>
    public ProfileVersion? Import(ProfileSnapshot snapshot, string currentSha256, DateTime importedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Profile.Id != Id)
        {
            throw new InvalidOperationException($"Profile {snapshot.Profile.Id} cannot be imported into policy {Id}.");
        }

        return snapshot.Sha256 == currentSha256 ? null : AddVersion(snapshot, importedAtUtc);
    }

    private ProfileVersion AddVersion(ProfileSnapshot snapshot, DateTime importedAtUtc)
    {
        if (snapshot.Controller.Id != DataControllerId)
        {
            throw new InvalidOperationException($"Profile {Id} belongs to controller {DataControllerId}, not {snapshot.Controller.Id}.");
        }

        CurrentVersion++;
        TitleJa = snapshot.Profile.Policy.Title.Ja;
        TitleEn = snapshot.Profile.Policy.Title.En;
        SearchText = BuildSearchText(snapshot);
        var version = new ProfileVersion(Id, CurrentVersion, snapshot.Sha256, snapshot.Content, snapshot.SourcePath, importedAtUtc);
        _versions.Add(version);
        return version;
    }

    private static string BuildSearchText(ProfileSnapshot snapshot)
    {
        var profile = snapshot.Profile;
        var controller = snapshot.Controller;
        string?[] parts =
        [
            profile.Id, controller.Id, controller.ReferencePrefix,
            controller.Name.Ja, controller.Name.En, .. controller.Readings,
            profile.Policy.Title.Ja, profile.Policy.Title.En,
            profile.Desk?.Name.Ja, profile.Desk?.Name.En,
            profile.Desk?.Address?.Ja, profile.Desk?.Address?.En,
        ];
        // Words start after a space: an ASCII search term matches the start of a word (" nec"), so NEC does not
        // find smartcon*nec*t; Japanese, written without spaces, matches anywhere.
        var text = " " + string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).SelectMany(SearchWords)) + " ";
        return text.Length <= MaxSearchTextLength ? text : text[..MaxSearchTextLength];
    }

    /// <summary>The form both the stored text and a search term take: NFKC (full-width letters become ASCII), lower case.</summary>
    public static string SearchForm(string value) => Common.UnicodeText.Normalize(value ?? string.Empty, System.Text.NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>A term matches at the start of a word when it is ASCII, anywhere when it is Japanese.</summary>
    public static string SearchPattern(string term) => term.All(char.IsAscii) ? " " + term : term;

    /// <summary>The words of a text or a search, in <see cref="SearchForm"/>: split at spaces and punctuation, Japanese included.</summary>
    public static IEnumerable<string> SearchWords(string? value) =>
        SearchForm(value ?? string.Empty).Split((char[])[' ', '\t', ',', '.', '(', ')', '/', '-', '・', '（', '）', '、', '。', '　'], StringSplitOptions.RemoveEmptyEntries);
}
