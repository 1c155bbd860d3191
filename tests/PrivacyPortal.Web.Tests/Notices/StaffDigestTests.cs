using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Notices;

/// <summary>Daily digests to officers and escalations to administrators, sent to a real SMTP server and read back.</summary>
public sealed class StaffDigestTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly PortalFactory _factory;

    public StaffDigestTests()
    {
        _factory = new PortalFactory { Settings = _smtp.Settings };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    private async Task<(int Digests, int Escalations)> DigestAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDigests>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<int> DispatchAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Officers_GetOneDigestADay_OfTheirCasesDueSoonOrOverdue_AndAdministratorsAnEscalation()
    {
        using var filed = await ReceivedCase.FileAsync(_factory);
        var reference = filed.Load().Reference!;
        await StaffClient.CreateAccountAsync(_factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"]);
        await StaffClient.CreateAccountAsync(_factory, "elsewhere@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        await StaffClient.CreateAccountAsync(_factory, "admin@example.jp", StaffRoles.Administrator, ["ntt-smartconnect"]);
        await DispatchAsync();

        // Received 2026-11-24, due 2026-12-08: nothing to say until 3 days before.
        Assert.Equal((0, 0), await DigestAsync());
        _factory.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal((1, 0), await DigestAsync());
        Assert.Equal((0, 0), await DigestAsync());
        Assert.Equal(1, await DispatchAsync());

        var digest = Assert.Single(_smtp.Messages(), m => m.Contains("To: officer@example.jp", StringComparison.Ordinal));
        Assert.Contains("Subject: 【プライバシーポータル】本日の期限案件：期限超過 0 件、3日以内 1 件", digest, StringComparison.Ordinal);
        Assert.Contains($"{reference}  2026-12-08  あと3日", digest, StringComparison.Ordinal);
        Assert.Contains($"/staff/cases/{filed.Id}", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("hanako", digest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_smtp.Messages(), m => m.Contains("To: elsewhere@example.jp", StringComparison.Ordinal));

        _factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal((1, 1), await DigestAsync());
        Assert.Equal((0, 0), await DigestAsync());
        Assert.Equal(2, await DispatchAsync());
        var escalation = Assert.Single(_smtp.Messages(), m => m.Contains("To: admin@example.jp", StringComparison.Ordinal));
        Assert.Contains($"Subject: 【プライバシーポータル】期限超過の案件 {reference}", escalation, StringComparison.Ordinal);
        Assert.Contains("1 日過ぎています", escalation, StringComparison.Ordinal);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(3, await db.AdminAuditEvents.CountAsync(e => e.Action == "staff-message-sent"));
    }
}
