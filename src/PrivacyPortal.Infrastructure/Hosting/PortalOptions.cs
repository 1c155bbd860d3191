namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>Where the portal keeps its data and finds its profiles. Relative paths resolve against the content root.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The folder for the SQLite database, logs and (later) stored documents. Default: "data".</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The data directory as configured, resolved against the content root. For what must be known before the
    /// options are built (logging, data-protection keys); everything else reads the bound options.
    /// </summary>
    public static string ResolveDataDirectory(Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetFullPath(configuration[$"{Section}:{nameof(DataDirectory)}"] ?? "data", contentRoot);
    }

    /// <summary>The seeds directory with one folder per controller. Default: the "seeds" folder shipped next to the binaries.</summary>
    public string ProfilesDirectory { get; set; } = string.Empty;

    /// <summary>
    /// The address links in emails start with, e.g. https://privacy.example.jp. Pages use the address of the request
    /// when this is empty; background jobs, which have no request, use it as set (default: the embedded default's address).
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// Demo mode (embedded default only): seeds demo staff accounts and demo requests on an empty database and logs
    /// how to sign in. Never for real data: the demo password is published.
    /// </summary>
    public bool Demo { get; set; }

    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    /// <summary>The base of links written by background jobs.</summary>
    public string JobsBaseUrl => (string.IsNullOrWhiteSpace(PublicBaseUrl) ? DefaultPublicBaseUrl : PublicBaseUrl).TrimEnd('/');
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (the embedded default), "Postgres" or "SqlServer".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The provider as configured; start-up stops with the accepted names on anything else.</summary>
    public static Data.PortalProvider ResolveProvider(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ParseProvider(configuration[$"{Section}:{nameof(Provider)}"]);
    }

    public static Data.PortalProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => Data.PortalProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => Data.PortalProvider.Postgres,
        "SQLSERVER" or "MSSQL" => Data.PortalProvider.SqlServer,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported; use Sqlite, Postgres or SqlServer."),
    };

    /// <summary>Empty: a SQLite file portal.db in the data directory (required for Postgres and SqlServer).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Apply pending migrations at start-up. True on the embedded default.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
