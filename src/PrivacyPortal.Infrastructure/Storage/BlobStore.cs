using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Storage;

/// <summary>
/// Where the portal's files go (identity documents, letters, the document key), already encrypted by their owner.
/// Names are relative paths ("documents/2026/....bin"). Two stores: files in the data folder (the embedded
/// default) and a table in the portal's database (several instances: one system of record, one backup).
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores a new blob; false when one of that name exists already (nothing is overwritten).</summary>
    Task<bool> TryAddAsync(string name, byte[] content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when there is no such blob.</summary>
    Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes a blob; one already gone is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"File" or "Database"; empty: File on SQLite, Database on a server database.</summary>
    public string Blobs { get; set; } = string.Empty;
}

public static class BlobStores
{
    public static IBlobStore Create(IServiceProvider services, IConfiguration configuration, PortalProvider provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chosen = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Blobs)}"]?.Trim().ToUpperInvariant();
        return chosen switch
        {
            "FILE" => ActivatorUtilities.CreateInstance<FileBlobStore>(services),
            "DATABASE" => ActivatorUtilities.CreateInstance<DatabaseBlobStore>(services),
            null or "" => provider == PortalProvider.Sqlite
                ? ActivatorUtilities.CreateInstance<FileBlobStore>(services)
                : ActivatorUtilities.CreateInstance<DatabaseBlobStore>(services),
            _ => throw new InvalidOperationException($"Storage:Blobs '{chosen}' is not supported; use File or Database."),
        };
    }
}

/// <summary>Blobs as files under the data folder, written to a temporary name and renamed: never half a file.</summary>
public sealed class FileBlobStore(IOptions<PortalOptions> portal) : IBlobStore
{
    private string PathOf(string name) => Path.Combine(portal.Value.DataDirectory, name);

    public async Task<bool> TryAddAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }
}

/// <summary>Blobs as rows of the Blobs table, each written in its own short transaction.</summary>
public sealed class DatabaseBlobStore(IServiceScopeFactory scopes, TimeProvider clock) : IBlobStore
{
    public async Task<bool> TryAddAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Blobs.Add(new StoredBlob { Name = name, Content = content, Length = content.Length, StoredAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Blobs.AnyAsync(b => b.Name == name, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Blobs.AsNoTracking().Where(b => b.Name == name).Select(b => b.Content).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Blobs.Where(b => b.Name == name).ExecuteDeleteAsync(cancellationToken);
    }
}
