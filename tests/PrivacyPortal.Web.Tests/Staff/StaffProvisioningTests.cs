using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Cli;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>How staff come to exist: the first administrator from the CLI, others from administration, demo staff in demo mode.</summary>
public sealed class StaffProvisioningTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<(int Exit, string Out, string Error)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await PortalCli.RunAsync(args, stdout, stderr, new Dictionary<string, string?> { ["Portal:DataDirectory"] = _data.Path, ["Portal:ProfilesDirectory"] = RepoPaths.Seeds });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task CreateAdmin_PrintsASingleUseLink_ThatTheWebAppAccepts_ThenAsksForTheSecondFactor()
    {
        var (exit, output, _) = await CliAsync("create-admin", "--email", "root@example.jp", "--name", "Root");
        Assert.Equal(ExitCodes.Ok, exit);
        var link = new Uri(output.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal)).Trim());
        Assert.Equal("/staff/set-password", link.AbsolutePath);

        await using var factory = new PortalFactory { Settings = { ["Portal:DataDirectory"] = _data.Path } };
        using var client = StaffClient.Anonymous(factory);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        using var set = await client.PostFormAsync("/staff/set-password", new() { ["user"] = query["user"]!, ["token"] = query["token"]!, ["password"] = "a passphrase for root" }, link.PathAndQuery);
        Assert.Contains("Your password is set.", Html.Text(await set.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var signIn = await client.PostFormAsync("/staff/login", new() { ["email"] = "root@example.jp", ["password"] = "a passphrase for root" });
        Assert.Equal("/staff/2fa", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff/admin")).Status);
    }

    [Fact]
    public async Task CreateAdmin_RefusesADuplicate_AndABadAddress()
    {
        Assert.Equal(ExitCodes.Ok, (await CliAsync("create-admin", "--email", "root@example.jp")).Exit);

        var (duplicate, _, error) = await CliAsync("create-admin", "--email", "root@example.jp");
        Assert.Equal(ExitCodes.Failure, duplicate);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, (await CliAsync("create-admin", "--email", "not an address")).Exit);
        Assert.Equal(ExitCodes.Usage, (await CliAsync("create-admin")).Exit);
    }

    [Fact]
    public async Task AnAdministrator_CreatesAnOfficer_AndEveryChangeIsOnTheTrail()
    {
        await using var factory = new PortalFactory();
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);

        using var created = await admin.PostFormAsync("/staff/admin?handler=Create", new() { ["email"] = "new.officer@example.jp", ["displayName"] = "New", ["role"] = StaffRoles.PrivacyOfficer }, "/staff/admin", [new("controllers", "nec")]);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("/staff/set-password?user=", html, StringComparison.Ordinal);
        using var duplicate = await admin.PostFormAsync("/staff/admin?handler=Create", new() { ["email"] = "new.officer@example.jp", ["role"] = StaffRoles.PrivacyOfficer }, "/staff/admin");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("already exists", Html.Text(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = db.Users.Single(u => u.Email == "new.officer@example.jp");
        using var reassigned = await admin.PostFormAsync("/staff/admin?handler=Controllers", new() { ["userId"] = user.Id }, "/staff/admin", [new("controllers", "netone"), new("controllers", "nec")]);
        Assert.Equal(HttpStatusCode.Redirect, reassigned.StatusCode);
        using var disabled = await admin.PostFormAsync("/staff/admin?handler=Lock", new() { ["userId"] = user.Id, ["locked"] = "true" }, "/staff/admin");

        db.ChangeTracker.Clear();
        Assert.Equal(["nec", "netone"], db.StaffAssignments.Where(a => a.UserId == user.Id).Select(a => a.ControllerId).OrderBy(c => c).ToList());
        Assert.True(db.Users.Single(u => u.Id == user.Id).LockoutEnd > DateTimeOffset.UtcNow);
        var trail = db.AdminAuditEvents.Where(e => e.Subject == "new.officer@example.jp").Select(e => e.Action).ToList();
        Assert.Equal(["staff-created", "staff-controllers-set", "staff-disabled"], trail);
        Assert.All(db.AdminAuditEvents.Where(e => e.Subject == "new.officer@example.jp"), e => Assert.Equal("admin@example.jp", e.Actor));
    }

    [Fact]
    public async Task AnAdministrator_EditsAProfile_IntoANewVersion_WhileFiledRequestsKeepTheirs()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory, "netone", ["disclosure"]);
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        var (page, _) = await admin.GetAsync("/staff/admin/profiles/netone");
        var json = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea id=\"json\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        var edited = json.Replace("\"internalTargetDays\": 14", "\"internalTargetDays\": 10", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);

        using var broken = await admin.PostFormAsync("/staff/admin/profiles/netone", new() { ["baseVersion"] = "1", ["json"] = edited.Replace("\"id\": \"netone\"", "\"id\": \"other\"", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("must stay 'netone'", Html.Text(await broken.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var saved = await admin.PostFormAsync("/staff/admin/profiles/netone", new() { ["baseVersion"] = "1", ["json"] = edited });
        Assert.Equal("/staff/admin/profiles/netone?saved=2", saved.Headers.Location!.OriginalString);
        using var stale = await admin.PostFormAsync("/staff/admin/profiles/netone", new() { ["baseVersion"] = "1", ["json"] = json });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(1, filed.Load().ProfileVersion);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(2, db.Policies.Single(p => p.Id == "netone").CurrentVersion);
        Assert.Contains(db.AdminAuditEvents, e => e.Action == "profile-edited" && e.Subject == "netone" && e.Actor == "admin@example.jp");
    }

    [Fact]
    public async Task DemoMode_SeedsStaffAndOneReceivedRequestPerPolicy()
    {
        await using var factory = new PortalFactory { Settings = { ["Portal:Demo"] = "true" } };
        using var client = StaffClient.Anonymous(factory);
        var (login, _) = await client.GetAsync("/staff/login");
        Assert.Contains("Demo mode: every account and request here is demo data.", Html.Text(login), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(
            ["admin@demo.invalid", "auditor@demo.invalid", "officer.nec@demo.invalid", "officer.netone@demo.invalid", "officer.ntt-resonant@demo.invalid", "officer.ntt-smartconnect@demo.invalid"],
            await db.Users.Select(u => u.Email!).OrderBy(e => e).ToListAsync());
        Assert.All(await db.Users.ToListAsync(), u => Assert.True(u.IsDemo));
        Assert.Equal(5, await db.Requests.CountAsync(r => r.Status == RequestStatus.Received));

        using var signIn = await client.PostFormAsync("/staff/login", new() { ["email"] = "officer.nec@demo.invalid", ["password"] = DemoSeeder.DemoPassword });
        Assert.Equal("/staff/2fa", signIn.Headers.Location!.OriginalString);
    }
}
