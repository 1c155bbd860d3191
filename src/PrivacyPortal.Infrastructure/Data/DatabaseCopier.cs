using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Data;

/// <summary>
/// Moves a whole portal from one database to another (the embedded SQLite portal to PostgreSQL): the target is
/// migrated, must hold no data, and receives every row of every table through the model, parents before children,
/// in batches, each table in one transaction; identity sequences are moved past the copied keys. The embedded
/// portal's files (documents, letters, the document key) and its data-protection key ring go into the target's
/// Blobs and DataProtectionKeys tables, so the copy reads its documents and honours its links without the old folder.
/// </summary>
public sealed class DatabaseCopier(PortalDbContext source, PortalDbContext target, TextWriter progress)
{
    private const int BatchSize = 500;

    private static readonly MethodInfo CopyTableMethod = typeof(DatabaseCopier).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Copies everything; returns the rows per table in the target.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CopyAsync(string? sourceDataDirectory, CancellationToken cancellationToken)
    {
        await target.Database.MigratePortalAsync(cancellationToken);
        // A new database holds only the empty heads of the audit chains; the source's heads replace them.
        foreach (var table in Tables(target.Model).Where(t => t.ClrType != typeof(Audit.AuditChainHead)))
        {
            if (await (Task<bool>)typeof(DatabaseCopier).GetMethod(nameof(AnyAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(table.ClrType).Invoke(null, [target, cancellationToken])!)
            {
                throw new InvalidOperationException($"The target database is not empty (table {table.GetTableName()} has rows): copy-database only fills a new database.");
            }
        }

        await target.AuditChainHeads.ExecuteDeleteAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        // Events keep the sequence numbers and hashes they were written with: the copy verifies as the source did.
        target.WritesChainVerbatim = true;
        try
        {
            foreach (var table in Tables(source.Model))
            {
                counts[table.GetTableName()!] = await (Task<long>)CopyTableMethod.MakeGenericMethod(table.ClrType).Invoke(this, [table, cancellationToken])!;
            }
        }
        finally
        {
            target.WritesChainVerbatim = false;
        }

        if (sourceDataDirectory is not null)
        {
            counts["Blobs"] += await CopyFilesAsync(sourceDataDirectory, cancellationToken);
            counts["DataProtectionKeys"] += await CopyKeyRingAsync(Path.Combine(sourceDataDirectory, "keys"), cancellationToken);
        }

        await ResetSequencesAsync(cancellationToken);
        return counts;
    }

    /// <summary>The tables in an order where every row's parents are copied before it (owned types travel with their owner).</summary>
    public static IReadOnlyList<IEntityType> Tables(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var types = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t) && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(Root(fk.PrincipalEntityType)))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle; the tables cannot be ordered.");
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }

        return ordered;
    }

    private static IEntityType Root(IEntityType type) => type.IsOwned() ? Root(type.FindOwnership()!.PrincipalEntityType) : type;

    private static Task<bool> AnyAsync<T>(PortalDbContext db, CancellationToken cancellationToken)
        where T : class => db.Set<T>().AnyAsync(cancellationToken);

    private async Task<long> CopyTableAsync<T>(IEntityType table, CancellationToken cancellationToken)
        where T : class
    {
        var key = table.FindPrimaryKey()!.Properties;
        var copied = 0L;
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        while (true)
        {
            source.ChangeTracker.Clear();
            target.ChangeTracker.Clear();
            IQueryable<T> query = source.Set<T>();
            var ordered = key.Skip(1).Aggregate(query.OrderBy(e => EF.Property<object>(e, key[0].Name)), (q, p) => q.ThenBy(e => EF.Property<object>(e, p.Name)));
            var batch = await ordered.Skip((int)copied).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                Add(source.Entry(row), target.Entry(row));
            }

            await target.SaveChangesAsync(cancellationToken);
            copied += batch.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        await progress.WriteLineAsync($"{table.GetTableName()}: {copied} rows");
        return copied;
    }

    /// <summary>The row as it was read, every column (shadow ones too), its owned parts with it; never its navigations.</summary>
    private static void Add(EntityEntry from, EntityEntry to)
    {
        to.State = EntityState.Added;
        // By name: the two contexts have models of their own (and shadow columns are only in the entries).
        foreach (var property in from.Properties)
        {
            to.Property(property.Metadata.Name).CurrentValue = property.CurrentValue;
        }

        foreach (var owned in from.References.Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is not null))
        {
            Add(owned.TargetEntry!, to.Reference(owned.Metadata.Name).TargetEntry!);
        }
    }

    private async Task<long> CopyFilesAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var documents = Path.Combine(dataDirectory, DocumentVault.Folder);
        if (Directory.Exists(documents))
        {
            files.AddRange(Directory.GetFiles(documents, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)));
        }

        var key = Path.Combine(dataDirectory, DocumentVault.KeyName);
        if (File.Exists(key))
        {
            files.Add(key);
        }

        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file, cancellationToken);
            target.Blobs.Add(new StoredBlob
            {
                Name = Path.GetRelativePath(dataDirectory, file).Replace(Path.DirectorySeparatorChar, '/'),
                Content = content,
                Length = content.Length,
                StoredAtUtc = File.GetLastWriteTimeUtc(file),
            });
            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
        }

        await progress.WriteLineAsync($"files: {files.Count} into Blobs");
        return files.Count;
    }

    private async Task<long> CopyKeyRingAsync(string keys, CancellationToken cancellationToken)
    {
        var ring = Directory.Exists(keys) ? Directory.GetFiles(keys, "key-*.xml") : [];
        foreach (var file in ring.Order(StringComparer.Ordinal))
        {
            target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file, cancellationToken) });
        }

        await target.SaveChangesAsync(cancellationToken);
        await progress.WriteLineAsync($"key ring: {ring.Length} keys into DataProtectionKeys");
        return ring.Length;
    }

    /// <summary>Identity columns were given the copied values: their sequences continue after the highest.</summary>
    private async Task ResetSequencesAsync(CancellationToken cancellationToken)
    {
        if (PortalDatabase.ProviderOf(target) != PortalProvider.Postgres)
        {
            return;
        }

        foreach (var table in Tables(target.Model))
        {
            foreach (var column in table.GetProperties().Where(p => p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            {
                var name = table.GetTableName()!;
                var columnName = column.GetColumnName();
#pragma warning disable EF1002 // Names come from the model, not from input.
                await target.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{columnName}'), coalesce((SELECT max(\"{columnName}\") FROM \"{name}\"), 0) + 1, false) WHERE pg_get_serial_sequence('\"{name}\"', '{columnName}') IS NOT NULL",
                    cancellationToken);
#pragma warning restore EF1002
            }
        }
    }
}
