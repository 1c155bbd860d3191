using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Tests.Data;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Profiles;

/// <summary>Importing profiles into a real SQLite database: new ones are added, changed ones get a new version, unchanged ones nothing.</summary>
public sealed class ProfileImportTests : IDisposable
{
    private readonly TempDirectory _seeds = TempDirectory.WithSeedsCopy();
    private readonly TempDirectory _data = new();

    public void Dispose()
    {
        _seeds.Dispose();
        _data.Dispose();
    }

    private async Task<ImportResult> ImportAsync(ImportMode mode)
    {
        await using var db = SqliteDatabase.Open(_data.File("portal.db"));
        await db.Database.MigrateAsync();
        return await new ProfileImporter(db, TimeProvider.System).ImportAsync(ProfileLoader.LoadDirectory(_seeds.Path), mode, CancellationToken.None);
    }

    [Fact]
    public async Task TheFirstImport_AddsEveryProfileAtVersionOne()
    {
        var result = await ImportAsync(ImportMode.NewVersionsForChanges);

        Assert.Equal(5, result.Added.Count);
        await using var db = SqliteDatabase.Open(_data.File("portal.db"));
        Assert.Equal(5, await db.ProfileVersions.CountAsync());
        Assert.Equal(4, await db.DataControllers.CountAsync());
        Assert.All(await db.Policies.ToListAsync(), p => Assert.Equal(1, p.CurrentVersion));
    }

    [Fact]
    public async Task ReimportingUnchangedProfiles_DoesNothing()
    {
        await ImportAsync(ImportMode.NewVersionsForChanges);

        var result = await ImportAsync(ImportMode.NewVersionsForChanges);

        Assert.Empty(result.Added);
        Assert.Empty(result.Updated);
        Assert.Equal(5, result.Unchanged.Count);
        await using var db = SqliteDatabase.Open(_data.File("portal.db"));
        Assert.Equal(5, await db.ProfileVersions.CountAsync());
    }

    [Fact]
    public async Task ReimportingAChangedProfile_CreatesANewVersion_AndKeepsTheOld()
    {
        await ImportAsync(ImportMode.NewVersionsForChanges);
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => p["desk"]!["phone"] = "03-0000-0000");

        var result = await ImportAsync(ImportMode.NewVersionsForChanges);

        Assert.Equal([("netone", 2)], result.Updated);
        await using var db = SqliteDatabase.Open(_data.File("portal.db"));
        Assert.Equal([1, 2], await db.ProfileVersions.Where(v => v.PolicyId == "netone").OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());
        var current = await new ProfileStore(db).FindAsync("netone", CancellationToken.None);
        Assert.Equal(2, current!.Version);
        Assert.Equal("03-0000-0000", current.Profile.Desk!.Phone);
    }

    [Fact]
    public async Task StartUpImport_AddsOnlyMissingProfiles_AndLeavesExistingVersionsAlone()
    {
        await ImportAsync(ImportMode.MissingOnly);
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => p["desk"]!["phone"] = "03-0000-0000");

        var result = await ImportAsync(ImportMode.MissingOnly);

        Assert.Empty(result.Added);
        Assert.Empty(result.Updated);
        await using var db = SqliteDatabase.Open(_data.File("portal.db"));
        Assert.Equal(1, (await db.Policies.SingleAsync(p => p.Id == "netone")).CurrentVersion);
    }

    [Fact]
    public async Task TheDirectorySearch_FindsByEitherLanguage_AndById()
    {
        await ImportAsync(ImportMode.NewVersionsForChanges);
        await using var db = SqliteDatabase.Open(_data.File("portal.db"));
        var store = new ProfileStore(db);

        Assert.Equal(["nec-univerge-st500"], (await store.ListAsync("日本電気 univerge", CancellationToken.None)).Select(p => p.PolicyId));
        Assert.Equal(["ntt-smartconnect"], (await store.ListAsync("SMARTCONNECT", CancellationToken.None)).Select(p => p.PolicyId));
        Assert.Equal(["ntt-resonant", "ntt-smartconnect"], (await store.ListAsync("ntt", CancellationToken.None)).Select(p => p.PolicyId));
        Assert.Empty(await store.ListAsync("no such company", CancellationToken.None));
    }
}
