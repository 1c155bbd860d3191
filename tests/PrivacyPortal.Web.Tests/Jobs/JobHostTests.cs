using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Jobs;

/// <summary>
/// The worker hosted by the web app, for real, beside a job that throws on every run (a Chromium crash, as Playwright
/// reports it): the portal keeps serving, the notices keep going out to a real SMTP server, and /health and the
/// administrators' page name the failing job.
/// </summary>
public sealed class JobHostTests : IAsyncLifetime, IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly FailingJobPortal _factory;

    public JobHostTests()
    {
        _factory = new FailingJobPortal(new Dictionary<string, string>(_smtp.Settings)
        {
            ["Worker:Enabled"] = "true",
            ["Worker:PollSeconds"] = "0.2",
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task AJobThatThrowsOnEveryRun_NeitherStopsThePortalNorTheNotices()
    {
        using var person = new IntakeClient(_factory);
        await Eventually.TrueAsync(() => AlwaysCrashingJob.Runs >= 3, "the failing job to have run three times");

        // Filed after the failures began: the outbox job, in its own loop, sends the confirmation anyway.
        await person.FileAsync("netone", ["correction"]);
        await Eventually.TrueAsync(() => _smtp.Messages().Any(m => m.Contains("Confirm your email address", StringComparison.Ordinal)), "the confirmation email to arrive");
        await Eventually.TrueAsync(() => person.LatestNotice(NoticeKind.EmailConfirmation).Notice.SentAtUtc is not null, "the notice to be marked sent");

        var (home, status) = await person.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(home);

        using var admin = await StaffClient.SignInAsync(_factory, "admin@example.jp", StaffRoles.Administrator);
        var (health, _) = await admin.GetAsync("/health/details");
        Assert.Contains("\"jobs\":{\"status\":\"Degraded\"", health, StringComparison.Ordinal);
        Assert.Contains("always-crashing", health, StringComparison.Ordinal);
        Assert.Contains("Target page, context or browser has been closed", health, StringComparison.Ordinal);

        var state = Assert.Single(_factory.Services.GetRequiredService<PortalJobStatus>().Jobs, j => j.Name == AlwaysCrashingJob.JobName);
        Assert.True(state.IsFailing);
        Assert.True(state.Failures >= 3);
        Assert.Equal(0, state.Runs - state.Failures);
        var notices = Assert.Single(_factory.Services.GetRequiredService<PortalJobStatus>().Jobs, j => j.Name == "notices");
        Assert.False(notices.IsFailing);
        Assert.NotNull(notices.LastSucceededAtUtc);

        var (page, _) = await admin.GetAsync("/staff/admin/failures");
        var jobs = Html.Text(page);
        Assert.Contains("always-crashing", jobs, StringComparison.Ordinal);
        Assert.Contains("failing", jobs, StringComparison.Ordinal);
        Assert.Contains("PlaywrightException", jobs, StringComparison.Ordinal);
    }

    private sealed class FailingJobPortal : PortalFactory
    {
        public FailingJobPortal(Dictionary<string, string> settings)
        {
            Settings = settings;
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddPortalJob<AlwaysCrashingJob>());
        }
    }

    /// <summary>What escaped every catch before: Playwright's exception for a browser that went away.</summary>
    private sealed class AlwaysCrashingJob : IPortalJob
    {
        public const string JobName = "always-crashing";
        private static int _runs;

        public static int Runs => Volatile.Read(ref _runs);

        public string Name => JobName;

        public TimeSpan Cadence => TimeSpan.FromMilliseconds(100);

        public Task<bool> RunOnceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            throw new Microsoft.Playwright.PlaywrightException("Target page, context or browser has been closed");
        }
    }
}
