using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// A database built by the hand-written migrations, holding requests (draft and received), letters (pending and printed),
/// notices, audit events, staff with roles and assignments and the administration trail, upgrades to the generated
/// migration set: every row of every table is still there with the same values, the schema is the one a new database
/// gets, and the portal reads it.
/// </summary>
public sealed class UpgradeFromHandWrittenMigrationsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ADatabaseOfTheHandWrittenMigrations_UpgradesWithoutLosingARow()
    {
        var path = _folder.File("hand-written.db");
        await using (var old = HandWrittenSqliteContext.Open(path))
        {
            await old.Database.MigrateAsync();
            Assert.Equal(PortalMigrations.HandWrittenSqlite, await old.Database.GetAppliedMigrationsAsync());
        }

        var letterSha = await FillAsync(path);
        var oldColumns = Columns(path);
        var before = Rows(path, oldColumns);
        Assert.True(before.Count(r => r.StartsWith("Requests:", StringComparison.Ordinal)) == 3, string.Join('\n', before.Take(5)));

        await using (var db = SqliteDatabase.Open(path))
        {
            // The hand-written history becomes the generated baseline; what was generated after it is applied.
            var applied = await db.Database.MigratePortalAsync();
            Assert.Equal(db.Database.GetMigrations().SkipWhile(id => id != PortalMigrations.SqliteBaseline).Skip(1), applied);
            Assert.NotEmpty(applied);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());

            // The portal reads what the old version wrote.
            var received = await db.Requests.Include(r => r.Letters).Where(r => r.Reference != null).OrderBy(r => r.Reference).ToListAsync();
            Assert.Equal(["NETONE-2026-000001", "NETONE-2026-000002"], received.Select(r => r.Reference));
            Assert.Equal("Person 0", received[0].Requester.FullName);
            Assert.Equal(letterSha, received[0].Letters.Single().Sha256);
            Assert.Equal(LetterStatus.Ready, received[0].Letters.Single().Status);
            Assert.Equal(LetterStatus.Pending, received[1].Letters.Single().Status);
            Assert.Equal("officer@example.jp", (await db.Users.SingleAsync()).Email);
        }

        Assert.Equal(before, Rows(path, oldColumns));
        var fresh = _folder.File("fresh.db");
        await using (var db = SqliteDatabase.Open(fresh))
        {
            await db.Database.MigratePortalAsync();
        }

        Assert.Equal(MigrationTests.Describe(fresh), MigrationTests.Describe(path));

        // Migrating again changes nothing.
        await using (var db = SqliteDatabase.Open(path))
        {
            Assert.Empty(await db.Database.MigratePortalAsync());
        }

        Assert.Equal(before, Rows(path, oldColumns));
    }

    [Fact]
    public async Task ADatabaseThatStoppedHalfwayThroughTheHandWrittenSet_IsRefusedWithTheWayOut()
    {
        var path = _folder.File("halfway.db");
        await using (var old = HandWrittenSqliteContext.Open(path))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261122040000_StaffAndCases");
        }

        await using var db = SqliteDatabase.Open(path);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.MigratePortalAsync());
        Assert.Contains("20261122040000_StaffAndCases", error.Message, StringComparison.Ordinal);
        Assert.Contains("portal migrate", error.Message, StringComparison.Ordinal);
        // Nothing was changed: the old history is as it was.
        Assert.Equal(PortalMigrations.HandWrittenSqlite.Take(5), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task ANewDatabase_GetsTheGeneratedSet()
    {
        await using var db = SqliteDatabase.Open(_folder.File("new.db"));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.MigratePortalAsync());
        Assert.Equal(PortalMigrations.SqliteBaseline, db.Database.GetMigrations().First());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>What the portal of the hand-written migrations would hold: profiles, three requests, letters, staff.</summary>
    private static async Task<string> FillAsync(string path)
    {
        var catalog = ProfileLoader.LoadDirectory(RepoPaths.Seeds);
        await using var db = HandWrittenSqliteContext.Open(path);
        await new ProfileImporter(db, TimeProvider.System).ImportAsync(catalog, ImportMode.MissingOnly, CancellationToken.None);
        var profile = catalog.Find("netone")!.Profile;
        var rules = DeadlineRules.For(profile);
        var requests = Enumerable.Range(0, 3).Select(i => PrivacyRequest.File(
            new NewRequest("netone", "ja", new Requester { FullName = $"Person {i}", BirthDate = new DateOnly(1980, 1, 1), PostalCode = "140-8621", Address = "東京都品川区", Email = $"person{i}@example.jp" }, null, [("correction", new Dictionary<string, string> { ["untrue"] = "住所", ["correct"] = "新住所" })], false, $"key{i}"),
            profile,
            1,
            new IssuedSecret($"confirm{i}", "protected-confirm"),
            new IssuedSecret($"status{i}", "protected-status"),
            Now.AddMinutes(i))).ToList();
        db.Requests.AddRange(requests);
        requests[0].ConfirmEmail("confirm0", "NETONE-2026-000001", rules, new IssuedSecret("status0b", "protected"), Now.AddHours(1));
        requests[1].ConfirmEmail("confirm1", "NETONE-2026-000002", rules, new IssuedSecret("status1b", "protected"), Now.AddHours(2));
        var sha = new string('a', 64);
        requests[0].LetterPrinted(requests[0].Letters.Single().Id, "2026/letter.bin", sha, 1234, Now.AddHours(3));

        db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(StaffRoles.PrivacyOfficer) { Id = "role-officer", NormalizedName = StaffRoles.PrivacyOfficer.ToUpperInvariant() });
        db.Users.Add(new StaffUser { Id = "user-1", UserName = "officer@example.jp", NormalizedUserName = "OFFICER@EXAMPLE.JP", Email = "officer@example.jp", NormalizedEmail = "OFFICER@EXAMPLE.JP", DisplayName = "担当 太郎", CreatedAtUtc = Now, SecurityStamp = "stamp" });
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = "user-1", RoleId = "role-officer" });
        db.StaffAssignments.Add(new StaffAssignment { UserId = "user-1", ControllerId = "netone" });
        db.AdminAuditEvents.Add(new AdminAuditEvent { AtUtc = Now, Actor = "admin@example.jp", Action = "account-created", Subject = "officer@example.jp" });
        await db.SaveChangesAsync();
        return sha;
    }

    /// <summary>Every row of every table but the migration history, as text, in key order.</summary>
    /// <summary>Each table's columns as the hand-written schema had them: later migrations only add.</summary>
    private static Dictionary<string, List<string>> Columns(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var tables = MigrationTests.Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name").Select(r => r[0]);
        return tables.ToDictionary(table => table, table => MigrationTests.Query(connection, $"PRAGMA table_info(\"{table}\")").Select(r => $"\"{r[1]}\"").ToList());
    }

    private static List<string> Rows(string path, Dictionary<string, List<string>> columns)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return columns.SelectMany(table => MigrationTests.Query(connection, $"SELECT {string.Join(", ", table.Value)} FROM \"{table.Key}\" ORDER BY rowid").Select(row => $"{table.Key}: {string.Join(" | ", row)}")).ToList();
    }
}
