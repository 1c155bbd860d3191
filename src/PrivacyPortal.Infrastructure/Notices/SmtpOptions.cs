namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS, required: the connection fails if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a relay on the same machine or a test server on loopback.</summary>
    None,
}

/// <summary>The "Smtp" configuration section. With no Host, mail is written as .eml files to PickupDirectory.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary>StartTls (default), StartTlsWhenAvailable, SslOnConnect or None.</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The older switch: false means Security=None when Security is not set.</summary>
    public bool UseStartTls { get; set; } = true;

    public string UserName { get; set; } = string.Empty;

    /// <summary>From configuration or the environment (Smtp__Password), never from the repository.</summary>
    public string Password { get; set; } = string.Empty;

    public string From { get; set; } = "PrivacyPortal <no-reply@privacyportal.invalid>";

    /// <summary>Seconds a connection, command or message may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Where .eml files go when no Host is set; relative to the data directory. Default "mail".</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>List the pickup directory at /dev/mail (for the embedded default only; it shows links with secrets).</summary>
    public bool ShowPickupPage { get; set; }

    public bool UsesPickup => string.IsNullOrWhiteSpace(Host);

    public SmtpSecurity EffectiveSecurity => Security ?? (UseStartTls ? SmtpSecurity.StartTls : SmtpSecurity.None);
}

/// <summary>The "Worker" configuration section.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Whether the web app hosts the background worker; false when `portal worker` runs separately.</summary>
    public bool Enabled { get; set; } = true;

    public double PollSeconds { get; set; } = 5;

    /// <summary>Digests, escalations and retention change at most daily: a look every ten minutes is plenty.</summary>
    public double DailyJobsMinutes { get; set; } = 10;

    /// <summary>How often the frequent jobs (outbox, letters, drafts, cases) look for work; at least 0.2 s.</summary>
    public TimeSpan PollCadence => TimeSpan.FromSeconds(Math.Max(0.2, PollSeconds));

    public TimeSpan DailyJobsCadence => TimeSpan.FromMinutes(Math.Max(0.01, DailyJobsMinutes));

    public int BatchSize { get; set; } = 50;

    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long a worker's claim on outbox rows and on a whole-table job lasts. A worker that dies holding a claim
    /// loses it when this passes, and another worker takes the rows over; it must outlast one batch.
    /// </summary>
    public double ClaimLeaseSeconds { get; set; } = 120;

    public TimeSpan ClaimLease => TimeSpan.FromSeconds(Math.Max(1, ClaimLeaseSeconds));
}
