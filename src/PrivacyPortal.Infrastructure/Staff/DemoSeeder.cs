using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Requests;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>
/// Demo mode: on a database with no staff yet, one administrator, one auditor and one officer per controller, all
/// with the published demo password, and one received request per policy. Each account sets up its authenticator
/// app at first sign-in, as a real one would. Addresses use the reserved .invalid domain, so no mail reaches anyone.
/// </summary>
public sealed class DemoSeeder(PortalDbContext db, StaffAccounts accounts, UserManager<StaffUser> users, NoticeLinks links, IPortalPaths paths, IOptions<PortalOptions> portal, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "privacy-portal-demo";
    public const string Domain = "demo.invalid";

    public async Task SeedAsync(ProfileCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            logger.LogWarning("DEMO MODE: staff accounts exist already; sign in as before (password {Password}).", DemoPassword);
            return;
        }

        var controllers = catalog.Profiles.Select(p => p.Controller.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var accountsMade = new List<string>
        {
            await CreateAsync($"admin@{Domain}", "Demo administrator", StaffRoles.Administrator, [], cancellationToken),
            await CreateAsync($"auditor@{Domain}", "Demo auditor", StaffRoles.Auditor, [], cancellationToken),
        };
        foreach (var controller in controllers)
        {
            accountsMade.Add(await CreateAsync($"officer.{controller}@{Domain}", $"Demo officer ({controller})", StaffRoles.PrivacyOfficer, [controller], cancellationToken));
        }

        foreach (var snapshot in catalog.Profiles)
        {
            await FileDemoRequestAsync(snapshot, cancellationToken);
        }

        logger.LogWarning(
            "DEMO MODE: demo data only. Staff sign in at {SignIn} as {Accounts} with the password {Password}, then set up an authenticator app.",
            portal.Value.JobsBaseUrl + paths.StaffSignIn, string.Join(", ", accountsMade), DemoPassword);
    }

    private async Task<string> CreateAsync(string email, string name, string role, string[] controllers, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateAsync(email, name, role, controllers, "demo", cancellationToken);
        created.User.IsDemo = true;
        var result = await users.AddPasswordAsync(created.User, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return email;
    }

    private async Task FileDemoRequestAsync(ProfileSnapshot snapshot, CancellationToken cancellationToken)
    {
        var profile = snapshot.Profile;
        var type = profile.AcceptedTypes()[0].Type.Id;
        var details = RequestFields.For(type).ToDictionary(f => f.Id, f => f.Kind == FieldKind.Choice ? RequestFields.ChoicesFor(f, profile.Offer(type))[0].Id : "Demo request: all data held about me.");
        var now = clock.GetUtcNow().UtcDateTime;
        var confirmToken = SecretTokens.New();
        var statusToken = SecretTokens.New();
        var baseUrl = portal.Value.JobsBaseUrl;
        var version = await db.Policies.Where(p => p.Id == profile.Id).Select(p => p.CurrentVersion).SingleAsync(cancellationToken);
        var request = PrivacyRequest.File(
            new NewRequest(
                profile.Id,
                "ja",
                new Requester { FullName = "デモ 花子", Kana = "デモ ハナコ", BirthDate = new DateOnly(1985, 4, 1), PostalCode = "100-0001", Address = "東京都千代田区（デモ）", Email = $"requester.{profile.Id}@{Domain}" },
                null,
                [(type, details)],
                DocumentsByPost: false,
                SecretTokens.New()[..32]),
            profile,
            version,
            new IssuedSecret(SecretTokens.Hash(confirmToken), links.Protect(baseUrl + paths.Confirm(confirmToken))),
            new IssuedSecret(SecretTokens.Hash(SecretTokens.New()), links.Protect(baseUrl + paths.Status("-"))),
            now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await ReferenceAllocator.NextAsync(db, snapshot.Controller.ReferencePrefix, JapanTime.DateOf(clock.GetUtcNow()).Year, cancellationToken);
        request.ConfirmEmail(SecretTokens.Hash(confirmToken), reference, DeadlineRules.For(profile), new IssuedSecret(SecretTokens.Hash(statusToken), links.Protect(baseUrl + paths.Status(statusToken))), now);
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
