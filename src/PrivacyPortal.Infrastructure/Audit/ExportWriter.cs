using System.Text.Json;
using CsvHelper;

namespace PrivacyPortal.Infrastructure.Audit;

public enum ExportFormat
{
    Csv,
    JsonLines,
}

/// <summary>
/// Writes rows to a stream as they come, in CSV or JSON Lines, never holding more than the writer's buffer:
/// CSV is RFC 4180 (CRLF, quotes where needed) in UTF-8 with a byte order mark so Excel in Japan reads it as UTF-8,
/// and a text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe.
/// JSON Lines is one object per row with the column names as keys.
/// </summary>
public static class ExportWriter
{
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
    };

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "jsonl";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    public static bool TryParse(string? text, out ExportFormat format)
    {
        (var ok, format) = text?.ToLowerInvariant() switch
        {
            "csv" => (true, ExportFormat.Csv),
            "jsonl" or "json-lines" or "ndjson" => (true, ExportFormat.JsonLines),
            _ => (false, ExportFormat.Csv),
        };
        return ok;
    }

    /// <summary>Writes the header (CSV) and every row; returns the number of rows. <paramref name="progress"/> is told every 10,000 rows.</summary>
    public static async Task<long> WriteAsync<T>(Stream destination, ExportFormat format, string[] columns, IAsyncEnumerable<T> rows, Func<T, string?[]> cells, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cells);
        long count = 0;
        if (format == ExportFormat.Csv)
        {
            await using var csv = CsvWriter.Create(destination, Csv, leaveOpen: true);
            csv.WriteHeader(columns);
            await csv.FlushAsync(cancellationToken);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await csv.WriteRecordAsync(cells(row)!, cancellationToken);
                if (++count % 10_000 == 0)
                {
                    progress?.Invoke(count);
                }
            }

            await csv.FlushAsync(cancellationToken);
            return count;
        }

        var buffer = new MemoryStream(64 * 1024);
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true }))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var values = cells(row);
                json.WriteStartObject();
                for (var i = 0; i < columns.Length; i++)
                {
                    if (values[i] is { } value)
                    {
                        json.WriteString(columns[i], value);
                    }
                    else
                    {
                        json.WriteNull(columns[i]);
                    }
                }

                json.WriteEndObject();
                json.Flush();
                buffer.WriteByte((byte)'\n');
                json.Reset(buffer);
                if (++count % 10_000 == 0)
                {
                    progress?.Invoke(count);
                }

                if (buffer.Length >= 48 * 1024)
                {
                    await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
                    buffer.SetLength(0);
                }
            }
        }

        await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await destination.FlushAsync(cancellationToken);
        return count;
    }
}
